package org.mqscope.monitor.processes;

import org.mqscope.mq.Notification;

/**
 * The process registered with mq_notify, from the queue's status line (NOTIFY, SIGNO, NOTIFY_PID).
 *
 * @param method  NOTIFY: SIGEV_SIGNAL (0), SIGEV_NONE (1) or SIGEV_THREAD (2, which glibc implements with a
 *                netlink socket and the kernel reports as such)
 * @param command the owner's /proc/PID/comm, null when gone or unreadable
 */
public record NotifyOwner(int pid, int method, int signo, String command) {

    /** When a registration fires, in words (the same text wherever it is shown). */
    public static final String RULE = "A registration fires once, only when the queue goes from empty to non-empty"
            + " and only if no thread is blocked in mq_receive on it (that thread gets the message instead);"
            + " then it is removed.";

    /** "signal 10", "thread (SIGEV_THREAD)", "none (SIGEV_NONE)". */
    public String methodText() {
        return switch (method) {
            case Notification.SIGEV_SIGNAL -> "signal " + signo;
            case Notification.SIGEV_NONE -> "none (SIGEV_NONE)";
            case Notification.SIGEV_THREAD -> "thread (SIGEV_THREAD)";
            default -> "method " + method;
        };
    }
}
