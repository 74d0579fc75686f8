package org.mqscope.monitor.limits;

import java.io.IOException;
import java.util.List;

import org.mqscope.mq.ProcessStatus;

/**
 * Who this process is for queue creation, from /proc/self/status: the uid charged for RLIMIT_MSGQUEUE, the umask
 * applied to a new queue's mode, and whether CAP_SYS_RESOURCE lifts msg_max, msgsize_max and queues_max.
 *
 * @param uid            real uid (RLIMIT_MSGQUEUE is charged to it), -1 when unknown
 * @param umask          the process's umask (022 when the kernel does not show it)
 * @param capSysResource CAP_SYS_RESOURCE is in the effective set
 */
public record SelfStatus(int uid, int gid, int umask, boolean capSysResource) {

    /** This process; an unknown user without capabilities where /proc cannot be read. */
    public static SelfStatus current() {
        try {
            return of(ProcessStatus.self());
        } catch (IOException | RuntimeException e) {
            return new SelfStatus(-1, -1, ProcessStatus.DEFAULT_UMASK, false);
        }
    }

    static SelfStatus parse(List<String> lines) {
        return of(ProcessStatus.parse(lines));
    }

    private static SelfStatus of(ProcessStatus p) {
        return new SelfStatus(p.uid(), p.gid(), p.umask(), p.has(ProcessStatus.CAP_SYS_RESOURCE));
    }

    /** The mode a queue created with {@code mode} gets: the umask's bits taken away. */
    public int effectiveMode(int mode) {
        return mode & ~umask & 07777;
    }
}
