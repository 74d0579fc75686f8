package org.mqscope.ui.charts;

import java.time.Duration;

/** How much history the charts show: the last 1, 5 or 15 minutes. */
enum TimeWindow {
    ONE(Duration.ofMinutes(1)),
    FIVE(Duration.ofMinutes(5)),
    FIFTEEN(Duration.ofMinutes(15));

    final Duration length;

    TimeWindow(Duration length) {
        this.length = length;
    }

    /** The window of {@code minutes}, else the default (1 min). */
    static TimeWindow ofMinutes(long minutes) {
        for (TimeWindow w : values()) {
            if (w.length.toMinutes() == minutes) {
                return w;
            }
        }
        return ONE;
    }

    @Override
    public String toString() {
        return length.toMinutes() + " min";
    }
}
