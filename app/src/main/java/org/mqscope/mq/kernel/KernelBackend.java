package org.mqscope.mq.kernel;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mqscope.mq.Errno;
import org.mqscope.mq.IpcNamespaces;
import org.mqscope.mq.JournalRecovery;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MoveResult;
import org.mqscope.mq.MqLimits;
import org.mqscope.mq.NamespaceBound;
import org.mqscope.mq.QueueNames;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.QueueInfo;
import org.mqscope.mq.QueueRecorder;
import org.mqscope.mq.RecoveryReport;
import org.mqscope.mq.RecreateResult;
import org.mqscope.mq.kernel.journal.Journal;

/** The machine's POSIX message queues, through glibc. */
public final class KernelBackend implements MqBackend, JournalRecovery, NamespaceBound {
    static final Path DEV_MQUEUE = Path.of("/dev/mqueue");
    static final Path PROC_SYSCTL = Path.of("/proc/sys/fs/mqueue");

    private final NativeSupport natives;
    private final IpcTarget target;
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
        this.target = new HostTarget(natives, mqueueDirectory, sysctlDirectory, this::heldStatus);
        this.journalDirectory = journalDirectory;
        this.drainRestore = new DrainRestorePeek(journalDirectory);
        this.peekChoice = PeekChoice.fromSystemProperty();
    }

    /**
     * The queues of another IPC namespace, reached through process {@code pid} in it. Its peek journals live in a
     * directory of their own under {@code journalDirectory}, so recovering the host's never sends a container's
     * messages into a host queue of the same name.
     */
    KernelBackend(long inode, int pid, Path journalDirectory) throws MqException {
        this.natives = NativeSupport.require();
        this.target = new NamespaceTarget(inode, pid, this::heldStatus);
        this.journalDirectory = journalDirectory.resolve("ipc-" + inode);
        this.drainRestore = new DrainRestorePeek(this.journalDirectory);
        // The exact peek reaches this namespace's queues through their files under its mqueue mount.
        this.peekChoice = PeekChoice.fromSystemProperty();
    }

    /** The namespace of process {@code pid}: this backend's own when mqscope runs there, else one bound to it. */
    static KernelBackend inNamespaceOf(int pid) throws MqException {
        long self;
        long theirs;
        try {
            self = IpcNamespaces.self();
        } catch (IOException e) {
            throw new MqException(Errno.ENOENT, "readlink", null, "/proc/self/ns/ipc cannot be read (" + e.getMessage()
                    + "): is /proc mounted?");
        }
        try {
            theirs = IpcNamespaces.of(pid);
        } catch (NoSuchFileException e) {
            throw new MqException(Errno.ESRCH, "readlink", null, "no process " + pid);
        } catch (AccessDeniedException e) {
            throw new MqException(Errno.EACCES, "readlink", null, "/proc/" + pid + "/ns/ipc is not ours to read:"
                    + " seeing another user's namespace needs ptrace access (run as root)");
        } catch (IOException e) {
            throw new MqException(Errno.EIO, "readlink", null, "/proc/" + pid + "/ns/ipc: " + e.getMessage());
        }
        return theirs == self ? new KernelBackend() : new KernelBackend(theirs, pid, Journal.defaultDirectory());
    }

    IpcTarget target() {
        return target;
    }

    @Override
    public long namespaceInode() {
        return target.inode();
    }

    @Override
    public boolean hostNamespace() {
        return target.host();
    }

    @Override
    public int viaPid() {
        return target.viaPid();
    }

    @Override
    public MqException gone() {
        return target.gone();
    }

    @Override
    public Optional<Path> queueFile(String name) throws MqException {
        Errno invalid = QueueNames.error(name);
        if (invalid != null) {
            throw new MqException(invalid, "mq_open", name);
        }
        Path dir = target.mountPath();
        return dir == null ? Optional.empty()
                : Optional.of(MqueueDirectory.fileOf(dir, name));
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
        String noMount = target.host() ? null : missingMount();
        if (noMount != null) {
            drainRestore.fallbackFor(noMount);
            peekStrategy = drainRestore;
            return drainRestore;
        }
        Path executable = PeekHelperLocation.find();
        peekHelper = executable == null ? null : new PeekHelper(executable);
        ExactPeek.Availability a = ExactPeek.probe(peekHelper);
        if (a.available()) {
            peekStrategy = target.host() ? new ExactPeek(peekHelper) : new ExactPeek(peekHelper, this::mountedFile);
        } else {
            drainRestore.fallbackFor(a.why());
            peekStrategy = drainRestore;
        }
        return peekStrategy;
    }

    /** Why another namespace's queues cannot be read in place (no mqueue mount to open them by), or null. */
    private String missingMount() {
        try {
            if (target.mountPath() != null) {
                return null;
            }
            return "exact peek unavailable: namespace ipc:[" + target.inode() + "] has no mqueue mount to open its"
                    + " queues through (mount -t mqueue none /dev/mqueue inside it)";
        } catch (MqException e) {
            return "exact peek unavailable: " + e.errno() + ": " + e.detail();
        }
    }

    /** The file of queue {@code name} under this namespace's mqueue mount, for the exact peek. */
    private Path mountedFile(String name) throws MqException {
        return queueFile(name).orElseThrow(() -> new MqException(Errno.ENOENT, "peek", name, "namespace ipc:["
                + target.inode() + "] no longer has an mqueue mount to open the queue through"));
    }

    /**
     * Recording needs the helper (with CAP_BPF and CAP_PERFMON, which it reports when missing) and BTF; without
     * either there is no recorder. A namespace's queues are recorded through its mqueue mount (ENOENT when it has
     * none, when recording starts).
     */
    @Override
    public Optional<QueueRecorder> recorder() {
        Path executable = PeekHelperLocation.find();
        if (executable == null || !Files.exists(ExactPeek.BTF)) {
            return Optional.empty();
        }
        if (target.host()) {
            return Optional.of(new KernelRecorder(executable));
        }
        // another namespace's queues are opened through its mqueue mount (a name would mean one of our own)
        return Optional.of(new KernelRecorder(executable, name -> queueFile(name).orElseThrow(() -> new MqException(
                Errno.ENOENT, QueueRecorder.OPERATION, name, "namespace ipc:[" + target.inode() + "] has no mqueue"
                + " mount to record its queues through (mount -t mqueue none /dev/mqueue inside it)"))));
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
        return new JournalRestorer(journalDirectory, target).recoverAll(includeInDoubt);
    }

    @Override
    public int pendingJournals() {
        try {
            return Journal.list(journalDirectory).size();
        } catch (IOException e) {
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
        Mq.checkOflag(name, oflag);
        int fd = target.open(name, oflag, mode, attrOrNull);
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
        ensureOpen("mq_unlink", name);
        if (name == null) {
            throw new MqException(Errno.EFAULT, "mq_unlink", null);
        }
        target.unlink(name);
    }

    @Override
    public RecreateResult recreate(String name, MqAttributes newAttrs) throws MqException {
        ensureOpen("recreate", name);
        if (name == null) {
            throw new MqException(Errno.EFAULT, "recreate", null);
        }
        return new Recreator(target, journalDirectory, drainRestore.restorePatience())
                .recreate(name, newAttrs);
    }

    /** Journaled: see {@link Mover}. */
    @Override
    public MoveResult move(String source, String target, long limit) throws MqException {
        ensureOpen("move", source);
        if (source == null || target == null) {
            throw new MqException(Errno.EFAULT, "move", source);
        }
        return new Mover(this.target, journalDirectory, drainRestore.restorePatience()).move(source, target, limit);
    }

    @Override
    public List<QueueInfo> list() throws MqException {
        ensureOpen("list", null);
        return target.directory().list();
    }

    @Override
    public String statusLine(String name) throws MqException {
        ensureOpen("read", name);
        MqueueDirectory directory = mountedDirectory();
        if (directory != null) {
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

    /** The namespace's mount when it has one; ESRCH when the namespace is gone. */
    private MqueueDirectory mountedDirectory() throws MqException {
        try {
            MqueueDirectory d = target.directory();
            return d.isMounted() ? d : null;
        } catch (MqException e) {
            if (e.errno() == Errno.ESRCH) {
                throw e;
            }
            return null;
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
        ensureOpen("limits", null);
        return target.limits();
    }

    /** Called by a queue as it closes. */
    void forget(KernelQueue queue) {
        open.remove(queue);
    }

    /** Descriptors still open through this backend; for tests. */
    List<KernelQueue> openQueues() {
        return new ArrayList<>(open);
    }

    /** Every call after {@link #close} is EBADF, as on the emulated backend (the contract says so). */
    private void ensureOpen(String operation, String name) throws MqException {
        if (closed) {
            throw new MqException(Errno.EBADF, operation, name, "this backend has been closed");
        }
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
