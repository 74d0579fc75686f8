package org.mqscope.threads;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every thread mqscope starts is made here, by intent, through one factory: named after what it does, daemon
 * (a kernel call stuck past its deadline must not keep the JVM alive once the window has closed). ArchitectureTest
 * keeps it the only place that constructs a Thread or calls {@link Executors}. Whoever asks for an executor owns
 * it and shuts it down (the window: io and slow through IoExecutor; a sampler, a traffic run, a send its own).
 */
public final class Workers {
    /** Idle threads of a growing pool go after this long. */
    static final long IDLE_SECONDS = 2;

    /** What a thread is for; its name says so in a thread dump. */
    public enum Intent {
        /** Quick backend calls of the window, one at a time in the user's order. */
        IO("mq-io"),
        /** Long backend work of the window (drain-and-restore peeks, recreate, stopping traffic, closing). */
        SLOW("mq-slow"),
        /** The composer's bulk sends. */
        SEND("mq-send"),
        /** A queue sampler's passes. */
        SAMPLER("mq-sampler"),
        /** The traffic engine's producers and consumers, one thread each. */
        TRAFFIC("mq-traffic"),
        /** The emulation's SIGEV_THREAD callbacks and signal handlers. */
        EMULATED_NOTIFY("mq-emulated-notify"),
        /** glibc's SIGEV_THREAD threads, attached to the JVM under this name (the kernel backend's notify). */
        KERNEL_NOTIFY("mq-kernel-notify"),
        /** A lesson actor's calls on its private emulated namespace, one thread per actor. */
        LESSON("mq-lesson"),
        /** Finding IPC namespaces and sampling their queues (the window's namespace roots). */
        NAMESPACES("mq-namespaces"),
        /** The one platform thread that enters other IPC namespaces (setns) for a call and comes back. */
        IPC_SETNS("mq-ipc-setns"),
        /** A recording window's work: the recorder's event stream, its file, filtering and opening recordings. */
        RECORDING("mq-recording"),
        /** The one timer that watches the mqpeek helper processes for their callers (interrupt, deadline). */
        HELPER_WATCHDOG("mq-helper-watchdog"),
        /** A command's shutdown hook (Ctrl+C ends a running command cleanly). */
        SHUTDOWN("mq-shutdown"),
        /** Work the window's first frame needs, done once beside the EDT while it builds the window. */
        WARM_UP("mq-warm-up");

        private final String threadName;

        Intent(String threadName) {
            this.threadName = threadName;
        }

        /** The thread's name, or the prefix of "name-N" for a pool's threads. */
        public String threadName() {
            return threadName;
        }
    }

    private Workers() {
    }

    /** One thread named exactly {@code intent}'s name: tasks run one at a time in order. */
    public static ExecutorService single(Intent intent) {
        return Executors.newSingleThreadExecutor(daemons(intent, false));
    }

    /** One scheduling thread named exactly {@code intent}'s name. */
    public static ScheduledExecutorService scheduled(Intent intent) {
        return Executors.newSingleThreadScheduledExecutor(daemons(intent, false));
    }

    /** A thread per task running at once ("name-1", "name-2"...), idle ones gone after {@value #IDLE_SECONDS} s. */
    public static ExecutorService pool(Intent intent) {
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), daemons(intent, true));
    }

    /**
     * An unstarted thread named for {@code intent}, for work that needs a platform thread of its own (setns), for
     * the JVM to start (a shutdown hook), or for one task that ends by itself (the window's start-up warm-up).
     */
    public static Thread unstarted(Intent intent, Runnable work) {
        return daemons(intent, false).newThread(work);
    }

    /** The one thread factory: daemon threads named for {@code intent}, numbered when there may be several. */
    static ThreadFactory daemons(Intent intent, boolean numbered) {
        AtomicInteger next = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, numbered ? intent.threadName() + "-" + next.incrementAndGet()
                    : intent.threadName());
            t.setDaemon(true);
            return t;
        };
    }
}
