package org.mqscope.ui.recording;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.swing.SwingUtilities;

import org.mqscope.mq.Errno;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.QueueRecorder;
import org.mqscope.mq.RecordedEvent;

/**
 * One recording running on its own thread (the window's {@code mq-recording} executor): the recorder hands each
 * event to the file first ({@link Sink}, on the recording thread, so the file holds everything whatever the window
 * keeps) and then to a hand-off list the window empties in batches on the EDT ({@link #drain}). Stop interrupts
 * the recording thread, which ends the recorder cleanly after the events it still has.
 */
final class LiveRecording {
    /** Where every event goes on the recording thread: the recording's file. */
    interface Sink {
        /** The recorder is in place. */
        void started() throws IOException;

        void event(RecordedEvent e) throws IOException;

        void lost(long total) throws IOException;

        /** Every event the recorder had was written: flush. */
        void caughtUp() throws IOException;
    }

    /** How it ended, on the EDT: a summary, or the failure (never both). */
    record Outcome(QueueRecorder.Summary summary, Exception failure) {
    }

    private final QueueRecorder.Request request;
    private final Object lock = new Object();
    private List<RecordedEvent> pending = new ArrayList<>();
    private volatile long lost;
    private volatile boolean started;
    private volatile Thread thread;
    private volatile boolean stopRequested;

    LiveRecording(QueueRecorder.Request request) {
        this.request = request;
    }

    QueueRecorder.Request request() {
        return request;
    }

    /**
     * Starts recording on {@code executor} through {@code backend}'s recorder (asked for there, never on the EDT);
     * {@code onStarted} and {@code onEnd} run on the EDT.
     */
    void start(MqBackend backend, Sink sink, java.util.concurrent.Executor executor, Runnable onStarted, Consumer<Outcome> onEnd) {
        assert SwingUtilities.isEventDispatchThread();
        executor.execute(() -> {
            Outcome outcome;
            thread = Thread.currentThread();
            try {
                if (stopRequested) {
                    throw new MqException(Errno.EINTR, QueueRecorder.OPERATION, String.join(" ", request.queues()),
                            "stopped before the recording started");
                }
                QueueRecorder recorder = backend.recorder().orElseThrow(() -> new MqException(Errno.EPERM,
                        QueueRecorder.OPERATION, String.join(" ", request.queues()), "this backend has no recorder"));
                QueueRecorder.Summary s = recorder.record(request, new QueueRecorder.Listener() {
                    @Override
                    public void started() {
                        LiveRecording.this.started = true;
                        write(() -> sink.started());
                        SwingUtilities.invokeLater(onStarted);
                    }

                    @Override
                    public void event(RecordedEvent e) {
                        write(() -> sink.event(e));
                        synchronized (lock) {
                            pending.add(e);
                        }
                    }

                    @Override
                    public void lost(long totalLost) {
                        lost = totalLost;
                        write(() -> sink.lost(totalLost));
                    }

                    @Override
                    public void caughtUp() {
                        write(sink::caughtUp);
                    }
                });
                outcome = new Outcome(s, null);
            } catch (MqException | RuntimeException e) {
                outcome = new Outcome(null, e instanceof FileFailed f ? f.cause : e);
            }
            thread = null;
            Thread.interrupted(); // a stop that came as it ended must not reach the executor's next task
            Outcome o = outcome;
            SwingUtilities.invokeLater(() -> onEnd.accept(o));
        });
    }

    /** The events that came since the last call, oldest first; EDT. */
    List<RecordedEvent> drain() {
        synchronized (lock) {
            if (pending.isEmpty()) {
                return List.of();
            }
            List<RecordedEvent> out = pending;
            pending = new ArrayList<>(Math.max(16, out.size()));
            return out;
        }
    }

    /** Events the recorder had no room for, so far. */
    long lost() {
        return lost;
    }

    boolean started() {
        return started;
    }

    /** Asks the recording to end (it ends cleanly, then {@code onEnd} runs). */
    void stop() {
        stopRequested = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    /** A write to the file that failed: the recording stops, and says why (nothing is dropped silently). */
    private static void write(IoStep step) {
        try {
            step.run();
        } catch (IOException e) {
            throw new FileFailed(e);
        }
    }

    @FunctionalInterface
    private interface IoStep {
        void run() throws IOException;
    }

    /** Carries a file failure out of the recorder's listener, which may throw only unchecked exceptions. */
    private static final class FileFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient IOException cause;

        FileFailed(IOException cause) {
            super(cause.getMessage(), cause);
            this.cause = cause;
        }
    }
}
