package org.mqscope.monitor.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mqscope.monitor.series.Samples.batch;
import static org.mqscope.monitor.series.Samples.queue;
import static org.mqscope.monitor.series.Samples.unreadable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mqscope.monitor.SampleBatch;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqException;

class SeriesStoreTest {
    private static final long T0 = 1_700_000_000_000L;

    @Test
    void recordsCurmsgsAndQsizePerSampleTime() {
        SeriesStore store = new SeriesStore();
        assertThat(store.append(batch(T0, queue("/a", 1, 10, 7), queue("/b", 0, 5, 0)))).isTrue();
        assertThat(store.append(batch(T0 + 100, queue("/a", 2, 10, 14), queue("/b", 0, 5, 0)))).isFalse();
        QueueSeries a = store.get("/a");
        assertThat(a.size()).isEqualTo(2);
        assertThat(a.time(a.first())).isEqualTo(T0);
        assertThat(a.curmsgs(a.first() + 1)).isEqualTo(2);
        assertThat(a.qsize(a.first() + 1)).isEqualTo(14);
        assertThat(a.maxMessages()).isEqualTo(10);
        assertThat(store.names()).containsExactlyInAnyOrder("/a", "/b");
    }

    @Test
    void anUnreadableQueueIsRecordedAsUnknown() {
        SeriesStore store = new SeriesStore();
        store.append(batch(T0, unreadable("/x")));
        QueueSeries x = store.get("/x");
        assertThat(x.curmsgs(x.first())).isEqualTo(-1);
        assertThat(x.qsize(x.first())).isEqualTo(-1);
        assertThat(x.maxMessages()).isEqualTo(-1);
    }

    @Test
    void fifteenMinutesAtTenHertzFitAndMoreDoesNotGrow() {
        SeriesStore store = new SeriesStore();
        int fifteenMinutes = 15 * 60 * 10;
        long t = T0;
        for (int i = 0; i < fifteenMinutes; i++, t += 100) {
            store.append(batch(t, queue("/busy", i % 7, 10, i)));   // every value differs from the last
        }
        QueueSeries busy = store.get("/busy");
        assertThat(busy.size()).isEqualTo(fifteenMinutes);
        assertThat(busy.time(busy.first())).isEqualTo(T0);
        for (int i = 0; i < 3 * fifteenMinutes; i++, t += 100) {
            store.append(batch(t, queue("/busy", i % 7, 10, i)));
        }
        assertThat(busy.size()).as("15 min at 10 Hz and a tenth more: 9,000 + 900").isEqualTo(9_900)
                .isEqualTo(SeriesStore.DEFAULT_CAPACITY);
        assertThat(busy.time(busy.end() - 1)).isEqualTo(t - 100);
        assertThat(busy.time(busy.end() - 1) - busy.time(busy.first()))
                .as("span held after an hour").isGreaterThanOrEqualTo(Duration.ofMinutes(15).toMillis());
    }

    @Test
    void aRingKeepsTheNewestPointsInOrder() {
        SeriesStore store = new SeriesStore(5, Duration.ofMinutes(1));
        for (int i = 0; i < 12; i++) {
            store.append(batch(T0 + i * 100L, queue("/r", i, 100, i * 10L)));
        }
        QueueSeries r = store.get("/r");
        assertThat(r.size()).isEqualTo(5);
        assertThat(r.first()).isEqualTo(7);
        for (long i = r.first(); i < r.end(); i++) {
            assertThat(r.curmsgs(i)).isEqualTo(i);
            assertThat(r.time(i)).isEqualTo(T0 + i * 100);
        }
    }

    @Test
    void anIdleQueueCostsTwoPointsWhoseLastFollowsTheClock() {
        SeriesStore store = new SeriesStore();
        for (int i = 0; i < 1000; i++) {
            store.append(batch(T0 + i * 100L, queue("/idle", 3, 10, 30)));
        }
        QueueSeries idle = store.get("/idle");
        assertThat(idle.size()).isEqualTo(2);
        assertThat(idle.time(idle.first())).isEqualTo(T0);
        assertThat(idle.time(idle.end() - 1)).isEqualTo(T0 + 999 * 100L);

        store.append(batch(T0 + 100_000, queue("/idle", 4, 10, 40)));
        assertThat(idle.size()).isEqualTo(3);
        assertThat(idle.curmsgs(idle.end() - 1)).isEqualTo(4);
    }

    @Test
    void windowStartFindsThePointBeforeTheEdge() {
        SeriesStore store = new SeriesStore();
        for (int i = 0; i < 100; i++) {
            store.append(batch(T0 + i * 1000L, queue("/w", i, 1000, i)));
        }
        QueueSeries w = store.get("/w");
        assertThat(w.indexAtOrBefore(T0 + 41_500)).isEqualTo(41);
        assertThat(w.indexAtOrBefore(T0 + 41_000)).isEqualTo(41);
        assertThat(w.indexAtOrBefore(T0 - 5)).isEqualTo(0);
        assertThat(w.indexAtOrBefore(T0 + 10_000_000)).isEqualTo(99);

        SeriesWindow copy = w.copy(T0 + 97_500);
        assertThat(copy.size()).isEqualTo(3);
        assertThat(copy.curmsgs(0)).isEqualTo(97);
        store.append(batch(T0 + 100_000, queue("/w", 500, 1000, 500)));
        assertThat(copy.size()).as("a copy does not follow the store").isEqualTo(3);
    }

    @Test
    void aQueueGoneFromTheListingIsForgottenAfterAWhile() {
        SeriesStore store = new SeriesStore(100, Duration.ofSeconds(10));
        store.append(batch(T0, queue("/stays", 0, 10, 0), queue("/goes", 1, 10, 1)));
        assertThat(store.append(batch(T0 + 5_000, queue("/stays", 0, 10, 0)))).isFalse();
        assertThat(store.get("/goes")).as("gone 5 s: still charted").isNotNull();
        assertThat(store.append(batch(T0 + 10_001, queue("/stays", 0, 10, 0)))).isTrue();
        assertThat(store.names()).containsExactly("/stays");
    }

    @Test
    void aFailedListingNeitherRecordsNorForgets() {
        SeriesStore store = new SeriesStore(100, Duration.ofSeconds(10));
        store.append(batch(T0, queue("/q", 2, 10, 2)));
        SampleBatch failed = new SampleBatch(Instant.ofEpochMilli(T0 + 60_000), 2, List.of(),
                new MqException(Errno.ENOENT, "list", "/dev/mqueue"));
        assertThat(store.append(failed)).isFalse();
        assertThat(store.get("/q").size()).isEqualTo(1);
    }

    @Test
    void aClockSteppingBackDoesNotUnsortTheSeries() {
        SeriesStore store = new SeriesStore();
        store.append(batch(T0, queue("/c", 1, 10, 1)));
        store.append(batch(T0 - 5_000, queue("/c", 2, 10, 2)));
        QueueSeries c = store.get("/c");
        assertThat(c.time(c.end() - 1)).isEqualTo(T0);
    }
}
