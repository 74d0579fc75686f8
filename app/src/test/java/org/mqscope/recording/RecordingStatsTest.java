package org.mqscope.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mqscope.recording.Events.failedSend;
import static org.mqscope.recording.Events.receiveBy;
import static org.mqscope.recording.Events.sendBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.RecordedEvent;

/** Per-queue figures of a hand-built recording: latency percentiles, histogram, rates, who talks to whom. */
class RecordingStatsTest {
    private static final String Q = "/orders";

    @Test
    void percentilesHistogramRatesAndPairs() {
        // 100 messages: 1..100 µs in the queue; pids 300 and 301 send alternately, 400 receives all but the last
        // ten, which 401 receives; one message was queued at the start (401 gets it first), one send fails
        List<RecordedEvent> events = new ArrayList<>();
        long seq = 1;
        events.add(receiveBy(401, seq++, Q, 5, 2, "at start"));
        for (int i = 1; i <= 100; i++) {
            long sentAt = i * 1000L;
            events.add(sendBy(300 + i % 2, seq++, Q, sentAt, 0, "m" + i));
            events.add(receiveBy(i <= 90 ? 400 : 401, seq++, Q, sentAt + i, 0, "m" + i));
        }
        events.add(failedSend(seq++, Q, 200_000, 0, "too many", Errno.EAGAIN));
        events.add(sendBy(300, seq, Q, 200_001, 0, "left over"));
        QueueSnapshot start = new QueueSnapshot("exact peek", RecordingFilesTest.T0, 0, 1,
                List.of(new MqMessage("at start".getBytes(StandardCharsets.UTF_8), 2)));
        RecordingHeader header = new RecordingHeader(RecordingFilesTest.T0, 64, "kernel", "",
                RecordingFilesTest.header(null).host(), List.of(new RecordedQueue(Q, 10, 64, 1, 0600, start, "")));
        RecordingEnd end = new RecordingEnd(events.size(), 0, RecordingEnd.How.CANCELLED, "",
                RecordingFilesTest.T0.plusSeconds(2));
        Recording r = new Recording(header, events, new long[events.size()], List.of(), end);
        RecordingStats stats = RecordingStats.of(r);
        assertThat(r.spanNanos()).isEqualTo(2_000_000_000L);

        QueueSummary s = stats.summary(Q, r.spanNanos());
        assertThat(s.sends()).isEqualTo(101);
        assertThat(s.receives()).isEqualTo(101);
        assertThat(s.failures()).containsExactly(java.util.Map.entry("mq_timedsend EAGAIN", 1L));
        assertThat(s.withLatency()).isEqualTo(100);
        assertThat(s.queuedAtStart()).isEqualTo(1);
        assertThat(s.notFound()).isZero();
        assertThat(s.uncertain()).isZero();
        assertThat(s.stillQueued()).isEqualTo(1);
        assertThat(s.p50Nanos()).isEqualTo(50_000);
        assertThat(s.p99Nanos()).isEqualTo(99_000);
        assertThat(s.maxNanos()).isEqualTo(100_000);
        assertThat(s.sendsPerSecond()).isCloseTo(50.5, within(1e-9));
        assertThat(s.receivesPerSecond()).isCloseTo(50.5, within(1e-9));
        // 1 µs .. 100 µs: buckets [1,2) [2,4) [4,8) ... [64,128) µs
        assertThat(s.histogram()).extracting(LatencyHistogram.Bucket::count).containsExactly(1L, 2L, 4L, 8L, 16L,
                32L, 37L);
        assertThat(s.histogram().get(0).fromNanos()).isEqualTo(1_000);
        assertThat(s.histogram().get(6).toNanos()).isEqualTo(128_000);
        assertThat(s.talks()).extracting(t -> t.senderPid() + ">" + t.receiverPid() + " " + t.messages())
                .containsExactly("300>400 45", "301>400 45", "300>401 5", "301>401 5", "-1>401 1");
        assertThat(s.talks().get(0).perSecond()).isCloseTo(22.5, within(1e-9));
        assertThat(s.talks().get(0).senderComm()).isEqualTo("comm300");
        assertThat(s.talks().get(4).senderComm()).isEmpty();
        assertThat(stats.summaries(r.spanNanos())).extracting(QueueSummary::queue).containsExactly(Q);
    }

    @Test
    void aQueueWithoutTrafficHasNoLatency() {
        RecordingStats stats = new RecordingStats(RecordingFilesTest.header(null), null);
        stats.finish();
        QueueSummary s = stats.summary("/other", 0);
        assertThat(s.p50Nanos()).isEqualTo(-1);
        assertThat(s.maxNanos()).isEqualTo(-1);
        assertThat(s.histogram()).isEmpty();
        assertThat(s.sendsPerSecond()).isZero();
        assertThat(stats.eventSpanNanos()).isZero();
    }

    @Test
    void histogramBucketsDouble() {
        assertThat(LatencyHistogram.index(0)).isZero();
        assertThat(LatencyHistogram.index(999)).isZero();
        assertThat(LatencyHistogram.index(1_000)).isEqualTo(1);
        assertThat(LatencyHistogram.index(1_999)).isEqualTo(1);
        assertThat(LatencyHistogram.index(2_000)).isEqualTo(2);
        assertThat(LatencyHistogram.index(Long.MAX_VALUE)).isEqualTo(50);
        assertThat(LatencyHistogram.lower(3)).isEqualTo(4_000);
        assertThat(RecordingStats.percentile(new long[]{7}, 99)).isEqualTo(7);
    }
}
