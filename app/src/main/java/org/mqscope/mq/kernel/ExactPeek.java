package org.mqscope.mq.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.PeekMethod;
import org.mqscope.mq.PeekResult;
import org.mqscope.mq.PeekResult.DrainReport;
import org.mqscope.mq.PeekRisks;
import org.mqscope.mq.PeekSupport;
import org.mqscope.mq.kernel.PeekProtocol.Failure;
import org.mqscope.mq.kernel.PeekProtocol.Reply;
import org.mqscope.mq.kernel.PeekProtocol.Request;
import org.mqscope.mq.kernel.PeekProtocol.Snapshot;
import org.mqscope.mq.kernel.PeekProtocol.Unsettled;

/**
 * Peek on a stock kernel without touching the queue: the mqpeek helper reads the messages where the kernel keeps
 * them (a BPF iterator), until two reads agree, and never receives, sends or registers anything. It opens the queue
 * itself, read-only, with this process's credentials, so it sees exactly what mq_receive could.
 */
final class ExactPeek implements PeekStrategy {
    /**
     * Reads of a changing queue before giving up (the helper's default is 8). A read of a small queue takes well
     * under a millisecond, so even heavy traffic usually leaves two consecutive reads that agree among these.
     */
    static final int ATTEMPTS = 64;
    /** The kernel's own type information, which the helper's CO-RE program is relocated against. */
    static final Path BTF = Path.of("/sys/kernel/btf/vmlinux");

    /** Where a queue of another IPC namespace has its file; the helper opens that instead of the name. */
    @FunctionalInterface
    interface QueueFiles {
        Path of(String name) throws MqException;
    }

    private final PeekHelper helper;
    private final QueueFiles files;

    /** Queues of mqscope's own IPC namespace: the helper opens them by name. */
    ExactPeek(PeekHelper helper) {
        this(helper, null);
    }

    /**
     * Queues of another IPC namespace: the helper opens their files under that namespace's mqueue mount ({@code
     * files}), since a name would mean the queue of its own namespace. The read itself does not depend on the
     * namespace: the BPF program follows the helper's own descriptor.
     */
    ExactPeek(PeekHelper helper, QueueFiles files) {
        this.helper = helper;
        this.files = files;
    }

    /** Whether the exact peek can run here, and if not why, with the one command that fixes it. */
    static Availability probe(PeekHelper helper) {
        if (helper == null) {
            return Availability.no("the mqpeek helper is not installed (it is built when clang, bpftool and "
                    + "libbpf-dev are present: sudo apt-get install clang llvm libbpf-dev bpftool, then rebuild)");
        }
        if (!Files.exists(BTF)) {
            return Availability.no("the kernel has no BTF (" + BTF + " is missing; it needs a kernel built with "
                    + "CONFIG_DEBUG_INFO_BTF, as Debian, Ubuntu and Fedora ship)");
        }
        try {
            Reply r = helper.call(Request.probe(), null);
            if (r instanceof Failure f) {
                if (f.code() == Errno.EPERM.code()) {
                    return Availability.no("the peek helper lacks CAP_BPF and CAP_PERFMON; enable it with: sudo "
                            + "setcap cap_bpf,cap_perfmon+ep " + helper.executable());
                }
                return Availability.no(f.errnoName() + ": " + f.text());
            }
            return Availability.YES;
        } catch (MqException e) {
            return Availability.no(e.errno() + ": " + e.detail());
        }
    }

    /** The outcome of {@link #probe}: {@code why} is null when the exact peek works. */
    record Availability(String why) {
        static final Availability YES = new Availability(null);

        static Availability no(String why) {
            return new Availability("exact peek unavailable: " + why);
        }

        boolean available() {
            return why == null;
        }
    }

    @Override
    public PeekMethod method() {
        return PeekMethod.EXACT;
    }

    @Override
    public PeekSupport support(KernelQueue queue) {
        if (!queue.isOpen()) {
            return PeekSupport.unavailable(method(), "EBADF: the descriptor of " + queue.name() + " is closed");
        }
        if (!Mq.canRead(queue.oflag())) {
            return PeekSupport.unavailable(method(), "EBADF: " + queue.name() + " is open without read access; peek"
                    + " needs it");
        }
        return PeekSupport.available(method());
    }

    @Override
    public PeekRisks risks(KernelQueue queue) {
        return PeekRisks.NONE;
    }

    @Override
    public PeekResult snapshot(KernelQueue queue) throws MqException {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        Snapshot s = read(queue, PeekProtocol.OP_SNAPSHOT, 0);
        return result(queue, s, start, t0);
    }

    @Override
    public MqMessage peek(KernelQueue queue, long index) throws MqException {
        if (index < 0) {
            throw new MqException(Errno.ENOENT, "peek", queue.name()); // a huge unsigned index
        }
        Snapshot s = read(queue, PeekProtocol.OP_PEEK, index);
        if (s.count() == 0) {
            throw new MqException(Errno.EAGAIN, "peek", queue.name());
        }
        if (s.messages().isEmpty()) {
            throw new MqException(Errno.ENOENT, "peek", queue.name());
        }
        return s.messages().get(0);
    }

    private Snapshot read(KernelQueue queue, int op, long index) throws MqException {
        long[] id = identity(queue);
        Request request = files == null ? new Request(op, queue.name(), index, id[0], id[1], ATTEMPTS)
                : new Request(op | PeekProtocol.OP_BY_PATH, files.of(queue.name()).toString(), index, id[0], id[1],
                        ATTEMPTS);
        Reply r = helper.call(request, queue.name());
        if (r instanceof Snapshot s) {
            return s;
        }
        if (r instanceof Failure f) {
            Errno errno = Errno.of(f.code());
            throw new MqException(errno, "peek", queue.name(), f.text());
        }
        if (r instanceof Unsettled u) {
            throw new MqException(Errno.EBUSY, "peek", queue.name(), "the queue changed during each of " + u.reads()
                    + " reads, so there is no consistent snapshot to show; nothing was changed (try again when"
                    + " traffic is lighter)");
        }
        throw new MqException(Errno.EPROTO, "peek", queue.name(), "the peek helper answered a probe to a read");
    }

    private PeekResult result(KernelQueue queue, Snapshot s, Instant start, long t0) {
        MqAttributes attributes = new MqAttributes(queue.oflag() & Mq.O_NONBLOCK, s.maxMessages(), s.messageSize(),
                s.count());
        return new PeekResult(s.messages(), method(), attributes, start, Duration.ofNanos(System.nanoTime() - t0),
                DrainReport.NONE, s.waiters(), s.reads());
    }

    /** Device and inode of our descriptor's queue, so the helper can tell when the name now means another queue. */
    private static long[] identity(KernelQueue queue) {
        try {
            Path fd = Path.of("/proc/self/fd/" + queue.fd());
            long dev = ((Number) Files.getAttribute(fd, "unix:dev")).longValue();
            long ino = ((Number) Files.getAttribute(fd, "unix:ino")).longValue();
            return new long[] {dev, ino};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0}; // unknown: the helper then reads whatever queue has the name
        }
    }
}
