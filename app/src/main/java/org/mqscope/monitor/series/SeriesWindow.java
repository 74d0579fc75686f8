package org.mqscope.monitor.series;

/**
 * A frozen stretch of one queue's history (see {@link QueueSeries#copy}); the arrays are owned by this object and
 * never change.
 */
public final class SeriesWindow {
    private final String name;
    private final long maxMessages;
    private final long[] times;
    private final long[] curmsgs;
    private final long[] qsizes;

    SeriesWindow(String name, long maxMessages, long[] times, long[] curmsgs, long[] qsizes) {
        this.name = name;
        this.maxMessages = maxMessages;
        this.times = times;
        this.curmsgs = curmsgs;
        this.qsizes = qsizes;
    }

    public String name() {
        return name;
    }

    public long maxMessages() {
        return maxMessages;
    }

    public int size() {
        return times.length;
    }

    public long time(int i) {
        return times[i];
    }

    public long curmsgs(int i) {
        return curmsgs[i];
    }

    public long qsize(int i) {
        return qsizes[i];
    }
}
