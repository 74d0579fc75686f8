package org.mqscope.recording;

import java.util.List;
import java.util.Map;

/**
 * What a recording says about one queue: traffic, failures, time in the queue and who talks to whom.
 *
 * @param sends            successful sends
 * @param receives         successful receives
 * @param failures         failed calls by call and errno ("mq_timedsend EAGAIN" → 2), sorted by that text
 * @param withLatency      receives whose send is in the recording (their time in the queue is known)
 * @param queuedAtStart    receives of messages that were in the queue when the recording started
 * @param notFound         receives whose send cannot be found (no snapshot, or events lost)
 * @param uncertain        matches made while the queue's contents were not known for sure
 * @param stillQueued      messages sent (or found at the start) and not received by the end, as far as is known
 * @param p50Nanos         median time in the queue; -1 without a latency
 * @param p99Nanos         99th percentile (nearest rank); -1 without a latency
 * @param maxNanos         longest; -1 without a latency
 * @param histogram        the latencies in logarithmic buckets
 * @param spanNanos        the time the rates are over
 * @param talks            per sender and receiver process pair, most messages first
 */
public record QueueSummary(String queue, long sends, long receives, Map<String, Long> failures, long withLatency,
                           long queuedAtStart, long notFound, long uncertain, long stillQueued, long p50Nanos,
                           long p99Nanos, long maxNanos, List<LatencyHistogram.Bucket> histogram, long spanNanos,
                           List<Talk> talks) {

    public QueueSummary {
        failures = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(failures));
        histogram = List.copyOf(histogram);
        talks = List.copyOf(talks);
    }

    /**
     * Messages from one process to another through the queue.
     *
     * @param senderPid   -1 for messages that were queued at the start (their sender is unknown)
     * @param senderComm  "" when unknown
     */
    public record Talk(long senderPid, String senderComm, long receiverPid, String receiverComm, long messages,
                       double perSecond) {
    }

    public double sendsPerSecond() {
        return perSecond(sends, spanNanos);
    }

    public double receivesPerSecond() {
        return perSecond(receives, spanNanos);
    }

    static double perSecond(long count, long spanNanos) {
        return spanNanos <= 0 ? 0 : count * 1e9 / spanNanos;
    }
}
