package org.mqscope.monitor.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.mqscope.mq.QueueEvent;

class EventRingTest {

    @Test
    void keepsTheLastCapacityEventsAndCountsWhatFellOut() {
        EventRing ring = new EventRing(EventRing.MIN_CAPACITY);
        for (int i = 1; i <= 250; i++) {
            ring.accept(event(i));
        }
        assertThat(ring.added()).isEqualTo(250);
        assertThat(ring.dropped()).isEqualTo(150);
        EventRing.Slice all = ring.since(0);
        assertThat(all.events()).extracting(QueueEvent::seq).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(151, 250).boxed().toList());
        assertThat(all.end()).isEqualTo(250);
        assertThat(ring.since(240).events()).extracting(QueueEvent::seq).startsWith(241L).endsWith(250L).hasSize(10);
        assertThat(ring.since(250).events()).isEmpty();
    }

    @Test
    void aReaderBehindTheRingSkipsWhatFellOut() {
        EventRing ring = new EventRing(EventRing.MIN_CAPACITY);
        ring.accept(event(1));
        EventRing.Slice first = ring.since(0);
        for (int i = 2; i <= 300; i++) {
            ring.accept(event(i));
        }
        EventRing.Slice next = ring.since(first.end());
        assertThat(next.events()).hasSize(100);
        assertThat(next.events().get(0).seq()).isEqualTo(201);
        ring.clear();
        assertThat(ring.since(0).events()).isEmpty();
        assertThat(ring.added()).isZero();
    }

    @Test
    void refusesAnUnboundedOrTinyRing() {
        assertThatThrownBy(() -> new EventRing(EventRing.MAX_CAPACITY + 1)).hasMessageContaining("capacity must be");
        assertThatThrownBy(() -> new EventRing(1)).hasMessageContaining("capacity must be");
    }

    private static QueueEvent event(long seq) {
        return new QueueEvent(seq, Instant.EPOCH, "a", 1, 1, QueueEvent.Kind.CALL, "mq_send", "/q", 1, 1, 0, null, "");
    }
}
