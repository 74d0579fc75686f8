package org.mqscope.ui.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;

/**
 * The window's one way to run a long task (export, import, copy, move, recreate, a bulk send, a drain-and-restore
 * peek): the work runs on a worker of {@link IoExecutor} (mq-slow unless the caller owns a lane of its own, such as
 * the composer's mq-send), its {@link TaskProgress} carries progress and Cancel, a {@link TaskDialog} shows it when
 * the task outlasts {@link TaskDialog#SHOW_AFTER}, and the follow-up ({@code onDone} with what the task did, or
 * {@code onFailed} for the window's error path) runs on the EDT after the display has closed.
 */
public final class Tasks {
    private final IoExecutor io;
    private final List<TaskProgress> running = new ArrayList<>();
    private final List<Runnable> listeners = new ArrayList<>();

    Tasks(IoExecutor io) {
        this.io = io;
    }

    /** Runs {@code work} on mq-slow, in order with the window's other long work (and before its backends close). */
    public <T> TaskProgress start(TaskSpec spec, Task<T> work, Consumer<? super T> onDone,
                                  Consumer<? super Throwable> onFailed) {
        return start(null, spec, work, onDone, onFailed);
    }

    /** As {@link #start(TaskSpec, Task, Consumer, Consumer)} on {@code lane}, an executor the caller owns. */
    public <T> TaskProgress start(ExecutorService lane, TaskSpec spec, Task<T> work, Consumer<? super T> onDone,
                                  Consumer<? super Throwable> onFailed) {
        assert SwingUtilities.isEventDispatchThread();
        TaskProgress progress = new TaskProgress(spec);
        running.add(progress);
        changed();
        if (spec.owner() != null) {
            TaskDialog.follow(spec.owner(), progress);
        }
        IoExecutor.IoTask<T> task = () -> work.run(progress);
        Consumer<T> done = result -> {
            ended(progress);
            onDone.accept(result);
        };
        Consumer<Throwable> failed = failure -> {
            ended(progress);
            onFailed.accept(failure);
        };
        if (lane == null) {
            io.runSlow(task, done, failed);
        } else {
            io.runOn(lane, task, done, failed);
        }
        return progress;
    }

    /** The tasks started and not yet ended, oldest first. EDT. */
    public List<TaskProgress> running() {
        assert SwingUtilities.isEventDispatchThread();
        return List.copyOf(running);
    }

    /** Hears when a task starts or ends (e.g. a status bar showing the newest). EDT. */
    public void addListener(Runnable listener) {
        assert SwingUtilities.isEventDispatchThread();
        listeners.add(listener);
    }

    private void ended(TaskProgress progress) {
        progress.finish();
        running.remove(progress);
        changed();
    }

    private void changed() {
        for (Runnable l : List.copyOf(listeners)) {
            l.run();
        }
    }
}
