package org.mqscope.ui.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;

/**
 * One long task's progress and cancellation, shared by its worker and the window. The worker reports from its
 * thread ({@link #total}, {@link #done}, {@link #note}) and asks {@link #cancelled()}; the window listens on the EDT,
 * where reports arrive coalesced (at most one pending per event-queue turn, always the latest), in the order they
 * were made, and all before the task's follow-up runs (both go through the event queue, reports first).
 */
public final class TaskProgress {
    /**
     * What a display shows at one moment.
     *
     * @param total    how many units the task will do, or 0 while unknown (an indeterminate bar)
     * @param note     what it is doing when there is nothing to count ("Reading /orders by drain and restore")
     * @param stopping Cancel was pressed and the task has not ended yet
     * @param elapsed  since the task started
     */
    public record Snapshot(TaskSpec spec, long done, long total, String note, boolean stopping, boolean finished,
                           Duration elapsed) {
        private Snapshot withoutTime() {
            return new Snapshot(spec, done, total, note, stopping, finished, Duration.ZERO);
        }

        public boolean determinate() {
            return total > 0;
        }

        /** "312 of 1,000 messages", the note, or "Stopping… (312 of 1,000 messages)" after Cancel. */
        public String text() {
            String count = determinate() ? Numbers.grouped(done) + " of " + Numbers.grouped(total)
                    + (spec.unit() == null ? "" : " " + spec.unit()) : null;
            if (count != null && spec.showsRate() && done > 0) {
                count += " · " + Numbers.grouped(done / Math.max(elapsed.toNanos() / 1e9, 1e-3)) + "/s";
            }
            String what = count != null ? count : note != null ? note : "Working…";
            return stopping && !finished ? "Stopping… (" + what + ")" : what;
        }
    }

    private final TaskSpec spec;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean publishQueued = new AtomicBoolean();
    private final List<Consumer<Snapshot>> listeners = new ArrayList<>();
    private final List<Runnable> onCancel = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final long started = System.nanoTime();
    private volatile long done;
    private volatile long total;
    private volatile String note;
    private volatile boolean finished;
    private Snapshot last;

    public TaskProgress(TaskSpec spec) {
        this.spec = spec;
        last = new Snapshot(spec, 0, 0, null, false, false, Duration.ZERO);
    }

    public TaskSpec spec() {
        return spec;
    }

    // ---------------------------------------------------------------------------------------- the worker's side

    /** The task now knows how many units it will do. Any thread. */
    public void total(long n) {
        total = n;
        changed();
    }

    /** {@code n} units done so far. Any thread. */
    public void done(long n) {
        done = n;
        changed();
    }

    /** {@code n} of {@code of} done: both at once, as transfer loops report. Any thread. */
    public void done(long n, long of) {
        total = of;
        done(n);
    }

    /** What the task is doing when it has nothing to count yet. Any thread. */
    public void note(String text) {
        note = text;
        changed();
    }

    /** Cancel was pressed: stop at the next safe point and return what was done. Any thread. */
    public boolean cancelled() {
        return cancelled.get();
    }

    /**
     * Runs {@code stop} when Cancel is pressed (on the thread that pressed it), for work that waits on something a
     * flag check cannot interrupt (an interval between sends); at once when Cancel came already. Any thread.
     */
    public void whenCancelled(Runnable stop) {
        onCancel.add(stop);
        if (cancelled()) {
            stop.run();
        }
    }

    // ---------------------------------------------------------------------------------------- the window's side

    /** Asks the task to stop; ignored for a task that cannot stop midway or has ended. Any thread. */
    public void cancel() {
        if (spec.isCancellable() && !finished && cancelled.compareAndSet(false, true)) {
            onCancel.forEach(Runnable::run);
            changed();
        }
    }

    /** Hears every snapshot from now on, on the EDT; the last one has {@code finished} set. */
    public void addListener(Consumer<Snapshot> listener) {
        assert SwingUtilities.isEventDispatchThread();
        listeners.add(listener);
    }

    /** The last snapshot published on the EDT. */
    public Snapshot snapshot() {
        assert SwingUtilities.isEventDispatchThread();
        return last;
    }

    public boolean finished() {
        return finished;
    }

    /** The task ended (its worker returned or threw); EDT, before its follow-up. */
    void finish() {
        assert SwingUtilities.isEventDispatchThread();
        finished = true;
        publish();
    }

    private void changed() {
        if (publishQueued.compareAndSet(false, true)) {
            SwingUtilities.invokeLater(this::publish);
        }
    }

    private void publish() {
        publishQueued.set(false);
        Snapshot s = new Snapshot(spec, done, total, note, cancelled.get(), finished,
                Duration.ofNanos(System.nanoTime() - started));
        if (s.withoutTime().equals(last.withoutTime())) {
            return;
        }
        last = s;
        for (Consumer<Snapshot> l : List.copyOf(listeners)) {
            l.accept(s);
        }
    }
}
