package org.mqscope.monitor.series;

import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.mqscope.monitor.QueueSample;
import org.mqscope.monitor.SampleBatch;

/**
 * The recent history of every queue the sampler reports, fed batch by batch: curmsgs and QSIZE per sample time.
 * Each queue's history is a bounded ring ({@link QueueSeries}); a queue missing from the listing is forgotten
 * once it has been gone for {@link #forgetAfter()}, so a namespace with churning queues does not grow the store.
 * Not thread-safe: one owner thread (the EDT for the charts).
 */
public final class SeriesStore {
    /** The longest window the charts show. */
    public static final Duration RETENTION = Duration.ofMinutes(15);
    /** The fastest sampling the charts ask for. */
    public static final Duration FASTEST_PERIOD = Duration.ofMillis(100);
    /**
     * Points per queue: the retention at the fastest rate, plus a tenth for extra passes (a sample taken right
     * after a change) and timer jitter.
     */
    public static final int DEFAULT_CAPACITY =
            (int) (RETENTION.toMillis() / FASTEST_PERIOD.toMillis() * 11 / 10);
    /** A queue gone from the listing this long is forgotten (its line leaves the charts). */
    public static final Duration DEFAULT_FORGET_AFTER = Duration.ofMinutes(1);

    private final int capacity;
    private final Duration forgetAfter;
    private final Map<String, QueueSeries> series = new TreeMap<>();
    private final Map<String, QueueSeries> readOnly = Collections.unmodifiableMap(series);
    private long lastBatch;

    public SeriesStore() {
        this(DEFAULT_CAPACITY, DEFAULT_FORGET_AFTER);
    }

    public SeriesStore(int capacityPerQueue, Duration forgetAfter) {
        this.capacity = capacityPerQueue;
        this.forgetAfter = forgetAfter;
    }

    public Duration forgetAfter() {
        return forgetAfter;
    }

    /**
     * Appends one point per queue of the batch and forgets queues gone for too long. A batch that could not list
     * the queues (e.g. /dev/mqueue unmounted) adds nothing and forgets nothing: the queues may still exist.
     *
     * @return true when the set of queues held changed (one added or forgotten)
     */
    public boolean append(SampleBatch batch) {
        if (batch.failure() != null) {
            return false;
        }
        long at = batch.at().toEpochMilli();
        lastBatch = Math.max(lastBatch, at);
        boolean changed = false;
        for (QueueSample s : batch.queues()) {
            QueueSeries q = series.get(s.name());
            if (q == null) {
                q = new QueueSeries(s.name(), capacity);
                series.put(s.name(), q);
                changed = true;
            }
            q.append(at, s.currentMessages(), s.qsize(), s.maxMessages());
        }
        if (series.size() > batch.queues().size()) {
            changed |= forgetGone(lastBatch);
        }
        return changed;
    }

    private boolean forgetGone(long now) {
        boolean changed = false;
        for (Iterator<QueueSeries> it = series.values().iterator(); it.hasNext(); ) {
            if (now - it.next().lastSeen() > forgetAfter.toMillis()) {
                it.remove();
                changed = true;
            }
        }
        return changed;
    }

    /** The history of {@code name}, or null when the store holds none. */
    public QueueSeries get(String name) {
        return series.get(name);
    }

    /** Every queue held, by name; a read-only view. */
    public Map<String, QueueSeries> all() {
        return readOnly;
    }

    /** Names of the queues held. */
    public Set<String> names() {
        return new HashSet<>(series.keySet());
    }

    /** Forgets everything (another backend: other queues). */
    public void clear() {
        series.clear();
        lastBatch = 0;
    }
}
