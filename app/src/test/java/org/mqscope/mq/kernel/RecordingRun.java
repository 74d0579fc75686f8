package org.mqscope.mq.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.mqscope.mq.MqException;
import org.mqscope.mq.QueueRecorder;
import org.mqscope.mq.RecordedEvent;

/**
 * A recording running on a test's own thread pool, so the test can stop it the way a UI's Stop would (by
 * interrupting it), collecting its events; and the ways the recorder tests pick events out.
 */
final class RecordingRun implements QueueRecorder.Listener {
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final ConcurrentLinkedQueue<RecordedEvent> events = new ConcurrentLinkedQueue<>();
    final AtomicLong lost = new AtomicLong();
    private volatile QueueRecorder.Summary summary;
    private volatile Exception failure;
    private Future<?> future;

    private RecordingRun() {
    }

    /** Starts recording and waits until the recorder is in place (every call from now on is seen). */
    static RecordingRun start(ExecutorService pool, QueueRecorder recorder, QueueRecorder.Request request)
            throws InterruptedException {
        RecordingRun run = new RecordingRun();
        run.future = pool.submit(() -> {
            try {
                run.summary = recorder.record(request, run);
            } catch (MqException | RuntimeException e) {
                run.failure = e;
            } finally {
                run.started.countDown();
                run.done.countDown();
            }
        });
        assertThat(run.started.await(60, TimeUnit.SECONDS)).as("the recording started").isTrue();
        if (run.failure != null) {
            throw new AssertionError("the recording failed: " + run.failure.getMessage(), run.failure);
        }
        return run;
    }

    /** Interrupts the recording thread (a clean stop) and returns how it ended. */
    QueueRecorder.Summary stop() throws InterruptedException {
        future.cancel(true);
        assertThat(done.await(60, TimeUnit.SECONDS)).as("the recording ended").isTrue();
        if (failure != null) {
            throw new AssertionError("the recording failed: " + failure.getMessage(), failure);
        }
        return summary;
    }

    List<RecordedEvent> events() {
        return new ArrayList<>(events);
    }

    @Override
    public void started() {
        started.countDown();
    }

    @Override
    public void event(RecordedEvent e) {
        events.add(e);
    }

    @Override
    public void lost(long total) {
        lost.set(total);
    }

    /** Events delivered when the recorder last said it had caught up (-1 before it did). */
    private long eventsWhenCaughtUp = -1;

    @Override
    public synchronized void caughtUp() {
        eventsWhenCaughtUp = events.size();
        notifyAll();
    }

    /** Waits until the recorder says it has caught up with at least {@code n} events; what it had then. */
    synchronized long awaitCaughtUp(long n, long seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (eventsWhenCaughtUp < n && end - System.nanoTime() > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, end - System.nanoTime());
        }
        return eventsWhenCaughtUp;
    }

    static List<RecordedEvent> byPid(List<RecordedEvent> all, long pid) {
        return all.stream().filter(e -> e.event().pid() == pid).collect(Collectors.toList());
    }

    /** The sends and receives of process {@code pid}. */
    static List<RecordedEvent> transfers(List<RecordedEvent> all, long pid) {
        return byPid(all, pid).stream().filter(e -> e.event().call().equals("mq_timedsend")
                || e.event().call().equals("mq_timedreceive")).collect(Collectors.toList());
    }

    static String text(RecordedEvent e) {
        return new String(e.payload(), StandardCharsets.US_ASCII);
    }
}
