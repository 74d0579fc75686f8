package org.mqscope.ui.charts;

import org.mqscope.monitor.series.SeriesPoints;
import org.mqscope.ui.charts.PointsDataset.Measure;

import java.util.Arrays;

/**
 * The points of a series that a line drawn {@code buckets} pixels wide can show: per pixel column its first, lowest,
 * highest and last point (in time order), so the drawn line looks the same as with every point, at a fraction of
 * the painting cost. Indexes into the original; built once per chart tick.
 */
final class Decimated implements SeriesPoints {
    /** Points per column kept: first, min, max, last. */
    private static final int PER_BUCKET = 4;

    private final SeriesPoints source;
    private final int[] index;
    private final int size;

    private Decimated(SeriesPoints source, int[] index, int size) {
        this.source = source;
        this.index = index;
        this.size = size;
    }

    /** {@code p} itself when it is small enough, else its first/min/max/last per column of the time range. */
    static SeriesPoints of(SeriesPoints p, Measure m, long from, long to, int buckets) {
        int n = p.size();
        if (n <= PER_BUCKET * buckets || buckets < 1 || to <= from) {
            return p;
        }
        int[] out = new int[PER_BUCKET * (buckets + 2)];
        int size = 0;
        double perBucket = (double) (to - from) / buckets;
        int i = 0;
        while (i < n) {
            long bucket = bucketOf(p.time(i), from, perBucket, buckets);
            int first = i;
            int min = i;
            int max = i;
            int last = i;
            long minV = value(p, m, i);
            long maxV = minV;
            for (i++; i < n && bucketOf(p.time(i), from, perBucket, buckets) == bucket; i++) {
                long v = value(p, m, i);
                if (v < minV) {
                    minV = v;
                    min = i;
                }
                if (v > maxV) {
                    maxV = v;
                    max = i;
                }
                last = i;
            }
            size = add(out, size, first);
            size = add(out, size, Math.min(min, max));
            size = add(out, size, Math.max(min, max));
            size = add(out, size, last);
            if (size + PER_BUCKET > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
        }
        return new Decimated(p, out, size);
    }

    /** Points before {@code from} share bucket -1; after the end, the last one. */
    private static long bucketOf(long time, long from, double perBucket, int buckets) {
        return time < from ? -1 : Math.min(buckets, (long) ((time - from) / perBucket));
    }

    private static long value(SeriesPoints p, Measure m, int i) {
        return m == Measure.CURMSGS ? p.curmsgs(i) : p.qsize(i);
    }

    private static int add(int[] out, int size, int i) {
        if (size > 0 && out[size - 1] == i) {
            return size;
        }
        out[size] = i;
        return size + 1;
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public long maxMessages() {
        return source.maxMessages();
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public long time(int i) {
        return source.time(index[i]);
    }

    @Override
    public long curmsgs(int i) {
        return source.curmsgs(index[i]);
    }

    @Override
    public long qsize(int i) {
        return source.qsize(index[i]);
    }
}
