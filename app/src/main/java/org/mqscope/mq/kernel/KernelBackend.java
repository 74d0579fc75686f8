package org.mqscope.mq.kernel;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mqscope.mq.Errno;
import org.mqscope.mq.JournalRecovery;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqLimits;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.QueueInfo;
import org.mqscope.mq.QueueRecorder;
import org.mqscope.mq.RecoveryReport;
import org.mqscope.mq.RecreateResult;
import org.mqscope.mq.kernel.journal.Journal;

/** The machine's POSIX message queues, through glibc. */
public final class KernelBackend implements MqBackend, JournalRecovery {
    static final Path DEV_MQUEUE = Path.of("/dev/mqueue");
    static final Path PROC_SYSCTL = Path.of("/proc/sys/fs/mqueue");

    private final NativeSupport natives;
    private final MqueueDirectory directory;
    private final KernelLimits limits;
    private final Path journalDirectory;
    private final DrainRestorePeek drainRestore;
    private final PeekChoice peekChoice;
    /** Chosen on first use (the exact peek starts a helper to find out whether it can run), then kept. */
    private volatile PeekStrategy peekStrategy;
    private PeekHelper peekHelper;
    private final Set<KernelQueue> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** The real kernel; fails with the reason (ENOSYS, ...) where it has no message queues. */
    public KernelBackend() throws MqException {
        this(DEV_MQUEUE, PROC_SYSCTL, Journal.defaultDirectory());
    }

    /** With another mqueue mount point and sysctl directory, so tests can point them at ordinary directories. */
    KernelBackend(Path mqueueDirectory, Path sysctlDirectory) throws MqException {
        this(mqueueDirectory, sysctlDirectory, Journal.defaultDirectory());
    }

    /** With the peek journals kept elsewhere than the user's data directory. */
    KernelBackend(Path mqueueDirectory, Path sysctlDirectory, Path journalDirectory) throws MqException {
        this.natives = NativeSupport.require();
        this.directory = new MqueueDirectory(mqueueDirectory, this::heldStatus);
        this.limits = new KernelLimits(sysctlDirectory);
        this.journalDirectory = journalDirectory;
        this.drainRestore = new DrainRestorePeek(journalDirectory);
        this.peekChoice = PeekChoice.fromSystemProperty();
    }

    PeekStrategy peekStrategy() {
        PeekStrategy s = peekStrategy;
        return s != null ? s : choosePeekStrategy();
    }

    private synchronized PeekStrategy choosePeekStrategy() {
        if (peekStrategy != null) {
            return peekStrategy;
        }
        if (peekChoice == PeekChoice.DRAIN_RESTORE || closed) {
            peekStrategy = drainRestore;
            return drainRestore;
        }
        Path executable = PeekHelperLocation.find();
        peekHelper = executable == null ? null : new PeekHelper(executable);
        ExactPeek.Availability a = ExactPeek.probe(peekHelper);
        if (a.available()) {
            peekStrategy = new ExactPeek(peekHelper);
        } else {
            drainRestore.fallbackFor(a.why());
            peekStrategy = drainRestore;
        }
        return peekStrategy;
    }

    /**
     * Recording needs the helper (with CAP_BPF and CAP_PERFMON, which it reports when missing) and BTF; without
     * either there is no recorder.
     */
    @Override
    public Optional<QueueRecorder> recorder() {
        Path executable = PeekHelperLocation.find();
        if (executable == null || !Files.exists(ExactPeek.BTF)) {
            return Optional.empty();
        }
        return Optional.of(new KernelRecorder(executable));
    }

    /** Uses drain-and-restore from now on, whatever could run (tests of the fallback). */
    synchronized void useDrainRestore() {
        peekStrategy = drainRestore;
    }

    /** Shortens how long a drain-and-restore waits for room in a full queue (tests). */
    void restorePatience(Duration patience) {
        drainRestore.restorePatience(patience);
    }

    /** Where this backend keeps its peek journals. */
    public Path journalDirectory() {
        return journalDirectory;
    }

    @Override
    public RecoveryReport recover(boolean includeInDoubt) {
        return new JournalRestorer(journalDirectory).recoverAll(includeInDoubt);
    }

    @Override
    public int pendingJournals() {
        try {
            return Journal.list(journalDirectory).size();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    @Override
    public String id() {
        return MqBackends.KERNEL;
    }

    /** "c" or "rt": the library the mq_* functions were found in. */
    public String library() {
        return natives.mqLibrary;
    }

    @Override
    public MqQueue open(String name, int oflag, int mode, MqAttributes attrOrNull) throws MqException {
        if (name == null) {
            throw new MqException(Errno.EFAULT, "mq_open", null); // glibc would dereference NULL
        }
        if (closed) {
            throw new MqException(Errno.EBADF, "mq_open", name, "this backend has been closed");
        }
        int fd;
        int errno;
        byte[] cName = NativeSupport.cString(name);
        if ((oflag & Mq.O_CREAT) != 0) {
            try (Memory attr = attrOrNull == null ? null : new Memory(Layouts.MQ_ATTR_SIZE)) {
                if (attr != null) {
                    KernelQueue.writeAttributes(attr.getByteBuffer(0, Layouts.MQ_ATTR_SIZE)
                            .order(ByteOrder.nativeOrder()), 0, attrOrNull);
                }
                fd = natives.mqOpen.mq_open(cName, oflag, mode, attr);
                errno = fd < 0 ? Native.getLastError() : 0;
            }
        } else {
            fd = natives.mqOpen.mq_open(cName, oflag);
            errno = fd < 0 ? Native.getLastError() : 0;
        }
        if (fd < 0) {
            throw MqException.ofCode(errno, "mq_open", name);
        }
        long messageSize;
        try (Memory attr = new Memory(Layouts.MQ_ATTR_SIZE)) {
            if (MqNative.mq_getattr(fd, Pointer.nativeValue(attr)) != 0) {
                MqException e = MqException.ofCode(Native.getLastError(), "mq_getattr", name);
                PosixNative.close(fd);
                throw e;
            }
            messageSize = attr.getLong(Layouts.MQ_MSGSIZE);
        }
        KernelQueue queue = new KernelQueue(this, name, oflag, fd, messageSize);
        open.add(queue);
        if (closed) {
            // close() ran while we were opening and may have missed this one.
            queue.close();
            throw new MqException(Errno.EBADF, "mq_open", name, "this backend has been closed");
        }
        return queue;
    }

    @Override
    public void unlink(String name) throws MqException {
        if (name == null) {
            throw new MqException(Errno.EFAULT, "mq_unlink", null);
        }
        if (MqNative.mq_unlink(NativeSupport.cString(name)) != 0) {
            throw MqException.ofCode(Native.getLastError(), "mq_unlink", name);
        }
    }

    @Override
    public RecreateResult recreate(String name, MqAttributes newAttrs) throws MqException {
        if (name == null) {
            throw new MqException(Errno.EFAULT, "recreate", null);
        }
        return new Recreator(journalDirectory, drainRestore.restorePatience())
                .recreate(name, newAttrs);
    }

    @Override
    public List<QueueInfo> list() throws MqException {
        return directory.list();
    }

    @Override
    public String statusLine(String name) throws MqException {
        if (directory.isMounted()) {
            return directory.statusLine(name);
        }
        // Without the mount, a descriptor can still tell: read(2) on it gives the same line. One we hold already
        // is used as is, so no close of ours removes a registration this process holds.
        for (KernelQueue q : open) {
            if (q.name().equals(name)) {
                String s = q.statusWithoutClosing();
                if (s != null) {
                    return s;
                }
            }
        }
        try (MqQueue q = open(name, Mq.O_RDONLY)) {
            return q.readStatus();
        }
    }

    /** The status line of the queue with this file key through a descriptor of ours, or null when none is open. */
    private String heldStatus(Object fileKey) {
        if (fileKey == null || open.isEmpty()) {
            return null;
        }
        for (KernelQueue q : open) {
            if (fileKey.equals(q.fileKey())) {
                String s = q.statusWithoutClosing();
                if (s != null) {
                    return s;
                }
            }
        }
        return null;
    }

    @Override
    public MqLimits limits() throws MqException {
        return limits.read();
    }

    /** Called by a queue as it closes. */
    void forget(KernelQueue queue) {
        open.remove(queue);
    }

    /** Descriptors still open through this backend; for tests. */
    List<KernelQueue> openQueues() {
        return new ArrayList<>(open);
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            if (peekHelper != null) {
                peekHelper.close();
            }
        }
        for (KernelQueue q : new ArrayList<>(open)) {
            try {
                q.close();
            } catch (MqException e) {
                // EBADF: another thread closed it first, which is what we wanted.
            }
        }
    }
}
