package org.mqscope.mq.kernel;

import java.time.Duration;

/** Turning a Java timeout into what poll(2) takes, across the restarts a signal can cause. */
final class PollTimeouts {
    private PollTimeouts() {
    }

    /** The duration in nanoseconds, Long.MAX_VALUE when it does not fit. */
    static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Milliseconds left for poll(2), rounded up so that a short wait does not become a busy loop. */
    static int pollMillis(long waitNanos, long start) {
        if (waitNanos < 0) {
            return -1;
        }
        long left = waitNanos - (System.nanoTime() - start);
        if (left <= 0) {
            return 0;
        }
        long millis = (left + 999_999) / 1_000_000;
        return (int) Math.min(Integer.MAX_VALUE, millis);
    }
}
