package org.mqscope.traffic;

/**
 * A token bucket for one worker: says how long to wait before the next message at a given rate. Stores at most
 * {@link #BACKLOG_NANOS} of missed sends (a worker held up by a full queue catches up briefly, not forever) and
 * follows rate changes at once. One thread only.
 */
final class Pacer {
    static final long BACKLOG_NANOS = 100_000_000L;
    private static final double NANOS_PER_SECOND = 1e9;

    private long next;
    private boolean armed;

    /** Nanoseconds until the next message is due at {@code rate} (per second, > 0); zero or less: now. */
    long waitNanos(double rate, long now) {
        long interval = interval(rate);
        if (!armed) {
            next = now;
            armed = true;
        }
        if (next < now - BACKLOG_NANOS) {
            next = now - BACKLOG_NANOS;
        } else if (next > now + interval) {
            next = now + interval; // the rate went up: do not wait out the old, longer interval
        }
        return next - now;
    }

    /** One message went (or was tried). */
    void took(double rate) {
        next += interval(rate);
    }

    /** Starts afresh, e.g. after an idle phase, so the idle time is not made up in a burst. */
    void reset() {
        armed = false;
    }

    private static long interval(double rate) {
        return Math.max(1, (long) (NANOS_PER_SECOND / rate));
    }
}
