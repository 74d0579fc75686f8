package org.mqscope.monitor.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.mqscope.mq.QueueEvent;

/**
 * The last {@code capacity} {@link QueueEvent}s, oldest dropped first: what an activity timeline keeps, so memory
 * stays bounded however long it runs. A listener ({@link #accept}) callable from any thread; cheap, because event
 * sources call it while holding a queue's lock.
 */
public final class EventRing implements Consumer<QueueEvent> {
    /** Smallest and largest capacity the preferences accept. */
    public static final int MIN_CAPACITY = 100;
    public static final int MAX_CAPACITY = 100_000;
    public static final int DEFAULT_CAPACITY = 2_000;

    private final QueueEvent[] ring;
    private long added;

    public EventRing(int capacity) {
        if (capacity < MIN_CAPACITY || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be in " + MIN_CAPACITY + ".." + MAX_CAPACITY + ": "
                    + capacity);
        }
        ring = new QueueEvent[capacity];
    }

    public int capacity() {
        return ring.length;
    }

    @Override
    public synchronized void accept(QueueEvent e) {
        ring[(int) (added % ring.length)] = e;
        added++;
    }

    /** Events ever added, the dropped ones included. */
    public synchronized long added() {
        return added;
    }

    /** Events that fell out of the ring. */
    public synchronized long dropped() {
        return Math.max(0, added - ring.length);
    }

    /**
     * The events added after the first {@code after} (0: all still held), oldest first, and the count to pass
     * next time; what fell out of the ring meanwhile is skipped.
     */
    public synchronized Slice since(long after) {
        long from = Math.max(after, added - ring.length);
        List<QueueEvent> out = new ArrayList<>((int) Math.max(0, added - from));
        for (long i = from; i < added; i++) {
            out.add(ring[(int) (i % ring.length)]);
        }
        return new Slice(out, added);
    }

    /** Events from a {@link #since} call, and the count up to which they go. */
    public record Slice(List<QueueEvent> events, long end) {
    }

    /** Forgets every event (the count of added ones starts again at 0). */
    public synchronized void clear() {
        java.util.Arrays.fill(ring, null);
        added = 0;
    }
}
