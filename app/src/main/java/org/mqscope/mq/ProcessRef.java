package org.mqscope.mq;

/** A process as /proc shows it: its pid and command name (null where /proc does not tell). */
public record ProcessRef(int pid, String command) {
    @Override
    public String toString() {
        return command == null ? "pid " + pid : command + " (pid " + pid + ")";
    }
}
