package org.mqscope.mq.emulated;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.Notification;
import org.mqscope.mq.PeekMethod;
import org.mqscope.mq.PeekResult;
import org.mqscope.mq.PeekRisks;
import org.mqscope.mq.PeekSupport;
import org.mqscope.mq.ProposedPeek;
import org.mqscope.mq.QueueEvent.Kind;

/**
 * An open queue description in the emulation: access mode and O_NONBLOCK are its own; the queue is shared.
 * Argument checks run here, in the order Linux runs them, before the queue's lock is taken.
 */
final class EmulatedQueue implements MqQueue, ProposedPeek {
    private final EmulatedBackend process;
    private final QueueInode inode;
    private final String name;
    private final int oflag;
    private final boolean readable;
    private final boolean writable;
    private volatile boolean nonBlocking;
    private volatile boolean closed;
    /** The thread that opened it, for {@link QueueInode#uses()}. */
    final String opener = Thread.currentThread().getName();

    EmulatedQueue(EmulatedBackend process, QueueInode inode, String name, int oflag) {
        this.process = process;
        this.inode = inode;
        this.name = name;
        this.oflag = oflag;
        this.readable = Mq.canRead(oflag);
        this.writable = Mq.canWrite(oflag);
        this.nonBlocking = (oflag & Mq.O_NONBLOCK) != 0;
    }

    QueueInode inode() {
        return inode;
    }

    Credentials owner() {
        return process.credentials();
    }

    /** The oflag with O_NONBLOCK as mq_setattr last left it. */
    int currentFlags() {
        return nonBlocking ? oflag | Mq.O_NONBLOCK : oflag & ~Mq.O_NONBLOCK;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int oflag() {
        return oflag;
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    @Override
    public void send(byte[] body, int priority) throws MqException {
        doSend(body, priority, null, "mq_send");
    }

    @Override
    public void timedSend(byte[] body, int priority, Instant deadline) throws MqException {
        doSend(body, priority, deadline, "mq_timedsend");
    }

    private void doSend(byte[] body, int priority, Instant deadline, String op) throws MqException {
        if (inode.hub().listening()) { // the one volatile read of a send while nobody listens
            reportedSend(body, priority, deadline, op);
        } else {
            checkedSend(body, priority, deadline, op, false);
        }
    }

    /** A send while someone listens: a failure is an event too. */
    private void reportedSend(byte[] body, int priority, Instant deadline, String op) throws MqException {
        try {
            checkedSend(body, priority, deadline, op, true);
        } catch (MqException e) {
            inode.hub().emit(pid(), Kind.CALL, op, name, body == null ? null : new MqMessage(body, priority),
                    e.errno(), nonBlocking ? "O_NONBLOCK" : "");
            throw e;
        }
    }

    private void checkedSend(byte[] body, int priority, Instant deadline, String op, boolean report)
            throws MqException {
        checkDeadline(deadline, op);
        if (priority < 0 || priority >= Mq.PRIO_MAX) {
            throw new MqException(Errno.EINVAL, op, name);
        }
        if (closed || !writable) {
            throw new MqException(Errno.EBADF, op, name);
        }
        if (body == null) {
            throw new MqException(Errno.EFAULT, op, name);
        }
        if (body.length > inode.messageSize) {
            throw new MqException(Errno.EMSGSIZE, op, name);
        }
        inode.send(new MqMessage(body.clone(), priority), nonBlocking, deadline, process.credentials(), op, report);
    }

    @Override
    public MqMessage receive() throws MqException {
        return doReceive(inode.messageSize, null, "mq_receive");
    }

    @Override
    public MqMessage receive(long bufferSize) throws MqException {
        return doReceive(bufferSize, null, "mq_receive");
    }

    @Override
    public MqMessage timedReceive(Instant deadline) throws MqException {
        return doReceive(inode.messageSize, deadline, "mq_timedreceive");
    }

    @Override
    public MqMessage timedReceive(long bufferSize, Instant deadline) throws MqException {
        return doReceive(bufferSize, deadline, "mq_timedreceive");
    }

    private MqMessage doReceive(long bufferSize, Instant deadline, String op) throws MqException {
        // the one volatile read of a receive while nobody listens
        return inode.hub().listening() ? reportedReceive(bufferSize, deadline, op)
                : checkedReceive(bufferSize, deadline, op, false);
    }

    /** A receive while someone listens: a failure is an event too. */
    private MqMessage reportedReceive(long bufferSize, Instant deadline, String op) throws MqException {
        try {
            return checkedReceive(bufferSize, deadline, op, true);
        } catch (MqException e) {
            inode.hub().emit(pid(), Kind.CALL, op, name, null, e.errno(), nonBlocking ? "O_NONBLOCK" : "");
            throw e;
        }
    }

    private MqMessage checkedReceive(long bufferSize, Instant deadline, String op, boolean report)
            throws MqException {
        checkDeadline(deadline, op);
        checkReadable(op);
        // size_t: a "negative" Java length is huge in C, so it passes this check as it would there.
        if (Long.compareUnsigned(bufferSize, inode.messageSize) < 0) {
            throw new MqException(Errno.EMSGSIZE, op, name);
        }
        return inode.receive(nonBlocking, deadline, op, process.credentials(), bufferSize, report);
    }

    @Override
    public MqAttributes getAttributes() throws MqException {
        checkOpen("mq_getattr");
        return inode.attributes(nonBlocking);
    }

    @Override
    public MqAttributes setAttributes(MqAttributes attr) throws MqException {
        if (attr == null) {
            throw new MqException(Errno.EFAULT, "mq_setattr", name);
        }
        if ((attr.flags() & ~(long) Mq.O_NONBLOCK) != 0) {
            throw new MqException(Errno.EINVAL, "mq_setattr", name);
        }
        checkOpen("mq_setattr");
        synchronized (this) {
            MqAttributes old = inode.attributes(nonBlocking);
            nonBlocking = attr.nonBlocking();
            event("mq_setattr", null, nonBlocking ? "O_NONBLOCK on" : "O_NONBLOCK off");
            return old;
        }
    }

    @Override
    public void notify(Notification notification) throws MqException {
        if (notification != null && !notification.isValid()) {
            throw new MqException(Errno.EINVAL, "mq_notify", name);
        }
        try {
            checkOpen("mq_notify");
            inode.notify(notification, pid(), "mq_notify");
        } catch (MqException e) {
            event("mq_notify", e.errno(), "");
            throw e;
        }
        event("mq_notify", null, notification == null ? "registration removed" : "registered");
    }

    @Override
    public int poll(int events, Duration timeout) throws MqException {
        checkOpen("poll");
        return inode.poll(events, timeout, "poll");
    }

    @Override
    public String readStatus() throws MqException {
        checkReadable("read");
        return inode.status().text();
    }

    /** Exact: the message at {@code index} in receive order, with MQ_PEEK's errors; nothing changes. */
    @Override
    public MqMessage peek(long index) throws MqException {
        checkReadable("peek");
        return inode.peek(index, "peek");
    }

    /** Exact: every message in receive order, read under the queue's lock; nothing changes. */
    @Override
    public PeekResult snapshot() throws MqException {
        checkReadable("peek");
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        QueueInode.Snapshot s = inode.snapshot(nonBlocking);
        event("peek", null, "exact: " + s.messages().length + " messages read, nothing changed");
        return new PeekResult(Arrays.asList(s.messages()), PeekMethod.EXACT, s.attributes(), start,
                Duration.ofNanos(System.nanoTime() - t0), PeekResult.DrainReport.NONE);
    }

    @Override
    public PeekSupport peekSupport() {
        if (closed) {
            return PeekSupport.unavailable(PeekMethod.EXACT, "the descriptor is closed");
        }
        return readable ? PeekSupport.available(PeekMethod.EXACT)
                : PeekSupport.unavailable(PeekMethod.EXACT, "EBADF: " + name + " is open write-only; peek needs read "
                        + "access");
    }

    /** An exact peek disturbs nothing. */
    @Override
    public PeekRisks peekRisks() {
        return PeekRisks.NONE;
    }

    @Override
    public MqMessage mqTimedReceive2Peek(long bufferSize, long index) throws MqException {
        checkReadable("mq_timedreceive2");
        if (Long.compareUnsigned(bufferSize, inode.messageSize) < 0) {
            throw new MqException(Errno.EMSGSIZE, "mq_timedreceive2", name);
        }
        return inode.peek(index, "mq_timedreceive2");
    }

    @Override
    public FcntlPeek fcntlPeek(long index, int bufferLength) throws MqException {
        checkReadable("fcntl");
        if (index < 0 || bufferLength < 0) {
            throw new MqException(Errno.EINVAL, "fcntl", name);
        }
        MqMessage m = inode.peekOrNull(index);
        if (m == null) {
            throw new MqException(Errno.ENOMSG, "fcntl", name);
        }
        byte[] body = m.body();
        return new FcntlPeek(Arrays.copyOf(body, Math.min(body.length, bufferLength)), m.priority(), body.length);
    }

    @Override
    public boolean unlinked() throws MqException {
        checkOpen("fstat");
        return inode.isUnlinked();
    }

    @Override
    public void close() throws MqException {
        synchronized (this) {
            if (closed) {
                throw new MqException(Errno.EBADF, "mq_close", name);
            }
            closed = true;
        }
        process.forget(this);
        inode.closed(this);
        inode.closedBy(pid());
        event("mq_close", null, "");
        inode.release();
    }

    private int pid() {
        return process.credentials().pid();
    }

    /** A call without a message, for the listeners (if any). */
    private void event(String call, Errno errno, String detail) {
        EventHub hub = inode.hub();
        if (hub.listening()) {
            hub.emit(pid(), Kind.CALL, call, name, null, errno, detail);
        }
    }

    private void checkDeadline(Instant deadline, String op) throws MqException {
        if (deadline != null && deadline.getEpochSecond() < 0) {
            throw new MqException(Errno.EINVAL, op, name);
        }
    }

    private void checkOpen(String op) throws MqException {
        if (closed) {
            throw new MqException(Errno.EBADF, op, name);
        }
    }

    private void checkReadable(String op) throws MqException {
        if (closed || !readable) {
            throw new MqException(Errno.EBADF, op, name);
        }
    }

    @Override
    public String toString() {
        return "EmulatedQueue[" + name + (closed ? ", closed" : "") + "]";
    }
}
