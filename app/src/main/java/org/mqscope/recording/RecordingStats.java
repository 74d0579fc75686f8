package org.mqscope.recording;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.mqscope.mq.RecordedEvent;

/**
 * Statistics of a recording as it streams by, per queue: sends and receives, failures, the time each message
 * spent in the queue ({@link TimeInQueue}) and who sent to whom. Not thread-safe: feed it from one thread.
 * Memory grows with the messages matched (one long each, for exact percentiles), not with the events.
 */
public final class RecordingStats {
    private final TimeInQueue matcher;
    private final Map<String, PerQueue> queues = new TreeMap<>();
    private final Consumer<Match> listener;
    private long firstExit = Long.MAX_VALUE;
    private long lastExit = Long.MIN_VALUE;

    /**
     * @param listener also told each match (the window's event list shows them); may be null
     */
    public RecordingStats(RecordingHeader header, Consumer<Match> listener) {
        this.listener = listener;
        this.matcher = TimeInQueue.of(header, this::match);
        header.queues().forEach(q -> queue(q.name()));
    }

    /** A whole recording's statistics. */
    public static RecordingStats of(Recording r) {
        RecordingStats s = new RecordingStats(r.header(), null);
        int loss = 0;
        for (int i = 0; i <= r.events().size(); i++) {
            while (loss < r.losses().size() && r.losses().get(loss).afterEvents() == i) {
                s.lost(r.losses().get(loss++).total());
            }
            if (i < r.events().size()) {
                s.event(r.events().get(i));
            }
        }
        s.finish();
        return s;
    }

    public void event(RecordedEvent e) {
        firstExit = Math.min(firstExit, e.exitNanos()); // entries are stamped for sends and receives only
        lastExit = Math.max(lastExit, e.exitNanos());
        PerQueue q = queue(e.event().queue());
        String call = e.event().call();
        if (!e.succeeded()) {
            q.failures.merge(call + " " + e.event().errno().name(), 1L, Long::sum);
        } else if (TimeInQueue.isSend(call)) {
            q.sends++;
        } else if (TimeInQueue.isReceive(call)) {
            q.receives++;
        }
        matcher.event(e);
    }

    public void lost(long total) {
        matcher.lost(total);
    }

    /** The stream is over: receives still waiting for their send are settled. */
    public void finish() {
        matcher.finish();
    }

    /** From the first call's return to the last's (CLOCK_MONOTONIC); 0 without events. */
    public long eventSpanNanos() {
        return lastExit < firstExit ? 0 : lastExit - firstExit;
    }

    /** Every queue seen (the header's and any an event named), by name. */
    public List<QueueSummary> summaries(long spanNanos) {
        List<QueueSummary> out = new ArrayList<>();
        for (String name : queues.keySet()) {
            out.add(summary(name, spanNanos));
        }
        return out;
    }

    /** One queue's figures, rates over {@code spanNanos}. */
    public QueueSummary summary(String queue, long spanNanos) {
        PerQueue q = queues.get(queue);
        Objects.requireNonNull(q, () -> "no queue " + queue + " in this recording");
        long[] sorted = Arrays.copyOf(q.latencies, q.latencyCount);
        Arrays.sort(sorted);
        List<QueueSummary.Talk> talks = new ArrayList<>();
        q.talks.forEach((pair, n) -> talks.add(new QueueSummary.Talk(pair.senderPid, pair.senderComm,
                pair.receiverPid, pair.receiverComm, n, QueueSummary.perSecond(n, spanNanos))));
        talks.sort((a, b) -> Long.compare(b.messages(), a.messages()));
        return new QueueSummary(queue, q.sends, q.receives, q.failures, q.latencyCount, q.queuedAtStart, q.notFound,
                q.uncertain, matcher.stillQueued(queue), percentile(sorted, 50), percentile(sorted, 99),
                sorted.length == 0 ? -1 : sorted[sorted.length - 1], q.histogram.buckets(), spanNanos, talks);
    }

    /** Nearest-rank percentile of sorted values; -1 for none. */
    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private PerQueue queue(String name) {
        return queues.computeIfAbsent(name, n -> new PerQueue());
    }

    private void match(Match m) {
        PerQueue q = queue(m.receive().event().queue());
        if (m.uncertain()) {
            q.uncertain++;
        }
        switch (m.origin()) {
            case SENT -> q.latency(m.latencyNanos());
            case QUEUED_AT_START -> q.queuedAtStart++;
            case NOT_FOUND -> q.notFound++;
        }
        RecordedEvent s = m.send();
        RecordedEvent r = m.receive();
        q.talks.merge(new Pair(s == null ? -1 : s.event().pid(), s == null ? "" : s.event().actor(), r.event().pid(),
                r.event().actor()), 1L, Long::sum);
        if (listener != null) {
            listener.accept(m);
        }
    }

    private record Pair(long senderPid, String senderComm, long receiverPid, String receiverComm) {
    }

    private static final class PerQueue {
        long sends;
        long receives;
        long queuedAtStart;
        long notFound;
        long uncertain;
        final Map<String, Long> failures = new HashMap<>();
        final Map<Pair, Long> talks = new HashMap<>();
        final LatencyHistogram histogram = new LatencyHistogram();
        long[] latencies = new long[64];
        int latencyCount;

        void latency(long nanos) {
            if (latencyCount == latencies.length) {
                latencies = Arrays.copyOf(latencies, latencies.length * 2);
            }
            latencies[latencyCount++] = nanos;
            histogram.add(nanos);
        }
    }
}
