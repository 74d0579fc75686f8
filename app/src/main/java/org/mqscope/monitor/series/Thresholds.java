package org.mqscope.monitor.series;

import org.mqscope.monitor.QueueSample;

/**
 * When a queue's depth deserves attention: curmsgs at or above a fraction of its maxmsg is a warning, at or above
 * a larger fraction critical (a full queue makes senders block or fail with EAGAIN). Immutable.
 *
 * @param warning  fraction of maxmsg, in (0, 1]
 * @param critical fraction of maxmsg, in [warning, 1]
 */
public record Thresholds(double warning, double critical) {
    public static final Thresholds DEFAULT = new Thresholds(0.70, 0.90);
    /** 0.7 × 10 must count as 7, not 7.000000000000001. */
    private static final double ROUNDING = 1e-9;

    /** How full a queue is. */
    public enum Level {
        NORMAL, WARNING, CRITICAL,
        /** curmsgs or maxmsg could not be read. */
        UNKNOWN
    }

    public Thresholds {
        if (!(warning > 0 && warning <= 1)) {
            throw new IllegalArgumentException("warning must be a fraction in (0, 1], not " + warning);
        }
        if (!(critical >= warning && critical <= 1)) {
            throw new IllegalArgumentException("critical must be in [warning, 1], not " + critical);
        }
    }

    /** From percentages, e.g. 70 and 90. */
    public static Thresholds percent(int warning, int critical) {
        return new Thresholds(warning / 100.0, critical / 100.0);
    }

    public Level level(QueueSample sample) {
        return sample == null ? Level.UNKNOWN : level(sample.currentMessages(), sample.maxMessages());
    }

    /** The level of {@code curmsgs} in a queue of {@code maxmsg}; negative values mean unknown. */
    public Level level(long curmsgs, long maxmsg) {
        if (curmsgs < 0 || maxmsg <= 0) {
            return Level.UNKNOWN;
        }
        if (curmsgs >= criticalCount(maxmsg) - ROUNDING) {
            return Level.CRITICAL;
        }
        return curmsgs >= warningCount(maxmsg) - ROUNDING ? Level.WARNING : Level.NORMAL;
    }

    /** curmsgs from which a queue of {@code maxmsg} is a warning (at least 1). */
    public double warningCount(long maxmsg) {
        return Math.max(1, warning * maxmsg);
    }

    /** curmsgs from which a queue of {@code maxmsg} is critical (at least 1). */
    public double criticalCount(long maxmsg) {
        return Math.max(1, critical * maxmsg);
    }
}
