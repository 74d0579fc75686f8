package org.mqscope.mq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The lines of /proc/self/status that decide what the kernel lets a process do with queues: ids, umask and the
 * effective capabilities. Read once by whoever needs them (the emulation's credentials, the create checks).
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

    public boolean has(int capability) {
        return (capEff & (1L << capability)) != 0;
    }
}
