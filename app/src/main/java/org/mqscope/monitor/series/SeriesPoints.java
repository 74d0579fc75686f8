package org.mqscope.monitor.series;

/**
 * Points of one queue's history in time order, indexed from 0: a live slice of a {@link QueueSeries} or a frozen
 * {@link SeriesWindow}. Values are -1 where unknown.
 */
public interface SeriesPoints {

    String name();

    /** maxmsg in the latest sample, -1 when unknown. */
    long maxMessages();

    int size();

    long time(int i);

    long curmsgs(int i);

    long qsize(int i);

    /** The last point at or before {@code timeMillis}, or -1 when every point is later (or there is none). */
    default int indexAtOrBefore(long timeMillis) {
        int lo = 0;
        int hi = size() - 1;
        if (hi < 0 || time(0) > timeMillis) {
            return -1;
        }
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (time(mid) <= timeMillis) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
