package org.mqscope.mq.kernel;

import org.mqscope.threads.Workers;

import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.mqscope.mq.Errno;
import org.mqscope.mq.IpcNamespaces;
import org.mqscope.mq.MqException;

/**
 * The one thread ({@value #THREAD_NAME}) that enters other IPC namespaces. setns(CLONE_NEWIPC) moves only the
 * calling thread, so a call that needs another namespace (mq_open with O_CREAT, mq_unlink without a mount, reading
 * its sysctls) is handed to this thread, which enters the namespace, makes the call, and comes straight back to
 * its own. It runs nothing else: no pooled or virtual-thread work, no child processes (a child would be born in
 * the namespace). Between calls it holds no reference to any other namespace, so a container that stops really
 * goes away. Should it ever fail to come back, it stops, and the next call starts a fresh thread.
 */
final class IpcSwitcher {
    static final String THREAD_NAME = Workers.Intent.IPC_SETNS.threadName();
    /** Calls here never block in the kernel (mq_open and mq_unlink do not wait); this only bounds a stuck /proc. */
    static final Duration CALL_DEADLINE = Duration.ofSeconds(10);

    private static IpcSwitcher current;

    /** Work to run inside a namespace; runs on {@value #THREAD_NAME}. */
    interface InNamespace<T> {
        T run() throws MqException;
    }

    /** A call to run inside a namespace, and how to fail it if it never runs. */
    private record Task(Runnable run, java.util.function.Consumer<String> fail) {
    }

    private final BlockingQueue<Task> tasks = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final AtomicLong switches = new AtomicLong();
    private final Set<String> switchThreads = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;
    private int homeFd = -1;

    private IpcSwitcher() {
        // The single place this package starts a thread: a platform thread of its own by design (see above).
        thread = Workers.unstarted(Workers.Intent.IPC_SETNS, this::loop);
        thread.start();
    }

    /** The running switcher; a new one if the last one had to stop. */
    static synchronized IpcSwitcher get() {
        if (current == null || current.stopped) {
            current = new IpcSwitcher();
        }
        return current;
    }

    /**
     * Runs {@code work} inside the IPC namespace {@code inode}, entered through process {@code pid}. ESRCH when
     * that process has exited or is no longer in that namespace; EPERM without CAP_SYS_ADMIN over it.
     */
    <T> T call(long inode, int pid, String operation, String queue, InNamespace<T> work) throws MqException {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException(THREAD_NAME + " must not wait for itself");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Task task = new Task(() -> {
            try {
                result.complete(inside(inode, pid, operation, queue, work));
            } catch (MqException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, e -> result.completeExceptionally(new MqException(Errno.EIO, operation, queue, e)));
        tasks.add(task);
        if (stopped && tasks.remove(task)) {
            // stopped between get() and add(), and the task never ran: a fresh switcher runs it
            return get().call(inode, pid, operation, queue, work);
        }
        try {
            return result.get(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MqException m) {
                throw m;
            }
            throw (RuntimeException) e.getCause();
        } catch (TimeoutException e) {
            throw new MqException(Errno.ETIMEDOUT, operation, queue, THREAD_NAME + " did not answer within "
                    + CALL_DEADLINE.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MqException(Errno.EINTR, operation, queue, "interrupted while waiting for " + THREAD_NAME);
        }
    }

    private void loop() {
        // The process's own namespace (the main thread's, which never moves), not this thread's: the way back.
        homeFd = PosixNative.open(NativeSupport.cString("/proc/self/ns/ipc"),
                PosixNative.O_RDONLY | PosixNative.O_CLOEXEC);
        try {
            while (!stopped) {
                tasks.take().run().run();
            }
        } catch (InterruptedException e) {
            stopped = true;
        }
        // This thread may be stuck in another namespace: whatever is still queued must not run here.
        Task t;
        while ((t = tasks.poll()) != null) {
            t.fail().accept(THREAD_NAME + " could not return to mqscope's own IPC namespace and stopped; try again");
        }
    }

    private <T> T inside(long inode, int pid, String operation, String queue, InNamespace<T> work)
            throws MqException {
        if (homeFd < 0) {
            throw new MqException(Errno.EIO, "setns", queue, "cannot open mqscope's own IPC namespace (/proc/self/ns"
                    + "/ipc), so there would be no way back: not entering another one");
        }
        int nsFd = PosixNative.open(NativeSupport.cString("/proc/" + pid + "/ns/ipc"),
                PosixNative.O_RDONLY | PosixNative.O_CLOEXEC);
        if (nsFd < 0) {
            Errno errno = Errno.of(Native.getLastError());
            if (errno == Errno.ENOENT || errno == Errno.ESRCH) {
                throw exited(operation, queue, pid, inode);
            }
            throw new MqException(errno, operation, queue, "cannot open /proc/" + pid + "/ns/ipc ("
                    + errno.description() + "): reaching another process's namespace needs ptrace access to it");
        }
        try {
            // The process may have exited and its pid gone to another one since the caller chose it.
            if (namespaceOf(nsFd) != inode) {
                throw exited(operation, queue, pid, inode);
            }
            enter(nsFd, operation, queue);
            try {
                return work.run();
            } finally {
                comeBack();
            }
        } finally {
            PosixNative.close(nsFd);
        }
    }

    private static long namespaceOf(int fd) {
        try {
            return IpcNamespaces.inodeOf(Path.of("/proc/thread-self/fd/" + fd));
        } catch (IOException e) {
            return -1;
        }
    }

    private void enter(int nsFd, String operation, String queue) throws MqException {
        requireOwnThread();
        if (PosixNative.setns(nsFd, PosixNative.CLONE_NEWIPC) != 0) {
            Errno errno = Errno.of(Native.getLastError());
            throw new MqException(errno, operation, queue, "setns(CLONE_NEWIPC) refused (" + errno.description()
                    + "): entering another IPC namespace needs CAP_SYS_ADMIN over it");
        }
        switches.incrementAndGet();
        switchThreads.add(Thread.currentThread().getName());
    }

    private void comeBack() {
        requireOwnThread();
        if (PosixNative.setns(homeFd, PosixNative.CLONE_NEWIPC) != 0) {
            // Stuck in someone else's namespace: this thread must run nothing more.
            stopped = true;
        }
    }

    /** setns here and only here: never on a pooled, virtual or any other thread. */
    private void requireOwnThread() {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("setns attempted on " + Thread.currentThread().getName()
                    + ", not on " + THREAD_NAME);
        }
    }

    private static MqException exited(String operation, String queue, int pid, long inode) {
        return new MqException(Errno.ESRCH, operation, queue, "process " + pid + " has exited or left ipc:["
                + inode + "]");
    }

    /** For tests: how many times a namespace was entered, and by which threads. */
    long switches() {
        return switches.get();
    }

    Set<String> switchThreads() {
        return Set.copyOf(switchThreads);
    }

    Thread thread() {
        return thread;
    }

    /** For tests: that setns refuses to run on any other thread. */
    void enterFromCallerForTest(int fd) throws MqException {
        enter(fd, "setns", null);
    }
}
