package org.mqscope.monitor.series;

/**
 * A frozen stretch of one queue's history (see {@link QueueSeries#copy}); the arrays are owned by this object and
 * never change.
 */
public final class SeriesWindow implements SeriesPoints {
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

    @Override
    public String name() {
        return name;
    }

    @Override
    public long maxMessages() {
        return maxMessages;
    }

    @Override
    public int size() {
        return times.length;
    }

    @Override
    public long time(int i) {
        return times[i];
    }

    @Override
    public long curmsgs(int i) {
        return curmsgs[i];
    }

    @Override
    public long qsize(int i) {
        return qsizes[i];
    }
}
