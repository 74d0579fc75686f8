package org.mqscope.mq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** poll(2) on a descriptor (§13): POLLIN iff a message is stored, POLLOUT iff a slot is free, any access mode. */
abstract class PollContract extends MqContract {
    static final int BOTH = Mq.POLLIN | Mq.POLLOUT;

    @Test
    void readinessFollowsTheQueueNotTheAccessMode() throws MqException {
        try (MqQueue rw = create(MqAttributes.of(2, 16)); MqQueue ro = reopen(rw, Mq.O_RDONLY);
             MqQueue wo = reopen(rw, Mq.O_WRONLY)) {
            List<MqQueue> all = List.of(rw, ro, wo);
            assertThat(all).allSatisfy(d -> assertThat(d.poll(BOTH, Duration.ZERO)).isEqualTo(Mq.POLLOUT));
            rw.send(bytes("1"), 0);
            assertThat(all).allSatisfy(d -> assertThat(d.poll(BOTH, Duration.ZERO)).isEqualTo(BOTH));
            rw.send(bytes("2"), 0);
            assertThat(all).allSatisfy(d -> assertThat(d.poll(BOTH, Duration.ZERO)).isEqualTo(Mq.POLLIN));
        }
    }

    @Test
    void onlyTheRequestedEventsAreReported() throws MqException {
        try (MqQueue q = create(MqAttributes.of(1, 16))) {
            assertThat(q.poll(Mq.POLLIN, Duration.ZERO)).isZero();
            assertThat(q.poll(Mq.POLLOUT, Duration.ZERO)).isEqualTo(Mq.POLLOUT);
            q.send(bytes("x"), 0);
            assertThat(q.poll(Mq.POLLOUT, Duration.ZERO)).isZero();
            assertThat(q.poll(Mq.POLLIN, Duration.ZERO)).isEqualTo(Mq.POLLIN);
        }
    }

    @Test
    void pollTimesOutWithNothingReady() throws MqException {
        try (MqQueue q = create()) {
            long start = System.nanoTime();
            assertThat(q.poll(Mq.POLLIN, Duration.ofMillis(100))).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(90));
        }
    }

    @Test
    void pollWakesWhenAMessageArrives() throws MqException {
        try (MqQueue q = create(); MqQueue writer = reopen(q, Mq.O_WRONLY)) {
            BlockedCall<Integer> poller = blocked(() -> q.poll(Mq.POLLIN, LONG_DEADLINE));
            writer.send(bytes("x"), 0);
            assertThat(poller.get()).isEqualTo(Mq.POLLIN);
        }
    }

    @Test
    void pollWakesWhenAReceiveFreesASlot() throws MqException {
        try (MqQueue q = create(MqAttributes.of(1, 16)); MqQueue writer = reopen(q, Mq.O_WRONLY)) {
            q.send(bytes("x"), 0);
            BlockedCall<Integer> poller = blocked(() -> writer.poll(Mq.POLLOUT, LONG_DEADLINE));
            take(q);
            assertThat(poller.get()).isEqualTo(Mq.POLLOUT);
        }
    }
}
