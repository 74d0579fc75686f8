package org.mqscope.monitor.processes;

import java.util.List;
import java.util.Set;

import org.mqscope.monitor.QueueSampler;

import org.mqscope.monitor.limits.UserNames;
import java.nio.file.Path;
import java.util.Optional;
import org.mqscope.mq.Errno;
import org.mqscope.mq.InProcessUsers;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.NamespaceBound;
import org.mqscope.mq.ReadOnlyBackend;
import org.mqscope.mq.QueueInfo;

/**
 * Who uses a backend's queues: for the kernel, the processes /proc shows ({@link ProcScanner}); for a backend in
 * this JVM (the emulation), its own descriptors and blocked threads. Results are immutable records without any
 * formatting, so a command line can print them and the window can show them. Keeps a cache between scans: keep
 * one scanner per backend and scan from one thread at a time (never the EDT: a scan reads /proc).
 */
public final class ProcessScanner {
    private final UsageSource source;

    private ProcessScanner(UsageSource source) {
        this.source = source;
    }

    /**
     * The scanner for {@code backend}: its own books if it lives in this JVM, else this machine's /proc — matched
     * against the mqueue mount of the backend's IPC namespace, whose files its processes' descriptors point at.
     * ENOENT for another namespace without an mqueue mount (its queues have no files to match).
     */
    public static ProcessScanner forBackend(MqBackend backend) throws MqException {
        return forBackend(backend, Set.of(QueueSampler.THREAD_NAME));
    }

    /**
     * As {@link #forBackend(MqBackend)}; in the emulation, descriptors opened on {@code ownThreads} (the caller's
     * sampler and I/O threads) are mqscope's own watching ({@link QueueUser#self}). On the kernel every descriptor of
     * this process is.
     */
    public static ProcessScanner forBackend(MqBackend backend, Set<String> ownThreads) throws MqException {
        InProcessUsers users = backend.inProcessUsers();
        if (users != null) {
            return new ProcessScanner(new EmulatedUsage(backend, users, UserNames.load(), ownThreads));
        }
        MqBackend inner = backend instanceof ReadOnlyBackend ro ? ro.inner() : backend;
        if (!(inner instanceof NamespaceBound bound) || bound.hostNamespace()) {
            return new ProcessScanner(ProcScanner.system());
        }
        // the contract gives a queue's file, not the mount: any valid name's parent is the mount directory
        Optional<Path> anyFile = bound.queueFile("/x");
        if (anyFile.isEmpty()) {
            throw new MqException(Errno.ENOENT, "statfs", null, "the IPC namespace of process " + bound.viaPid()
                    + " has no mqueue file system mounted, so its queues' users cannot be found");
        }
        return new ProcessScanner(new ProcScanner(PROC, anyFile.get().getParent(), new SyscallWaiters(PROC),
                UserNames.load()));
    }

    private static final Path PROC = Path.of("/proc");

    /** A scanner over a given /proc reader (tests: another /proc root or mqueue mount). */
    public static ProcessScanner of(ProcScanner scanner) {
        return new ProcessScanner(scanner);
    }

    /** Every queue's users. */
    public UsageSnapshot scanAll() {
        return source.scan(null, null);
    }

    /**
     * Every queue's users, using a listing the caller already has (its status lines give the notify owners);
     * {@code focus}'s holders get their open modes read afresh.
     */
    public UsageSnapshot scanAll(List<QueueInfo> listing, String focus) {
        return source.scan(listing, focus);
    }

    /** One queue's users (a usage with nobody when the queue does not exist or nobody uses it). */
    public QueueUsage scan(String queue) {
        return source.scan(null, queue).of(queue);
    }
}
