package org.mqscope.monitor.series;

/**
 * The history of one queue: sample time (epoch milliseconds), curmsgs and QSIZE in a ring of primitive arrays, so
 * memory stays bounded whatever the run time. A run of equal samples keeps only its first and last point (the
 * last one moves forward), so an idle queue costs two points, not one per sample; the line drawn is the same.
 * Not thread-safe: one owner thread (the EDT for the charts).
 */
public final class QueueSeries {
    private static final int INITIAL_CAPACITY = 64;

    private final String name;
    private final int capacity;
    private long[] times = new long[INITIAL_CAPACITY];
    private long[] curmsgs = new long[INITIAL_CAPACITY];
    private long[] qsizes = new long[INITIAL_CAPACITY];
    /** Points ever appended (absolute index of the next one); slot of absolute index i is i % arrays' length. */
    private long total;
    private long maxMessages = -1;
    private long lastSeen;

    QueueSeries(String name, int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity " + capacity + " < 2");
        }
        this.name = name;
        this.capacity = capacity;
    }

    public String name() {
        return name;
    }

    /** The queue's maxmsg in its latest sample, or -1 when unknown. */
    public long maxMessages() {
        return maxMessages;
    }

    /** When a sample last listed the queue (epoch ms). */
    public long lastSeen() {
        return lastSeen;
    }

    /** How many points at most are kept. */
    public int capacity() {
        return capacity;
    }

    /** Points held now (at most {@link #capacity()}). */
    public int size() {
        return (int) Math.min(total, capacity);
    }

    /** Absolute index of the oldest point held. */
    public long first() {
        return total - size();
    }

    /** Absolute index one past the newest point. */
    public long end() {
        return total;
    }

    public long time(long index) {
        return times[slot(index)];
    }

    /** curmsgs at that point, -1 when unknown. */
    public long curmsgs(long index) {
        return curmsgs[slot(index)];
    }

    /** QSIZE at that point, -1 when unknown. */
    public long qsize(long index) {
        return qsizes[slot(index)];
    }

    private int slot(long index) {
        if (index < first() || index >= total) {
            throw new IndexOutOfBoundsException(index + " not in [" + first() + ", " + total + ")");
        }
        return (int) (index % times.length);
    }

    /** Adds a point; a time before the newest point's is taken as the newest point's (clocks may step back). */
    void append(long timeMillis, long curmsgs, long qsize, long maxmsg) {
        lastSeen = timeMillis;
        maxMessages = maxmsg;
        if (total > 0) {
            long newest = time(total - 1);
            timeMillis = Math.max(timeMillis, newest);
            if (total >= 2 && sameValues(total - 1, curmsgs, qsize) && sameValues(total - 2, curmsgs, qsize)) {
                times[slot(total - 1)] = timeMillis;
                return;
            }
        }
        if (total >= times.length && times.length < capacity) {
            grow();
        }
        int s = (int) (total % times.length);
        times[s] = timeMillis;
        this.curmsgs[s] = curmsgs;
        qsizes[s] = qsize;
        total++;
    }

    private boolean sameValues(long index, long c, long q) {
        int s = slot(index);
        return curmsgs[s] == c && qsizes[s] == q;
    }

    /** Doubles the arrays (up to the capacity); only called while no point has been overwritten yet. */
    private void grow() {
        int n = (int) Math.min((long) times.length * 2, capacity);
        times = java.util.Arrays.copyOf(times, n);
        curmsgs = java.util.Arrays.copyOf(curmsgs, n);
        qsizes = java.util.Arrays.copyOf(qsizes, n);
    }

    /**
     * Absolute index of the last point at or before {@code timeMillis}, so a line drawn from it reaches the left
     * edge of a window starting there; {@link #first()} when every point is later.
     */
    public long indexAtOrBefore(long timeMillis) {
        long lo = first();
        long hi = total - 1;
        if (hi < lo || time(lo) > timeMillis) {
            return lo;
        }
        while (lo < hi) {
            long mid = (lo + hi + 1) >>> 1;
            if (time(mid) <= timeMillis) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** A copy of the points from {@code fromMillis} on (and the one before), e.g. for a paused chart. */
    public SeriesWindow copy(long fromMillis) {
        long from = indexAtOrBefore(fromMillis);
        int n = (int) (total - from);
        long[] t = new long[n];
        long[] c = new long[n];
        long[] q = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = time(from + i);
            c[i] = curmsgs(from + i);
            q[i] = qsize(from + i);
        }
        return new SeriesWindow(name, maxMessages, t, c, q);
    }

    /**
     * The points from {@code fromMillis} on (and the one before), read live from the ring: cheap, and valid while
     * fewer than {@link #capacity()} minus its size points are appended after it (a chart draws it at once).
     */
    public SeriesPoints slice(long fromMillis) {
        long from = indexAtOrBefore(fromMillis);
        return new Slice(from, (int) (total - from));
    }

    private final class Slice implements SeriesPoints {
        private final long from;
        private final int size;
        private final long max = maxMessages;

        Slice(long from, int size) {
            this.from = from;
            this.size = size;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public long maxMessages() {
            return max;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public long time(int i) {
            return QueueSeries.this.time(from + i);
        }

        @Override
        public long curmsgs(int i) {
            return QueueSeries.this.curmsgs(from + i);
        }

        @Override
        public long qsize(int i) {
            return QueueSeries.this.qsize(from + i);
        }
    }
}
