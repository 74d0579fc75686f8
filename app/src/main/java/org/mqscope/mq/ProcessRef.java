package org.mqscope.mq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process as /proc shows it: its pid and command name (null where /proc does not tell). Its {@link #toString}
 * is the one way a process is named to the user ("java (pid 1234)"); what it may do is {@link ProcessStatus}.
 */
public record ProcessRef(int pid, String command) {
    private static final Path PROC = Path.of("/proc");

    /** The process with its command name from /proc/PID/comm (null name when it is gone or unreadable). */
    public static ProcessRef of(int pid) {
        return of(PROC, pid);
    }

    /** As {@link #of(int)} with /proc mounted at {@code proc} (tests). */
    static ProcessRef of(Path proc, int pid) {
        if (pid <= 0) {
            return new ProcessRef(pid, null);
        }
        try {
            String name = Files.readString(proc.resolve(Integer.toString(pid)).resolve("comm")).strip();
            return new ProcessRef(pid, name.isEmpty() ? null : name);
        } catch (IOException | RuntimeException e) {
            return new ProcessRef(pid, null);
        }
    }

    @Override
    public String toString() {
        return command == null ? "pid " + pid : command + " (pid " + pid + ")";
    }
}
