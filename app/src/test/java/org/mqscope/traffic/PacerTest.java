package org.mqscope.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacerTest {
    private static final long MS = 1_000_000L;

    @Test
    void spacesMessagesByTheRate() {
        Pacer p = new Pacer();
        assertThat(p.waitNanos(100, 0)).isLessThanOrEqualTo(0);
        p.took(100);
        assertThat(p.waitNanos(100, 0)).isEqualTo(10 * MS);
        assertThat(p.waitNanos(100, 10 * MS)).isZero();
    }

    @Test
    void catchesUpAtMostTheBacklog() {
        Pacer p = new Pacer();
        p.waitNanos(1000, 0);
        p.took(1000);
        long now = 5000 * MS; // held up for five seconds
        int burst = 0;
        while (p.waitNanos(1000, now) <= 0) {
            p.took(1000);
            burst++;
        }
        assertThat(burst).isEqualTo((int) (Pacer.BACKLOG_NANOS / MS) + 1);
    }

    @Test
    void followsARateIncreaseAtOnce() {
        Pacer p = new Pacer();
        p.waitNanos(0.1, 0);
        p.took(0.1); // next in ten seconds
        assertThat(p.waitNanos(1000, MS)).isLessThanOrEqualTo(MS);
    }
}
