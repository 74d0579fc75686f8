package org.mqscope.mq.emulated;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.mqscope.mq.Errno;
import org.mqscope.mq.InProcessUse;
import org.mqscope.mq.InProcessUsers;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.Notification;
import org.mqscope.mq.QueueEvent.Kind;
import org.mqscope.mq.StatusLine;
import org.mqscope.mq.emulated.NotificationDelivery.Registration;

/**
 * One queue object (the kernel's mqueue inode): attributes, stored messages, blocked senders and receivers, the
 * notification registration and QSIZE, all under one lock. It outlives its name after unlink while descriptors
 * (or blocked callers) still refer to it.
 */
final class QueueInode {
    final String name;
    final long maxMessages;
    final long messageSize;
    final int mode;
    final int uid;
    final int gid;
    /** RLIMIT_MSGQUEUE bytes charged to {@link #chargedUid} until eviction. */
    final long charge;
    final int chargedUid;

    boolean isUnlinked() {
        synchronized (namespace) {
            return unlinked;
        }
    }

    /** Open descriptors plus blocked calls; guarded by the namespace for eviction decisions. */
    final AtomicInteger refs = new AtomicInteger();
    boolean unlinked;
    boolean evicted;

    private final Namespace namespace;
    private final EventHub hub;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int pollWaiters;
    private final MessageStore store = new MessageStore();
    private long qsize;
    private final Waiter.List senders = new Waiter.List();
    private final Waiter.List receivers = new Waiter.List();
    private Registration registration;
    /** The last successful send or receive (creation until the first), as the kernel keeps it in mtime. */
    private long lastActivityMillis = System.currentTimeMillis();
    /** Open descriptions of this queue, for {@link #uses()}. */
    private final java.util.Set<EmulatedQueue> descriptors = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** How long the first blocked caller in line spins before it parks. */
    private final SpinBudget spin = new SpinBudget();

    QueueInode(String name, long maxMessages, long messageSize, int mode, int uid, int gid, long charge,
               int chargedUid, Namespace namespace) {
        this.name = name;
        this.maxMessages = maxMessages;
        this.messageSize = messageSize;
        this.mode = mode;
        this.uid = uid;
        this.gid = gid;
        this.charge = charge;
        this.chargedUid = chargedUid;
        this.namespace = namespace;
        this.hub = namespace.events();
    }

    /** Puts a message in the queue, hands it to a blocked receiver, or blocks/fails when full. */
    void send(MqMessage message, boolean nonBlocking, Instant deadline, Credentials sender, String op)
            throws MqException {
        send(message, nonBlocking, deadline, sender, op, hub.listening());
    }

    /**
     * {@link #send(MqMessage, boolean, Instant, Credentials, String)}; {@code report}: someone listens for events
     * (read once by the caller, so the path pays one volatile read per call, not one per step).
     */
    void send(MqMessage message, boolean nonBlocking, Instant deadline, Credentials sender, String op,
              boolean report) throws MqException {
        Registration fired = null;
        Waiter woken = null;
        lock.lock();
        try {
            if (store.size() >= maxMessages) {
                if (nonBlocking) {
                    throw new MqException(Errno.EAGAIN, op, name);
                }
                await(senders, waiter(message, sender, message.size(), deadline != null, op, report), deadline, op);
                return;
            }
            lastActivityMillis = System.currentTimeMillis();
            woken = receivers.pollFirst();
            if (woken != null) {
                // Pipelined send: the message never enters the queue, so no QSIZE, no notification, no poll wake-up.
                woken.complete(message);
                if (report) {
                    handedOver(sender, op, message, woken);
                }
                return;
            }
            store.add(message);
            qsize += message.size();
            if (registration != null && store.size() == 1) {
                fired = registration;
                registration = null;
            }
            if (report) {
                queued(sender, op, message, fired);
            }
            if (pollWaiters > 0) {
                changed.signalAll();
            }
        } finally {
            if (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
            if (woken != null) {
                woken.wake();
            }
        }
        if (fired != null) {
            namespace.notifier().deliver(fired, name, sender);
        }
    }

    // Event reports live in methods of their own, so the send and receive paths stay small enough to inline.

    private void handedOver(Credentials sender, String op, MqMessage message, Waiter receiver) {
        hub.emit(sender.pid(), Kind.CALL, op, name, message, null, "handed to a blocked receiver");
        hub.emitFor(receiver, Kind.WOKEN, receiver.call, name, message, "got it without queueing");
    }

    private void queued(Credentials sender, String op, MqMessage message, Registration fired) {
        hub.emit(sender.pid(), Kind.CALL, op, name, message, null, "");
        if (fired != null) {
            hub.emit(fired.actor(), fired.ownerPid(), 0, Kind.NOTIFY_FIRED, "mq_notify", name, null, null,
                    "registration consumed");
        }
    }

    /** Takes the next message in receive order, or blocks/fails when empty. */
    MqMessage receive(boolean nonBlocking, Instant deadline, String op, Credentials receiver, long bufferSize)
            throws MqException {
        return receive(nonBlocking, deadline, op, receiver, bufferSize, hub.listening());
    }

    /** {@link #receive(boolean, Instant, String, Credentials, long)}, reported as events if {@code report}. */
    MqMessage receive(boolean nonBlocking, Instant deadline, String op, Credentials receiver, long bufferSize,
                      boolean report)
            throws MqException {
        Waiter woken = null;
        lock.lock();
        try {
            if (store.size() == 0) {
                if (nonBlocking) {
                    throw new MqException(Errno.EAGAIN, op, name);
                }
                return await(receivers, waiter(null, receiver, bufferSize, deadline != null, op, report), deadline,
                        op);
            }
            MqMessage m = store.poll();
            qsize -= m.size();
            lastActivityMillis = System.currentTimeMillis();
            if (report) {
                hub.emit(receiver.pid(), Kind.CALL, op, name, m, null, "");
            }
            woken = senders.pollFirst();
            if (woken != null) {
                // The freed slot goes to the first blocked sender at once; this insert does not notify.
                store.add(woken.message);
                qsize += woken.message.size();
                woken.complete(woken.message);
                if (report) {
                    hub.emitFor(woken, Kind.WOKEN, woken.call, name, woken.message, "its message took the freed slot");
                }
            } else if (pollWaiters > 0) {
                changed.signalAll();
            }
            return m;
        } finally {
            if (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
            if (woken != null) {
                woken.wake();
            }
        }
    }

    /**
     * Blocks the calling thread on {@code list}. Entered with the lock held; returns (or throws) without it.
     * The first waiter in line spins briefly before it parks (see {@link SpinBudget}).
     */
    private MqMessage await(Waiter.List list, Waiter w, Instant deadline, String op) throws MqException {
        if (deadline != null && SpinBudget.remainingNanos(deadline) <= 0) {
            throw new MqException(Errno.ETIMEDOUT, op, name);
        }
        list.add(w);
        refs.incrementAndGet();
        if (hub.listening()) {
            hub.emit(w.who.pid(), Kind.BLOCKED, op, name, w.message, null, list == senders ? "queue full" : "queue empty");
        }
        boolean first = list.isFirst(w);
        lock.unlock();
        try {
            if (first && SpinBudget.CAN_HELP && spin.spinFor(w, deadline)) {
                return w.message;
            }
            w.parking = true;
            for (;;) {
                if (w.ready) {
                    return w.message;
                }
                boolean interrupted = Thread.interrupted();
                long nanos = deadline == null ? Long.MAX_VALUE : SpinBudget.remainingNanos(deadline);
                if (interrupted || nanos <= 0) {
                    lock.lock();
                    try {
                        if (w.ready) {
                            if (interrupted) {
                                Thread.currentThread().interrupt();
                            }
                            return w.message;
                        }
                        list.remove(w);
                    } finally {
                        lock.unlock();
                    }
                    throw new MqException(interrupted ? Errno.EINTR : Errno.ETIMEDOUT, op, name);
                }
                if (deadline == null) {
                    LockSupport.park(this);
                } else {
                    LockSupport.parkNanos(this, nanos);
                }
            }
        } finally {
            release();
        }
    }

    /** A waiter; when someone listens it also knows its actor and call (its waker reports for it). */
    private static Waiter waiter(MqMessage message, Credentials who, long size, boolean timed, String op,
                                 boolean report) {
        return new Waiter(message, who, size, timed, report ? org.mqscope.mq.Actor.current() : null,
                report ? op : null);
    }

    /** Drops one reference; the last one of an unlinked queue frees it. */
    void release() {
        if (refs.decrementAndGet() == 0) {
            namespace.released(this);
        }
    }

    /** mq_notify: register, or with null remove the caller's own registration. */
    void notify(Notification n, int pid, String op) throws MqException {
        lock.lock();
        try {
            if (n == null) {
                if (registration != null && registration.ownerPid() == pid) {
                    registration = null;
                }
                return;
            }
            if (registration != null) {
                throw new MqException(Errno.EBUSY, op, name);
            }
            registration = new Registration(pid, n, org.mqscope.mq.Actor.current());
        } finally {
            lock.unlock();
        }
    }

    void opened(EmulatedQueue q) {
        descriptors.add(q);
    }

    void closed(EmulatedQueue q) {
        descriptors.remove(q);
    }

    /** Open descriptors, then blocked senders and receivers in service order, and the last activity. */
    InProcessUsers.Uses uses() {
        List<InProcessUse> out = new ArrayList<>();
        for (EmulatedQueue d : descriptors) {
            Credentials c = d.owner();
            out.add(new InProcessUse(InProcessUse.Kind.OPEN, c.pid(), c.uid(), d.opener, d.currentFlags(), -1, -1,
                    false));
        }
        lock.lock();
        try {
            for (Waiter w : senders.inOrder()) {
                out.add(waiting(InProcessUse.Kind.BLOCKED_SEND, w, w.message.priority()));
            }
            for (Waiter w : receivers.inOrder()) {
                out.add(waiting(InProcessUse.Kind.BLOCKED_RECEIVE, w, -1));
            }
            return new InProcessUsers.Uses(out, Instant.ofEpochMilli(lastActivityMillis));
        } finally {
            lock.unlock();
        }
    }

    private static InProcessUse waiting(InProcessUse.Kind kind, Waiter w, int priority) {
        Credentials c = w.who;
        return new InProcessUse(kind, c == null ? 0 : c.pid(), c == null ? -1 : c.uid(), w.thread.getName(), 0,
                w.size, priority, w.timed);
    }

    /** Any close by the owner process, on any descriptor of this queue, removes its registration. */
    void closedBy(int pid) {
        lock.lock();
        try {
            if (registration != null && registration.ownerPid() == pid) {
                registration = null;
            }
        } finally {
            lock.unlock();
        }
    }

    MqAttributes attributes(boolean nonBlocking) {
        lock.lock();
        try {
            return new MqAttributes(nonBlocking ? Mq.O_NONBLOCK : 0, maxMessages, messageSize, store.size());
        } finally {
            lock.unlock();
        }
    }

    /** POLLIN iff a message is stored, POLLOUT iff a slot is free, whatever the descriptor's access mode. */
    int poll(int events, Duration timeout, String op) throws MqException {
        lock.lock();
        try {
            long nanos = timeout == null || timeout.isNegative() ? Long.MAX_VALUE : timeout.toNanos();
            for (;;) {
                int ready = (store.size() > 0 ? Mq.POLLIN : 0) | (store.size() < maxMessages ? Mq.POLLOUT : 0);
                if ((ready & events) != 0 || nanos <= 0) {
                    return ready & events;
                }
                pollWaiters++;
                try {
                    nanos = nanos == Long.MAX_VALUE ? awaitForever() : changed.awaitNanos(nanos);
                } catch (InterruptedException e) {
                    throw new MqException(Errno.EINTR, op, name);
                } finally {
                    pollWaiters--;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private long awaitForever() throws InterruptedException {
        changed.await();
        return Long.MAX_VALUE;
    }

    /** The message at {@code index} in receive order without removing it: MQ_PEEK's errors for the empty queue
     *  (EAGAIN) and an index past the end (ENOENT; a negative index counts as a huge unsigned one). */
    MqMessage peek(long index, String op) throws MqException {
        lock.lock();
        try {
            if (store.size() == 0) {
                throw new MqException(Errno.EAGAIN, op, name);
            }
            MqMessage m = store.get(index);
            if (m == null) {
                throw new MqException(Errno.ENOENT, op, name);
            }
            return m;
        } finally {
            lock.unlock();
        }
    }

    /** The message at {@code index}, or null past the end (F_MQ_PEEK turns that into ENOMSG). */
    MqMessage peekOrNull(long index) {
        lock.lock();
        try {
            return store.get(index);
        } finally {
            lock.unlock();
        }
    }

    /** Every message in receive order and the attributes, read together under the lock. */
    EventHub hub() {
        return hub;
    }

    Snapshot snapshot(boolean nonBlocking) {
        lock.lock();
        try {
            return new Snapshot(store.toArray(),
                    new MqAttributes(nonBlocking ? Mq.O_NONBLOCK : 0, maxMessages, messageSize, store.size()));
        } finally {
            lock.unlock();
        }
    }

    record Snapshot(MqMessage[] messages, MqAttributes attributes) {
    }

    /**
     * Receives {@code count} messages as a drain would (a freed slot still goes to a blocked sender, whose message
     * stays in this queue). For recreate, under the namespace's lock.
     */
    List<MqMessage> take(int count) throws MqException {
        List<MqMessage> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(receive(true, null, "recreate", null, messageSize));
        }
        return out;
    }

    /** Puts messages into this new queue in order: nobody can be registered or waiting on it yet. */
    void replay(List<MqMessage> messages) {
        lock.lock();
        try {
            for (MqMessage m : messages) {
                store.add(m);
                qsize += m.size();
            }
        } finally {
            lock.unlock();
        }
    }

    StatusLine status() {
        lock.lock();
        try {
            Registration r = registration;
            if (r == null) {
                return new StatusLine(qsize, 0, 0, 0);
            }
            Notification n = r.notification();
            return new StatusLine(qsize, n.method(), n.method() == Notification.SIGEV_SIGNAL ? n.signo() : 0,
                    r.ownerPid());
        } finally {
            lock.unlock();
        }
    }

    /** Whether the credentials pass inode_permission for the access the oflag asks for. */
    boolean permits(Credentials c, boolean read, boolean write) {
        if (c.capDacOverride()) {
            return true;
        }
        int bits = c.uid() == uid ? (mode >> 6) : c.gid() == gid ? (mode >> 3) : mode;
        return (!read || (bits & 4) != 0) && (!write || (bits & 2) != 0);
    }
}
