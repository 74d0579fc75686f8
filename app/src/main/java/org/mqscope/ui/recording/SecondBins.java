package org.mqscope.ui.recording;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mqscope.mq.RecordedEvent;
import org.mqscope.recording.Match;
import org.mqscope.recording.RecordedQueue;
import org.mqscope.recording.RecordingHeader;
import org.mqscope.recording.TimeInQueue;

/**
 * The recording second by second, for the charts: successful sends and receives, failed calls, the p50 and p99
 * of the time in queue of the messages received in that second, and each queue's curmsgs at its end (the header's
 * curmsgs plus the sends minus the receives so far; exact unless events were lost). The recording package gives
 * whole-recording figures; this series over time is the window's own. The last {@link #MAX_SECONDS} are kept.
 * Seconds count from the first event's return (CLOCK_MONOTONIC). One thread.
 */
final class SecondBins {
    /** An hour of seconds: a chart wider than that shows nothing per second anyway. */
    static final int MAX_SECONDS = 3_600;
    private static final long SECOND = 1_000_000_000L;

    /** The series as the charts take them: one value per second from {@code firstSecond}. */
    record Series(long firstSecond, long[] sends, long[] receives, long[] failures, long[] p50Nanos,
                  long[] p99Nanos, Map<String, long[]> curmsgs) {
        int length() {
            return sends.length;
        }
    }

    private static final class Bin {
        final long second;
        long sends;
        long receives;
        long failures;
        long[] latencies = new long[16];
        int latencyCount;
        long[] curmsgs;

        Bin(long second, int queues) {
            this.second = second;
            this.curmsgs = new long[queues];
        }
    }

    private final Map<String, Integer> queueIndex = new LinkedHashMap<>();
    private long[] curmsgs;
    private final Deque<Bin> bins = new ArrayDeque<>();
    private long origin = Long.MIN_VALUE;

    SecondBins(RecordingHeader header) {
        List<RecordedQueue> queues = header.queues();
        curmsgs = new long[queues.size()];
        for (int i = 0; i < queues.size(); i++) {
            queueIndex.put(queues.get(i).name(), i);
            curmsgs[i] = queues.get(i).curmsgs();
        }
    }

    void event(RecordedEvent e) {
        Bin b = bin(e.exitNanos());
        if (!e.succeeded()) {
            b.failures++;
            return;
        }
        String call = e.event().call();
        int dir = TimeInQueue.isSend(call) ? 1 : TimeInQueue.isReceive(call) ? -1 : 0;
        if (dir == 0) {
            return;
        }
        if (dir > 0) {
            b.sends++;
        } else {
            b.receives++;
        }
        Integer q = queueIndex.get(e.event().queue());
        if (q == null) {
            q = queueIndex.size();
            queueIndex.put(e.event().queue(), q);
            curmsgs = Arrays.copyOf(curmsgs, q + 1);
        }
        curmsgs[q] = Math.max(0, curmsgs[q] + dir);
        if (b.curmsgs.length < curmsgs.length) {
            b.curmsgs = Arrays.copyOf(b.curmsgs, curmsgs.length); // a queue no header named (a hand-made file)
        }
        System.arraycopy(curmsgs, 0, b.curmsgs, 0, curmsgs.length);
    }

    /** A received message's time in queue counts in the second it was received. */
    void matched(Match m) {
        if (!m.hasLatency()) {
            return;
        }
        Bin b = bin(m.receive().exitNanos());
        if (b.latencyCount == b.latencies.length) {
            b.latencies = Arrays.copyOf(b.latencies, b.latencies.length * 2);
        }
        b.latencies[b.latencyCount++] = m.latencyNanos();
    }

    /** The bin of a moment: seconds without events between the last bin and it are added empty. */
    private Bin bin(long nanos) {
        if (origin == Long.MIN_VALUE) {
            origin = nanos;
        }
        long second = Math.max(0, (nanos - origin) / SECOND);
        Bin last = bins.peekLast();
        if (last != null && second <= last.second) {
            // calls on other CPUs return slightly out of order: the bin they belong to, if still kept
            for (java.util.Iterator<Bin> it = bins.descendingIterator(); it.hasNext(); ) {
                Bin b = it.next();
                if (b.second == second) {
                    return b;
                }
                if (b.second < second) {
                    break;
                }
            }
            return last;
        }
        long from = last == null ? second : last.second + 1;
        for (long s = Math.max(from, second - MAX_SECONDS); s <= second; s++) {
            Bin b = new Bin(s, curmsgs.length);
            System.arraycopy(curmsgs, 0, b.curmsgs, 0, curmsgs.length);
            bins.addLast(b);
        }
        while (bins.size() > MAX_SECONDS) {
            bins.removeFirst();
        }
        return bins.peekLast();
    }

    Series series() {
        int n = bins.size();
        long[] sends = new long[n];
        long[] receives = new long[n];
        long[] failures = new long[n];
        long[] p50 = new long[n];
        long[] p99 = new long[n];
        Map<String, long[]> cur = new LinkedHashMap<>();
        queueIndex.keySet().forEach(q -> cur.put(q, new long[n]));
        int i = 0;
        for (Bin b : bins) {
            sends[i] = b.sends;
            receives[i] = b.receives;
            failures[i] = b.failures;
            long[] sorted = Arrays.copyOf(b.latencies, b.latencyCount);
            Arrays.sort(sorted);
            p50[i] = rank(sorted, 50);
            p99[i] = rank(sorted, 99);
            int q = 0;
            for (long[] values : cur.values()) {
                values[i] = q < b.curmsgs.length ? b.curmsgs[q] : 0;
                q++;
            }
            i++;
        }
        return new Series(bins.isEmpty() ? 0 : bins.peekFirst().second, sends, receives, failures, p50, p99, cur);
    }

    /** Nearest-rank percentile, as the recording's own figures use; -1 without values. */
    static long rank(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        int r = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, r - 1)];
    }
}
