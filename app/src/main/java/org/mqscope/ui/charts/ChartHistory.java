package org.mqscope.ui.charts;

import org.mqscope.monitor.SampleBatch;
import org.mqscope.monitor.series.SeriesStore;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.QueueView;

/**
 * What the charts draw from: every sampling pass of the backend in use, recorded from the window's start whether
 * or not the Charts tab has been built yet, so charts opened late still show the minutes before. The window and
 * the panel both feed it the same passes; a pass already recorded is ignored. EDT only (not thread-safe).
 */
public final class ChartHistory implements QueueView {
    private final SeriesStore store = new SeriesStore();
    private BackendKind kind;
    private SampleBatch last;
    private long latestAt;
    /** Bumped whenever the set of queues held changes. */
    private int names;

    /**
     * Forgets everything when another backend comes into use. The same backend told again (the window and the
     * panel both pass the event on; a panel built late is told the backend in use) keeps what was recorded.
     */
    @Override
    public void backendChanged(BackendKind kind) {
        if (kind == this.kind) {
            return;
        }
        this.kind = kind;
        store.clear();
        last = null;
        latestAt = 0;
        names++;
    }

    @Override
    public void sampled(SampleBatch batch) {
        if (batch == last || batch.failure() != null) {
            return;
        }
        last = batch;
        latestAt = Math.max(latestAt, batch.at().toEpochMilli());
        if (store.append(batch)) {
            names++;
        }
    }

    SeriesStore store() {
        return store;
    }

    /** Time of the newest pass recorded (epoch ms), 0 before the first. */
    long latestAt() {
        return latestAt;
    }

    /** Changes whenever a queue is added or forgotten: compare with an earlier value. */
    int namesVersion() {
        return names;
    }
}
