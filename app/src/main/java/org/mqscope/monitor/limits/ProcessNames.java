package org.mqscope.monitor.limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The name of a process (e.g. the one registered for notification, NOTIFY_PID) from /proc/&lt;pid&gt;/comm. */
public final class ProcessNames {
    private static final Path PROC = Path.of("/proc");

    private ProcessNames() {
    }

    /** The command name of {@code pid}, or null when it has exited or its comm file cannot be read. */
    public static String comm(long pid) {
        return comm(PROC, pid);
    }

    static String comm(Path proc, long pid) {
        if (pid <= 0) {
            return null;
        }
        try {
            String name = new String(Files.readAllBytes(proc.resolve(Long.toString(pid)).resolve("comm")),
                    StandardCharsets.UTF_8).strip();
            return name.isEmpty() ? null : name;
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /** "1234 (java)", or "pid 1234" when the name cannot be read. */
    public static String describe(long pid) {
        String name = comm(pid);
        return name == null ? "pid " + pid : pid + " (" + name + ")";
    }
}
