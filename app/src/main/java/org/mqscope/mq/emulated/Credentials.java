package org.mqscope.mq.emulated;

import java.io.IOException;
import java.util.List;

import org.mqscope.mq.ProcessStatus;

/**
 * Who an emulated process is: what the kernel would look at for permissions, accounting and notification
 * ownership. {@code uid}/{@code gid} serve as real and filesystem ids alike (they differ only for set-id programs).
 *
 * @param pid              the process id (thread-group id) that owns notification registrations
 * @param umask            applied to the mode of created queues
 * @param capSysResource   bypasses msg_max, msgsize_max and queues_max (not the hard caps, not RLIMIT_MSGQUEUE)
 * @param capDacOverride   bypasses the queue's permission bits
 * @param capFowner        may unlink queues owned by others
 */
public record Credentials(int pid, int uid, int gid, int umask, boolean capSysResource, boolean capDacOverride,
                          boolean capFowner) {

    /** An ordinary user: umask 022, no capabilities. */
    public static Credentials unprivileged(int pid, int uid, int gid) {
        return new Credentials(pid, uid, gid, ProcessStatus.DEFAULT_UMASK, false, false, false);
    }

    /** This JVM process as the kernel sees it (from /proc/self/status); an ordinary user where that is unreadable. */
    public static Credentials current() {
        int pid = (int) ProcessHandle.current().pid();
        try {
            return of(pid, ProcessStatus.self());
        } catch (IOException | RuntimeException e) {
            return unprivileged(pid, 65534, 65534);
        }
    }

    static Credentials fromStatus(int pid, List<String> lines) {
        return of(pid, ProcessStatus.parse(lines));
    }

    /** An emulated process {@code pid} with what {@code p} (the one model of a process's rights) allows. */
    public static Credentials of(int pid, ProcessStatus p) {
        if (p.uid() < 0 || p.gid() < 0) {
            throw new IllegalArgumentException("no Uid/Gid in /proc/self/status");
        }
        return new Credentials(pid, p.uid(), p.gid(), p.umask(), p.has(ProcessStatus.CAP_SYS_RESOURCE),
                p.has(ProcessStatus.CAP_DAC_OVERRIDE), p.has(ProcessStatus.CAP_FOWNER));
    }

    /** The same process with another pid (e.g. a forked child that inherits the credentials). */
    public Credentials withPid(int newPid) {
        return new Credentials(newPid, uid, gid, umask, capSysResource, capDacOverride, capFowner);
    }
}
