package org.mqscope.ui.charts;

import java.time.Duration;

/** How often the charts move (and the queues are sampled for them): off, or 1 to 10 times a second. */
enum RefreshRate {
    OFF(0), HZ_1(1), HZ_2(2), HZ_5(5), HZ_10(10);

    final int hertz;

    RefreshRate(int hertz) {
        this.hertz = hertz;
    }

    /** Time between two chart updates, or null when off. */
    Duration period() {
        return hertz == 0 ? null : Duration.ofMillis(1000 / hertz);
    }

    /** The rate of {@code hertz}, else the default (2 Hz). */
    static RefreshRate ofHertz(int hertz) {
        for (RefreshRate r : values()) {
            if (r.hertz == hertz) {
                return r;
            }
        }
        return HZ_2;
    }

    @Override
    public String toString() {
        return hertz == 0 ? "Off" : hertz + " Hz";
    }
}
