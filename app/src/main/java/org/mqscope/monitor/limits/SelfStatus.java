package org.mqscope.monitor.limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Who this process is for queue creation, from /proc/self/status: the uid charged for RLIMIT_MSGQUEUE, the umask
 * applied to a new queue's mode, and whether CAP_SYS_RESOURCE lifts msg_max, msgsize_max and queues_max.
 *
 * @param uid            real uid (RLIMIT_MSGQUEUE is charged to it), -1 when unknown
 * @param umask          the process's umask (022 when the kernel does not show it)
 * @param capSysResource CAP_SYS_RESOURCE is in the effective set
 */
public record SelfStatus(int uid, int gid, int umask, boolean capSysResource) {
    private static final int CAP_SYS_RESOURCE = 24;
    private static final int DEFAULT_UMASK = 022;
    private static final Path STATUS = Path.of("/proc/self/status");

    /** This process; an unknown user without capabilities where /proc cannot be read. */
    public static SelfStatus current() {
        try {
            return parse(Files.readAllLines(STATUS));
        } catch (IOException | RuntimeException e) {
            return new SelfStatus(-1, -1, DEFAULT_UMASK, false);
        }
    }

    static SelfStatus parse(List<String> lines) {
        int uid = -1;
        int gid = -1;
        int umask = DEFAULT_UMASK;
        long caps = 0;
        for (String line : lines) {
            String[] f = line.split("\\s+");
            switch (f[0]) {
                case "Uid:" -> uid = Integer.parseInt(f[1]);
                case "Gid:" -> gid = Integer.parseInt(f[1]);
                case "Umask:" -> umask = Integer.parseInt(f[1], 8);
                case "CapEff:" -> caps = Long.parseUnsignedLong(f[1], 16);
                default -> { }
            }
        }
        return new SelfStatus(uid, gid, umask, (caps & (1L << CAP_SYS_RESOURCE)) != 0);
    }

    /** The mode a queue created with {@code mode} gets: the umask's bits taken away. */
    public int effectiveMode(int mode) {
        return mode & ~umask & 07777;
    }
}
