package org.mqscope.mq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The lines of /proc/self/status that decide what the kernel lets a process do with queues: ids, umask and the
 * effective capabilities. The one model of what a process may do with queues: read once by whoever needs it (the
 * emulation's credentials, the create and recreate dialogs); {@link ProcessRef} is the one way to name a process.
 *
 * @param uid    real uid, -1 when the file does not show it
 * @param gid    real gid, -1 when the file does not show it
 * @param umask  022 when the kernel does not show it
 * @param capEff the effective capability set, as a bit mask
 */
public record ProcessStatus(int uid, int gid, int umask, long capEff) {
    public static final int CAP_DAC_OVERRIDE = 1;
    public static final int CAP_FOWNER = 3;
    public static final int CAP_SYS_RESOURCE = 24;
    public static final int DEFAULT_UMASK = 022;

    /** Nobody in particular: where /proc cannot be read, an unknown user with no capabilities. */
    public static final ProcessStatus UNKNOWN = new ProcessStatus(-1, -1, DEFAULT_UMASK, 0);

    /** This process, or {@link #UNKNOWN} where /proc/self/status cannot be read. */
    public static ProcessStatus current() {
        try {
            return self();
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    /** This process. */
    public static ProcessStatus self() throws IOException {
        return parse(Files.readAllLines(Path.of("/proc/self/status")));
    }

    public static ProcessStatus parse(List<String> lines) {
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
        return new ProcessStatus(uid, gid, umask, caps);
    }

    /** CAP_SYS_RESOURCE lifts msg_max, msgsize_max and queues_max (not the hard caps, not RLIMIT_MSGQUEUE). */
    public boolean capSysResource() {
        return has(CAP_SYS_RESOURCE);
    }

    /** The mode a queue created with {@code mode} gets: the umask's bits taken away. */
    public int effectiveMode(int mode) {
        return mode & ~umask & 07777;
    }

    public boolean has(int capability) {
        return (capEff & (1L << capability)) != 0;
    }
}
