package org.mqscope.ui.recording;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javax.swing.SwingUtilities;

import org.mqscope.mq.RecordedEvent;
import org.mqscope.recording.QueueSummary;
import org.mqscope.recording.RecordingHeader;
import org.mqscope.recording.RecordingStats;

/**
 * What the recording says beyond its events, worked out on the window's {@code mq-recording} thread as the events
 * come: the recording package's {@link RecordingStats} (time in queue, p50/p99, histogram, who talks to whom) and
 * the per-second series the charts draw ({@link SecondBins}). An immutable {@link Snapshot} goes to the EDT at
 * most every {@link #PUBLISH_NANOS}, and once more when the recording ends.
 */
final class Analysis {
    /** Four pictures a second: live enough, and cheap however fast events come. */
    static final long PUBLISH_NANOS = 250_000_000L;

    /** The figures at one moment; shared with the EDT, never changed. */
    record Snapshot(List<QueueSummary> queues, SecondBins.Series series, long events, long lost, boolean done) {
    }

    private final Executor thread;
    private final Consumer<Snapshot> onSnapshot;
    // --- touched on the analysis thread only ---
    private RecordingStats stats;
    private SecondBins bins;
    private long events;
    private long lost;
    private long lastPublished;
    /** The last snapshot published, for views built later; written on the analysis thread. */
    private volatile Snapshot last;

    Analysis(Executor thread, Consumer<Snapshot> onSnapshot) {
        this.thread = thread;
        this.onSnapshot = onSnapshot;
    }

    /** The recording's header: matching starts from its snapshots. Any thread; before the first event. */
    void header(RecordingHeader header) {
        thread.execute(() -> {
            stats = new RecordingStats(header, m -> bins.matched(m));
            bins = new SecondBins(header);
        });
    }

    /** A batch of events in recording order (from the EDT or the reading thread). */
    void events(List<RecordedEvent> batch) {
        thread.execute(() -> {
            if (stats == null) {
                return; // no header: a file that failed before its events
            }
            for (RecordedEvent e : batch) {
                bins.event(e);
                stats.event(e);
            }
            events += batch.size();
            long now = System.nanoTime();
            if (now - lastPublished >= PUBLISH_NANOS) {
                lastPublished = now;
                publish(false);
            }
        });
    }

    void lost(long total) {
        thread.execute(() -> {
            lost = total;
            if (stats != null) {
                stats.lost(total);
            }
        });
    }

    /** The recording is over: receives still waiting for their send are settled, and the last picture sent. */
    void finish() {
        thread.execute(() -> {
            if (stats != null) {
                stats.finish();
                publish(true);
            }
        });
    }

    /** The last snapshot published, or null. */
    Snapshot last() {
        return last;
    }

    private void publish(boolean done) {
        long span = stats.eventSpanNanos();
        Snapshot s = new Snapshot(stats.summaries(span), bins.series(), events, lost, done);
        last = s;
        SwingUtilities.invokeLater(() -> onSnapshot.accept(s));
    }
}
