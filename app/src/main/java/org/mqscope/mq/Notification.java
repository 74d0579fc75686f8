package org.mqscope.mq;

import java.util.Objects;

/**
 * A {@code struct sigevent} for mq_notify(3). Pass {@code null} to {@link MqQueue#notify} to remove a registration.
 *
 * @param method   sigev_notify: {@link #SIGEV_SIGNAL}, {@link #SIGEV_NONE} or {@link #SIGEV_THREAD}; other values
 *                 are passed through so that the EINVAL check can be exercised
 * @param signo    sigev_signo for SIGEV_SIGNAL (0 is accepted by Linux: registered and consumed, no signal sent)
 * @param value    sigev_value (sival_int) delivered with a signal
 * @param callback the function run on a new thread for SIGEV_THREAD, else null
 */
public record Notification(int method, int signo, int value, Runnable callback) {
    public static final int SIGEV_SIGNAL = 0;
    public static final int SIGEV_NONE = 1;
    public static final int SIGEV_THREAD = 2;
    /** Highest valid signal number on Linux (_NSIG). */
    public static final int SIGRTMAX = 64;

    /** SIGEV_NONE: registers the process, nothing is delivered; the registration is consumed when it would fire. */
    public static Notification none() {
        return new Notification(SIGEV_NONE, 0, 0, null);
    }

    /** SIGEV_THREAD: the callback runs on a new thread when a message arrives on the empty queue. */
    public static Notification callback(Runnable callback) {
        return new Notification(SIGEV_THREAD, 0, 0, Objects.requireNonNull(callback, "callback"));
    }

    /** SIGEV_SIGNAL with the given signal number. */
    public static Notification signal(int signo) {
        return new Notification(SIGEV_SIGNAL, signo, 0, null);
    }

    /** Any sigev_notify value, valid or not, e.g. to see the EINVAL Linux gives for an unknown method. */
    public static Notification raw(int method, int signo) {
        return new Notification(method, signo, 0, null);
    }

    /** Whether Linux accepts this sigevent (sigev_notify known; signo within 0..64 for SIGEV_SIGNAL). */
    public boolean isValid() {
        if (method != SIGEV_SIGNAL && method != SIGEV_NONE && method != SIGEV_THREAD) {
            return false;
        }
        return method != SIGEV_SIGNAL || (signo >= 0 && signo <= SIGRTMAX);
    }
}
