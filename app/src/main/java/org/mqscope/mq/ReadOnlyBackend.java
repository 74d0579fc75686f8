package org.mqscope.mq;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Read-only mode: a backend that never opens a writable descriptor and refuses everything that changes a queue —
 * creating, unlinking, sending, receiving (it consumes), registering for notification (others would get EBUSY),
 * and drain-and-restore peeks. Exact peeks, listing, attributes and status stay available. Refusals are EROFS
 * with the reason in words.
 */
public final class ReadOnlyBackend implements MqBackend, JournalRecovery {
    static final String WHY = "read-only mode";

    private final MqBackend inner;

    public ReadOnlyBackend(MqBackend inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    /** The backend this one guards. */
    public MqBackend inner() {
        return inner;
    }

    static MqException refused(String operation, String queue, String what) {
        return new MqException(Errno.EROFS, operation, queue, WHY + ": " + what);
    }

    @Override
    public String id() {
        return inner.id();
    }

    /** Recording only watches: allowed in read-only mode. */
    @Override
    public Optional<QueueRecorder> recorder() {
        return inner.recorder();
    }

    @Override
    public MqQueue open(String name, int oflag, int mode, MqAttributes attrOrNull) throws MqException {
        if ((oflag & Mq.O_CREAT) != 0) {
            throw refused("mq_open", name, "mqscope creates no queue");
        }
        if (Mq.accessMode(oflag) != Mq.O_RDONLY) {
            throw refused("mq_open", name, "mqscope opens queues for reading only");
        }
        MqQueue q = inner.open(name, oflag, mode, attrOrNull);
        return q instanceof ProposedPeek ? new ReadOnlyPeekingQueue(q) : new ReadOnlyQueue(q);
    }

    @Override
    public void unlink(String name) throws MqException {
        throw refused("mq_unlink", name, "mqscope unlinks no queue");
    }

    @Override
    public RecreateResult recreate(String name, MqAttributes newAttrs) throws MqException {
        throw refused("recreate", name, "recreating a queue unlinks and creates it");
    }

    @Override
    public MoveResult moveSelected(String source, String target, List<MessageRef> selection, MoveProgress progress)
            throws MqException {
        throw refused("move", source, "a move takes messages out of a queue");
    }

    @Override
    public List<QueueInfo> list() throws MqException {
        return inner.list();
    }

    @Override
    public String statusLine(String name) throws MqException {
        return inner.statusLine(name);
    }

    @Override
    public MqLimits limits() throws MqException {
        return inner.limits();
    }

    /** Only reads: the guard passes it through. */
    @Override
    public InProcessUsers inProcessUsers() {
        return inner.inProcessUsers();
    }

    /** Recovery sends messages back, so it waits until read-only mode is off; the journals stay as they are. */
    @Override
    public RecoveryReport recover(boolean includeInDoubt) {
        return RecoveryReport.NOTHING;
    }

    @Override
    public int pendingJournals() {
        return inner instanceof JournalRecovery r ? r.pendingJournals() : 0;
    }

    @Override
    public void close() {
        inner.close();
    }

    /** A read-only descriptor of a queue that also offers the proposed peek interfaces: they only look. */
    private static final class ReadOnlyPeekingQueue extends ReadOnlyQueue implements ProposedPeek {
        ReadOnlyPeekingQueue(MqQueue q) {
            super(q);
        }

        @Override
        public MqMessage mqTimedReceive2Peek(long bufferSize, long index) throws MqException {
            return ((ProposedPeek) q).mqTimedReceive2Peek(bufferSize, index);
        }

        @Override
        public FcntlPeek fcntlPeek(long index, int bufferLength) throws MqException {
            return ((ProposedPeek) q).fcntlPeek(index, bufferLength);
        }
    }

    /** A read-only descriptor that also refuses what would change the queue through it. */
    private static class ReadOnlyQueue implements MqQueue {
        final MqQueue q;

        ReadOnlyQueue(MqQueue q) {
            this.q = q;
        }

        @Override
        public String name() {
            return q.name();
        }

        @Override
        public int oflag() {
            return q.oflag();
        }

        @Override
        public boolean isOpen() {
            return q.isOpen();
        }

        @Override
        public void send(byte[] body, int priority) throws MqException {
            q.send(body, priority); // an O_RDONLY descriptor: the backend's own EBADF
        }

        @Override
        public void timedSend(byte[] body, int priority, Instant deadline) throws MqException {
            q.timedSend(body, priority, deadline);
        }

        @Override
        public MqMessage receive() throws MqException {
            throw refused("mq_receive", name(), "receiving would consume the message");
        }

        @Override
        public MqMessage receive(long bufferSize) throws MqException {
            throw refused("mq_receive", name(), "receiving would consume the message");
        }

        @Override
        public MqMessage timedReceive(Instant deadline) throws MqException {
            throw refused("mq_timedreceive", name(), "receiving would consume the message");
        }

        @Override
        public MqMessage timedReceive(long bufferSize, Instant deadline) throws MqException {
            throw refused("mq_timedreceive", name(), "receiving would consume the message");
        }

        @Override
        public MqAttributes getAttributes() throws MqException {
            return q.getAttributes();
        }

        @Override
        public MqAttributes setAttributes(MqAttributes attr) throws MqException {
            return q.setAttributes(attr); // O_NONBLOCK of this description only: nobody else sees it
        }

        @Override
        public void notify(Notification notification) throws MqException {
            throw refused("mq_notify", name(), "a registration is visible to others and blocks theirs");
        }

        @Override
        public int poll(int events, Duration timeout) throws MqException {
            return q.poll(events, timeout);
        }

        @Override
        public String readStatus() throws MqException {
            return q.readStatus();
        }

        @Override
        public boolean unlinked() throws MqException {
            return q.unlinked();
        }

        @Override
        public MqMessage peek(long index) throws MqException {
            checkExact();
            return q.peek(index);
        }

        @Override
        public PeekResult snapshot() throws MqException {
            checkExact();
            return q.snapshot();
        }

        @Override
        public PeekSupport peekSupport() {
            PeekSupport s = q.peekSupport();
            return s.method() == PeekMethod.EXACT ? s : PeekSupport.unavailable(s.method(), WHY
                    + ": drain-and-restore would receive and re-send every message through a writable descriptor");
        }

        @Override
        public PeekRisks peekRisks() throws MqException {
            return q.peekRisks();
        }

        private void checkExact() throws MqException {
            if (q.peekSupport().method() != PeekMethod.EXACT) {
                throw refused("peek", name(), "drain-and-restore would receive and re-send every message");
            }
        }

        @Override
        public void close() throws MqException {
            q.close();
        }
    }
}
