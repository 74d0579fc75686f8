package org.mqscope.monitor.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mqscope.monitor.series.Samples.queue;
import static org.mqscope.monitor.series.Samples.unreadable;

import org.junit.jupiter.api.Test;
import org.mqscope.monitor.series.Thresholds.Level;

class ThresholdsTest {

    @Test
    void defaultsAreSeventyAndNinetyPercentOfMaxmsg() {
        Thresholds t = Thresholds.DEFAULT;
        assertThat(t.level(queue("/q", 0, 10, 0))).isEqualTo(Level.NORMAL);
        assertThat(t.level(queue("/q", 6, 10, 0))).isEqualTo(Level.NORMAL);
        assertThat(t.level(queue("/q", 7, 10, 0))).isEqualTo(Level.WARNING);
        assertThat(t.level(queue("/q", 8, 10, 0))).isEqualTo(Level.WARNING);
        assertThat(t.level(queue("/q", 9, 10, 0))).isEqualTo(Level.CRITICAL);
        assertThat(t.level(queue("/q", 10, 10, 0))).isEqualTo(Level.CRITICAL);
    }

    @Test
    void fractionsThatDoNotMultiplyExactlyStillCountTheBoundary() {
        Thresholds t = Thresholds.percent(7, 29);
        assertThat(t.level(7, 100)).isEqualTo(Level.WARNING);
        assertThat(t.level(29, 100)).isEqualTo(Level.CRITICAL);
        assertThat(t.level(28, 100)).isEqualTo(Level.WARNING);
    }

    @Test
    void settable() {
        Thresholds t = Thresholds.percent(50, 75);
        assertThat(t.level(4, 10)).isEqualTo(Level.NORMAL);
        assertThat(t.level(5, 10)).isEqualTo(Level.WARNING);
        assertThat(t.level(8, 10)).isEqualTo(Level.CRITICAL);
    }

    @Test
    void anEmptyQueueIsNeverAWarningEvenWithTinyMaxmsg() {
        assertThat(Thresholds.DEFAULT.level(0, 1)).isEqualTo(Level.NORMAL);
        assertThat(Thresholds.DEFAULT.level(1, 1)).isEqualTo(Level.CRITICAL);
        assertThat(Thresholds.percent(1, 2).level(0, 10)).isEqualTo(Level.NORMAL);
    }

    @Test
    void unknownWhenDepthOrCapacityIsUnknown() {
        assertThat(Thresholds.DEFAULT.level(unreadable("/x"))).isEqualTo(Level.UNKNOWN);
        assertThat(Thresholds.DEFAULT.level(null)).isEqualTo(Level.UNKNOWN);
        assertThat(Thresholds.DEFAULT.level(3, 0)).isEqualTo(Level.UNKNOWN);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new Thresholds(0.9, 0.7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Thresholds(0, 0.7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Thresholds(0.5, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
