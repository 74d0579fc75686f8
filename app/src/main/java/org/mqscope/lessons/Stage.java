package org.mqscope.lessons;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import org.mqscope.threads.Workers;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.mqscope.mq.Actor;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.QueueEvent;
import org.mqscope.mq.QueueEventSource.Subscription;
import org.mqscope.mq.emulated.Credentials;
import org.mqscope.mq.emulated.EmulatedBackend;

/**
 * One run of a lesson: a fresh private emulated namespace with the lesson's limits, and each actor as an emulated
 * process (its own pid) with one thread of its own, so that a call can block there while the others go on. Going
 * back builds a new stage and replays; closing one interrupts whatever is still blocked (EINTR), so no thread
 * outlives it.
 */
final class Stage implements AutoCloseable {
    /** Actors are ordinary users (no CAP_SYS_RESOURCE), whatever runs mqscope: the limits lesson depends on it. */
    static final int UID = 1000;
    static final int GID = 1000;
    /** pids 4001, 4002... in the order the actors are declared. */
    static final int FIRST_PID = 4001;

    final EmulatedBackend namespace;
    final Map<String, Player> players = new LinkedHashMap<>();
    private final Subscription subscription;

    Stage(Lesson lesson, Consumer<QueueEvent> forward) {
        namespace = new EmulatedBackend(lesson.limits());
        int pid = FIRST_PID;
        for (String name : lesson.actors()) {
            players.put(name, new Player(name, pid, namespace.asProcess(Credentials.unprivileged(pid, UID, GID))));
            pid++;
        }
        subscription = namespace.subscribe(e -> {
            Player p = byPid(e.pid());
            if (p != null) {
                p.saw(e);
            }
            forward.accept(e);
        });
    }

    private Player byPid(long pid) {
        for (Player p : players.values()) {
            if (p.pid == pid) {
                return p;
            }
        }
        return null;
    }

    @Override
    public void close() {
        subscription.close();
        for (Player p : players.values()) {
            p.close();
        }
        namespace.close();
    }

    /** An actor: its process, its thread, its descriptors, and what the events said about it. */
    static final class Player {
        final String name;
        final int pid;
        final EmulatedBackend process;
        final Map<String, MqQueue> descriptors = new LinkedHashMap<>();
        private final List<MqQueue> everOpened = new ArrayList<>();
        private final ExecutorService thread;
        /** The call in progress or last made on the actor's thread; null before the first. */
        Future<Object> pending;
        private boolean blocked;
        private int notified;

        Player(String name, int pid, EmulatedBackend process) {
            this.name = name;
            this.pid = pid;
            this.process = process;
            this.thread = Workers.single(Workers.Intent.LESSON); // events name the actor, not the thread
        }

        Future<Object> call(Callable<Object> work) {
            pending = thread.submit(() -> {
                try (Actor.Scope s = Actor.named(name)) {
                    return work.call();
                }
            });
            return pending;
        }

        void opened(String queue, MqQueue q) {
            descriptors.put(queue, q);
            everOpened.add(q);
        }

        synchronized void saw(QueueEvent e) {
            switch (e.kind()) {
                case BLOCKED -> {
                    blocked = true;
                    notifyAll();
                }
                case WOKEN -> blocked = false;
                case NOTIFY_FIRED -> notified++;
                case CALL -> blocked = false; // a blocked call that returns (ETIMEDOUT, EINTR) is no longer blocked
            }
        }

        synchronized boolean blocked() {
            return blocked;
        }

        synchronized int notified() {
            return notified;
        }

        /** Waits until the actor blocks or its call returns; true if it blocked. */
        synchronized boolean awaitBlocked(Future<?> call, Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (!blocked && !call.isDone()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                // The call returning does not notify this monitor: look again at least every few ms.
                TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(5)));
            }
            return blocked;
        }

        boolean busy() {
            return pending != null && !pending.isDone();
        }

        void close() {
            thread.shutdownNow(); // a call still blocked returns EINTR
            for (MqQueue q : everOpened) {
                if (q.isOpen()) {
                    try {
                        q.close();
                    } catch (MqException alreadyClosed) {
                        // closed concurrently by the interrupted call's cleanup: nothing left to release
                    }
                }
            }
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
