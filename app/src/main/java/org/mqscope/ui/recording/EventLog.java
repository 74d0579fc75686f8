package org.mqscope.ui.recording;

import java.util.ArrayList;
import java.util.List;

import org.mqscope.mq.RecordedEvent;

/**
 * The events a recording window keeps in memory: the last {@link #capacity()} of all it was given, addressed by
 * their ordinal in the whole recording (0 for the first), so a filter's result stays valid while old events fall
 * out. Everything else of the recording is in its file. EDT only (not synchronised).
 */
final class EventLog {
    private final RecordedEvent[] ring;
    private long total;

    EventLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        ring = new RecordedEvent[capacity];
    }

    int capacity() {
        return ring.length;
    }

    void add(RecordedEvent e) {
        ring[(int) (total % ring.length)] = e;
        total++;
    }

    /** Events ever added. */
    long total() {
        return total;
    }

    /** The ordinal of the oldest event still kept. */
    long first() {
        return Math.max(0, total - ring.length);
    }

    /** Events kept now. */
    int kept() {
        return (int) (total - first());
    }

    /** Events no longer kept (they are in the file). */
    long dropped() {
        return first();
    }

    boolean keeps(long ordinal) {
        return ordinal >= first() && ordinal < total;
    }

    /** The event with this ordinal; it must be kept. */
    RecordedEvent get(long ordinal) {
        if (!keeps(ordinal)) {
            throw new IndexOutOfBoundsException("event #" + ordinal + " is not kept (" + first() + ".." + total + ")");
        }
        return ring[(int) (ordinal % ring.length)];
    }

    /** The kept events from {@code from} (clamped to the first kept) up to the last, oldest first. */
    List<RecordedEvent> since(long from) {
        long start = Math.max(from, first());
        List<RecordedEvent> out = new ArrayList<>((int) Math.max(0, total - start));
        for (long i = start; i < total; i++) {
            out.add(ring[(int) (i % ring.length)]);
        }
        return out;
    }

    void clear() {
        java.util.Arrays.fill(ring, null);
        total = 0;
    }
}
