package org.mqscope.ui.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqException;
import org.mqscope.threads.Workers;

/** The task model without a display: where work and follow-ups run, the order of reports, cancel, failure. */
class TasksTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int STEPS = 200;
    private static final Duration SECOND = Duration.ofSeconds(1);
    private final IoExecutor io = new IoExecutor();

    @AfterEach
    void close() {
        io.close();
    }

    /** Everything the EDT heard, in order: snapshots as "done/total[ finished]", then "onDone r" or "onFailed". */
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final List<Boolean> onEdt = new CopyOnWriteArrayList<>();

    private <T> TaskProgress start(TaskSpec spec, Task<T> work) {
        return Edt.call(() -> {
            TaskProgress p = io.tasks().start(spec, work, r -> {
                onEdt.add(SwingUtilities.isEventDispatchThread());
                heard.add("onDone " + r);
            }, failure -> {
                onEdt.add(SwingUtilities.isEventDispatchThread());
                heard.add("onFailed " + failure.getMessage());
            });
            p.addListener(s -> {
                onEdt.add(SwingUtilities.isEventDispatchThread());
                heard.add(s.done() + "/" + s.total() + (s.stopping() ? " stopping" : "")
                        + (s.finished() ? " finished" : ""));
            });
            return p;
        });
    }

    @Test
    void reportsArriveOnTheEdtInOrderCoalescedAndAllBeforeTheFollowUp() throws Exception {
        AtomicReference<String> worker = new AtomicReference<>();
        TaskProgress p = start(TaskSpec.of("Counting").counting("steps"), progress -> {
            worker.set(Thread.currentThread().getName());
            for (int i = 1; i <= STEPS; i++) {
                progress.done(i, STEPS);
            }
            return "counted";
        });
        assertThat(io.awaitIdle(WAIT)).isTrue();
        assertThat(worker.get()).isEqualTo(Workers.Intent.SLOW.threadName());
        assertThat(onEdt).isNotEmpty().containsOnly(true);
        assertThat(heard.get(heard.size() - 1)).isEqualTo("onDone counted");
        assertThat(heard.get(heard.size() - 2)).isEqualTo(STEPS + "/" + STEPS + " finished");
        List<Integer> done = heard.subList(0, heard.size() - 1).stream()
                .map(s -> Integer.parseInt(s.substring(0, s.indexOf('/')))).toList();
        assertThat(done).as("never backwards").isSorted();
        assertThat(heard.size()).as("coalesced: at most one snapshot per report, plus the end").isLessThanOrEqualTo(
                STEPS + 2);
        assertThat(Edt.call(() -> io.tasks().running())).isEmpty();
        assertThat(p.finished()).isTrue();
        assertThat(Edt.call(() -> p.snapshot().text())).isEqualTo("200 of 200 steps");
    }

    @Test
    void cancelStopsTheWorkAtItsNextCheckAndItsResultSaysHowFarItGot() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cancelSeen = new CountDownLatch(1);
        TaskProgress p = start(TaskSpec.of("Copying").counting("messages").cancellable("stops after this one"),
                progress -> {
                    long n = 0;
                    progress.done(++n, 1000);
                    started.countDown();
                    while (!progress.cancelled()) {
                        Thread.onSpinWait();
                    }
                    cancelSeen.countDown();
                    return "copied " + n + " of 1000";
                });
        assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(Edt.call(() -> io.tasks().running())).containsExactly(p);
        p.cancel();
        assertThat(cancelSeen.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(io.awaitIdle(WAIT)).isTrue();
        assertThat(heard).contains("1/1000 stopping finished").last().isEqualTo("onDone copied 1 of 1000");
        assertThat(Edt.call(() -> p.snapshot().text())).isEqualTo("1 of 1,000 messages");
    }

    @Test
    void aTaskThatCannotStopMidwayIgnoresCancel() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        TaskProgress p = start(TaskSpec.of("Recreating"), progress -> {
            progress.note("Replaying");
            assertThat(release.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            return progress.cancelled();
        });
        p.cancel();
        release.countDown();
        assertThat(io.awaitIdle(WAIT)).isTrue();
        assertThat(heard).last().isEqualTo("onDone false");
        assertThat(heard).noneMatch(s -> s.contains("stopping"));
        assertThat(Edt.call(() -> p.snapshot().text())).isEqualTo("Replaying");
    }

    @Test
    void aFailureGoesToOnFailedOnTheEdtAfterTheProgressEnded() throws Exception {
        start(TaskSpec.of("Exporting"), progress -> {
            progress.done(3, 10);
            throw new MqException(Errno.EACCES, "mq_open", "/orders");
        });
        assertThat(io.awaitIdle(WAIT)).isTrue();
        assertThat(onEdt).containsOnly(true);
        assertThat(heard).hasSizeGreaterThanOrEqualTo(2);
        assertThat(heard.get(heard.size() - 2)).isEqualTo("3/10 finished");
        assertThat(heard.get(heard.size() - 1)).startsWith("onFailed ").contains("EACCES");
        assertThat(Edt.call(() -> io.tasks().running())).isEmpty();
    }

    @Test
    void aTaskRunsOnTheLaneItsCallerOwnsAndIsCountedAsPending() throws Exception {
        ExecutorService lane = Workers.single(Workers.Intent.SEND);
        try {
            AtomicReference<String> worker = new AtomicReference<>();
            CountDownLatch ran = new CountDownLatch(1);
            Edt.run(() -> io.tasks().start(lane, TaskSpec.of("Sending"), progress -> {
                worker.set(Thread.currentThread().getName());
                return 1;
            }, r -> ran.countDown(), failure -> { }));
            assertThat(io.awaitIdle(WAIT)).isTrue();
            assertThat(ran.getCount()).isZero();
            assertThat(worker.get()).isEqualTo(Workers.Intent.SEND.threadName());
        } finally {
            lane.shutdown();
        }
    }

    @Test
    void theTextSaysTheCountWithItsUnitOrTheNoteAndWhatStoppingMeans() {
        TaskSpec spec = TaskSpec.of("Copying").counting("messages").cancellable("stops after this message");
        assertThat(new TaskProgress.Snapshot(spec, 312, 1000, "ignored once counting", false, false, SECOND).text())
                .isEqualTo("312 of 1,000 messages");
        assertThat(new TaskProgress.Snapshot(spec, 0, 0, "Reading /q", false, false, SECOND).text())
                .isEqualTo("Reading /q");
        assertThat(new TaskProgress.Snapshot(spec, 5, 9, null, true, false, SECOND).text())
                .isEqualTo("Stopping… (5 of 9 messages)");
        assertThat(new TaskProgress.Snapshot(spec, 5, 9, null, true, true, SECOND).text()).isEqualTo("5 of 9 messages");
        assertThat(new TaskProgress.Snapshot(spec.showingRate(), 500, 1000, null, false, false, SECOND).text())
                .isEqualTo("500 of 1,000 messages · 500/s");
    }
}
