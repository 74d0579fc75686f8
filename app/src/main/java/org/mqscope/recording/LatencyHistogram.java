package org.mqscope.recording;

import java.util.ArrayList;
import java.util.List;

/**
 * Times in the queue in logarithmic buckets: below 1 µs, then 1–2 µs, 2–4 µs, 4–8 µs ... doubling up to about
 * 10^6 s, so a few microseconds and several minutes both show their shape on one axis.
 */
public final class LatencyHistogram {
    private static final long FIRST = 1_000; // 1 µs
    private static final int BUCKETS = 51;

    private final long[] counts = new long[BUCKETS];
    private long total;

    /**
     * One bucket: latencies in [fromNanos, toNanos).
     *
     * @param toNanos {@link Long#MAX_VALUE} for the last bucket
     */
    public record Bucket(long fromNanos, long toNanos, long count) {
    }

    public void add(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("a latency is not negative: " + nanos);
        }
        counts[index(nanos)]++;
        total++;
    }

    static int index(long nanos) {
        if (nanos < FIRST) {
            return 0;
        }
        int k = 64 - Long.numberOfLeadingZeros(nanos / FIRST); // nanos / 1 µs in [2^(k-1), 2^k)
        return Math.min(k, BUCKETS - 1);
    }

    static long lower(int index) {
        return index == 0 ? 0 : FIRST << (index - 1);
    }

    public long total() {
        return total;
    }

    /** The buckets from the first that holds a latency to the last that does (empty ones between included). */
    public List<Bucket> buckets() {
        int first = 0;
        while (first < BUCKETS && counts[first] == 0) {
            first++;
        }
        int last = BUCKETS - 1;
        while (last >= first && counts[last] == 0) {
            last--;
        }
        List<Bucket> out = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            out.add(new Bucket(lower(i), i == BUCKETS - 1 ? Long.MAX_VALUE : lower(i + 1), counts[i]));
        }
        return out;
    }
}
