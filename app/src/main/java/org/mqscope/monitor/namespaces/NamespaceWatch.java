package org.mqscope.monitor.namespaces;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.mqscope.monitor.QueueSampler;
import org.mqscope.threads.Workers;
import org.mqscope.monitor.SampleBatch;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;
import org.mqscope.mq.NamespaceBound;
import org.mqscope.mq.ReadOnlyBackend;

/**
 * Keeps the machine's other IPC namespaces in view: scans /proc every {@link #SCAN_PERIOD}, binds a kernel backend
 * to each namespace found, and samples its queues, all on one thread of its own ({@value #THREAD_NAME}). A
 * namespace whose processes have all exited is reported gone once, its sampler and backend closed; the backend is
 * never used again, even if the kernel later gives the same inode number to a new namespace (which is then bound
 * afresh). The host's namespace is left to the window's own sampler. Listeners are
 * called on {@value #THREAD_NAME}.
 */
public final class NamespaceWatch implements AutoCloseable {
    public static final String THREAD_NAME = Workers.Intent.NAMESPACES.threadName();
    public static final Duration SCAN_PERIOD = Duration.ofSeconds(2);

    /** What the watch reports. */
    public interface Listener {
        /** Every namespace now (host first), after a scan or when one went away. */
        void namespaces(List<NamespaceState> all);

        /** A sampling pass of one namespace's queues. */
        void sampled(long inode, SampleBatch batch);
    }

    /** How a backend is bound to a namespace; the kernel's in real use, a fake in tests. */
    @FunctionalInterface
    public interface BackendFactory {
        MqBackend inNamespaceOf(int pid) throws MqException;
    }

    /**
     * One namespace as the watch knows it.
     *
     * @param backend reaches its queues (null for the host's and the hidden line); for one that is gone or could not
     *                be bound, a backend whose every call fails with the reason
     * @param gone    why it is gone (ESRCH), or null while it lives
     * @param problem why its queues cannot be reached, or null
     */
    public record NamespaceState(IpcNamespaceInfo info, MqBackend backend, MqException gone, String problem) {
        public long inode() {
            return info.inode();
        }
    }

    private final NamespaceScanner scanner;
    private final BackendFactory factory;
    private final Listener listener;
    private final ScheduledExecutorService executor = Workers.scheduled(Workers.Intent.NAMESPACES);
    /** Thread-confined to {@value #THREAD_NAME}. */
    private final Map<Long, Bound> bound = new HashMap<>();
    private final Map<Long, NamespaceState> goneOnes = new HashMap<>();
    private ScheduledFuture<?> scanning;
    private Duration samplePeriod;

    private record Bound(IpcNamespaceInfo info, MqBackend backend, QueueSampler sampler, String problem) {
    }

    public NamespaceWatch(Listener listener, Duration samplePeriod) {
        this(new NamespaceScanner(), MqBackends::kernelInNamespaceOf, listener, samplePeriod);
    }

    public NamespaceWatch(NamespaceScanner scanner, BackendFactory factory, Listener listener, Duration samplePeriod) {
        this.scanner = scanner;
        this.factory = factory;
        this.listener = listener;
        this.samplePeriod = samplePeriod;
    }

    /** Scans now and every {@link #SCAN_PERIOD} from now on. */
    public synchronized void start() {
        if (scanning == null) {
            scanning = executor.scheduleWithFixedDelay(this::scanQuietly, 0, SCAN_PERIOD.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** A scan and a sampling pass of every namespace as soon as the thread is free. */
    public void refresh() {
        executor.execute(() -> {
            scanQuietly();
            bound.values().forEach(b -> {
                if (b.sampler != null) {
                    b.sampler.sampleSoon();
                }
            });
        });
    }

    /** Samples each namespace's queues every {@code period}. */
    public void setSamplePeriod(Duration period) {
        executor.execute(() -> {
            samplePeriod = period;
            bound.values().forEach(b -> {
                if (b.sampler != null) {
                    b.sampler.setPeriod(period);
                }
            });
        });
    }

    private void scanQuietly() {
        try {
            scan();
        } catch (RuntimeException e) {
            Thread t = Thread.currentThread();
            t.getUncaughtExceptionHandler().uncaughtException(t, e);
        }
    }

    /** One scan, on {@value #THREAD_NAME}. */
    void scan() {
        List<IpcNamespaceInfo> found;
        try {
            found = scanner.scan();
        } catch (IOException e) {
            return; // /proc unreadable for a moment: keep what we have, try again next period
        }
        Map<Long, IpcNamespaceInfo> now = new HashMap<>();
        for (IpcNamespaceInfo i : found) {
            now.put(i.inode(), i);
        }
        for (Long inode : new ArrayList<>(bound.keySet())) {
            if (!now.containsKey(inode)) {
                markGone(inode, new MqException(Errno.ESRCH, "setns", null, "IPC namespace ipc:[" + inode
                        + "] is gone: no process is left in it"));
            }
        }
        List<NamespaceState> states = new ArrayList<>();
        NamespaceState hiddenLine = null;
        for (IpcNamespaceInfo info : found) {
            if (info.inode() == 0) {
                hiddenLine = new NamespaceState(info, null, null, info.problem());
                continue;
            }
            if (info.host()) {
                states.add(new NamespaceState(info, null, null, info.problem()));
                continue;
            }
            Bound b = bound.get(info.inode());
            // The kernel reuses the inode numbers of freed namespaces: processes under a gone one's number are
            // in a new namespace, to be bound afresh.
            goneOnes.remove(info.inode());
            b = b == null ? bind(info) : new Bound(info, b.backend, b.sampler, b.problem);
            bound.put(info.inode(), b);
            states.add(new NamespaceState(info, b.backend, null, b.problem));
        }
        states.addAll(goneOnes.values());
        if (hiddenLine != null) {
            states.add(hiddenLine);
        }
        listener.namespaces(List.copyOf(states));
    }

    private Bound bind(IpcNamespaceInfo info) {
        MqBackend backend;
        try {
            backend = factory.inNamespaceOf(info.anyPid());
        } catch (MqException e) {
            return new Bound(info, new UnreachableNamespace(e), null, e.errno().name() + ": " + e.getMessage());
        }
        long inode = info.inode();
        // The sampler only reads: it gets the read-only guard, as the window's own does.
        QueueSampler sampler = new QueueSampler(new ReadOnlyBackend(backend), executor);
        sampler.addListener(batch -> sampled(inode, batch));
        sampler.setPeriod(samplePeriod);
        return new Bound(info, backend, sampler, info.problem());
    }

    private void sampled(long inode, SampleBatch batch) {
        Bound b = bound.get(inode);
        if (b == null) {
            return; // gone meanwhile: its last pass is not news
        }
        MqException gone = b.backend instanceof NamespaceBound nb ? nb.gone() : null;
        if (gone != null) {
            markGone(inode, gone);
            scan(); // tells everyone at once, rather than at the next period
            return;
        }
        listener.sampled(inode, batch);
    }

    private void markGone(long inode, MqException why) {
        Bound b = bound.remove(inode);
        if (b == null) {
            return;
        }
        if (b.sampler != null) {
            b.sampler.setPeriod(null);
        }
        goneOnes.put(inode, new NamespaceState(b.info, b.backend instanceof UnreachableNamespace ? b.backend
                : new UnreachableNamespace(why), why, null));
        if (b.backend != null) {
            b.backend.close();
        }
    }

    /** Stops scanning and sampling, closes every backend it bound. */
    @Override
    public void close() {
        synchronized (this) {
            if (scanning != null) {
                scanning.cancel(false);
            }
        }
        try {
            executor.submit(() -> {
                bound.values().forEach(b -> {
                    if (b.sampler != null) {
                        b.sampler.setPeriod(null);
                    }
                    if (b.backend != null) {
                        b.backend.close();
                    }
                });
                bound.clear();
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // stuck in /proc or the kernel: the descriptors go with the process
        }
        executor.shutdown();
    }
}
