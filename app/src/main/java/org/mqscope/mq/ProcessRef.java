package org.mqscope.mq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process as /proc shows it: its pid and command name (null where /proc does not tell). */
public record ProcessRef(int pid, String command) {

    /** The process with its command name from /proc/PID/comm (null name when it is gone or unreadable). */
    public static ProcessRef of(int pid) {
        try {
            return new ProcessRef(pid, Files.readString(Path.of("/proc", Integer.toString(pid), "comm")).strip());
        } catch (IOException | RuntimeException e) {
            return new ProcessRef(pid, null);
        }
    }

    @Override
    public String toString() {
        return command == null ? "pid " + pid : command + " (pid " + pid + ")";
    }
}
