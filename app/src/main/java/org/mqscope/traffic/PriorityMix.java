package org.mqscope.traffic;

import org.mqscope.mq.Mq;

import java.util.Random;

/** Which priorities a producer gives its messages. */
public enum PriorityMix {
    /** Every message at the lane's one priority. */
    CONSTANT("Constant", "every message at one priority"),
    /** Uniform over 0..31, the range most programs use. */
    SPREAD("Spread 0–31", "uniform over 0..31"),
    /** Mostly low with some high: 85% at 1, 10% at 5, 5% at 9 (the demo orders' bands). */
    BANDS("Bands 1/5/9", "85% at 1, 10% at 5, 5% at 9"),
    /** Only the extremes: 0 and 32767, half and half. */
    EXTREMES("Extremes 0/32767", "0 or 32767, half and half");

    static final int SPREAD_TOP = 31;
    static final int[] BAND_PRIORITIES = {1, 5, 9};
    private static final int LOW_PERCENT = 85;
    private static final int MIDDLE_PERCENT = 10;

    private final String label;
    private final String description;

    PriorityMix(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** The next priority; {@code constant} is used by {@link #CONSTANT} only. */
    public int next(Random random, int constant) {
        return switch (this) {
            case CONSTANT -> constant;
            case SPREAD -> random.nextInt(SPREAD_TOP + 1);
            case BANDS -> {
                int p = random.nextInt(100);
                yield p < LOW_PERCENT ? BAND_PRIORITIES[0]
                        : p < LOW_PERCENT + MIDDLE_PERCENT ? BAND_PRIORITIES[1] : BAND_PRIORITIES[2];
            }
            case EXTREMES -> random.nextBoolean() ? 0 : Mq.PRIO_MAX - 1;
        };
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return label;
    }
}
