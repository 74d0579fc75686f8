package org.mqscope.mq.emulated;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.mqscope.mq.Errno;
import org.mqscope.mq.InProcessUsers;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqLimits;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.QueueEvent;
import org.mqscope.mq.QueueEventSource;
import org.mqscope.mq.QueueInfo;
import org.mqscope.mq.RecreateResult;

/**
 * An in-process mqueue namespace that behaves as Linux does: same errno in the same check order, same receive and
 * wake-up order, same notification rules, same QSIZE text. Each instance made with the public constructor is its
 * own isolated namespace, seen by this JVM's process; {@link #asProcess} gives other processes' views of it
 * (another uid, another pid for notification ownership).
 */
public final class EmulatedBackend implements MqBackend, QueueEventSource {
    private final Namespace namespace;
    private final Credentials credentials;
    private final Set<EmulatedQueue> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** A fresh namespace with the Linux default limits. */
    public EmulatedBackend() {
        this(MqLimits.LINUX_DEFAULTS);
    }

    /** A fresh namespace with the given limits, acting as this JVM process. */
    public EmulatedBackend(MqLimits limits) {
        this(new Namespace(limits), Credentials.current());
    }

    private EmulatedBackend(Namespace namespace, Credentials credentials) {
        this.namespace = namespace;
        this.credentials = credentials;
    }

    /** Another process in the same namespace, with its own descriptors, credentials and pid. */
    public EmulatedBackend asProcess(Credentials other) {
        return new EmulatedBackend(namespace, other);
    }

    public Credentials credentials() {
        return credentials;
    }

    /**
     * Where SIGEV_SIGNAL notifications owned by this process are delivered (on a notification thread); null
     * discards them, as a process that ignores the signal would.
     */
    public void setSignalHandler(Consumer<DeliveredSignal> handler) {
        namespace.notifier().setHandler(credentials.pid(), handler);
    }

    /** RLIMIT_MSGQUEUE bytes the given user's queues are charged in this namespace. */
    public long chargedBytes(int uid) {
        return namespace.chargedBytes(uid);
    }

    /** Queues counted against queues_max, including unlinked ones still open. */
    public long queueCount() {
        return namespace.queueCount();
    }

    @Override
    public String id() {
        return MqBackends.EMULATED;
    }

    /**
     * Every call, block, wake-up and notification in this namespace (all its processes), as {@link QueueEvent}s.
     * Costs one volatile read per call while nobody listens.
     */
    @Override
    public Subscription subscribe(Consumer<QueueEvent> listener) {
        return namespace.events().subscribe(listener);
    }

    /** Listener calls that threw (and were skipped so the queue kept working). */
    public long eventListenerFailures() {
        return namespace.events().listenerFailures();
    }

    /**
     * What a queue holds and shows, read as the emulation itself sees it: no descriptor, no permission check, no
     * event. For lessons and tests that check the state a call left behind. ENOENT when no queue has that name.
     */
    public Inspection inspect(String name) throws MqException {
        ensureOpen("inspect", name);
        return inspect(namespace.lookup(name));
    }

    /** {@link #inspect(String)} for the queue behind a descriptor of this namespace (even unlinked). */
    public Inspection inspect(MqQueue descriptor) {
        if (!(descriptor instanceof EmulatedQueue q)) {
            throw new IllegalArgumentException("not a descriptor of the emulation: " + descriptor);
        }
        return inspect(q.inode());
    }

    private static Inspection inspect(QueueInode inode) {
        QueueInode.Snapshot s = inode.snapshot(false);
        return new Inspection(List.of(s.messages()), inode.status(), inode.isUnlinked());
    }

    /** A queue's messages in receive order, its /dev/mqueue status line, and whether its name is gone. */
    public record Inspection(List<org.mqscope.mq.MqMessage> messages, org.mqscope.mq.StatusLine status,
                             boolean unlinked) {
    }

    @Override
    public MqQueue open(String name, int oflag, int mode, MqAttributes attrOrNull) throws MqException {
        ensureOpen("mq_open", name);
        if (name == null) {
            throw new MqException(Errno.EFAULT, "mq_open", null);
        }
        QueueInode inode;
        try {
            Mq.checkOflag(name, oflag);
            inode = namespace.open(name, oflag, mode, attrOrNull, credentials);
        } catch (MqException e) {
            event("mq_open", name, e.errno(), Mq.describeFlags(oflag));
            throw e;
        }
        EmulatedQueue q = new EmulatedQueue(this, inode, name, oflag);
        open.add(q);
        inode.opened(q);
        event("mq_open", name, null, Mq.describeFlags(oflag));
        return q;
    }

    @Override
    public void unlink(String name) throws MqException {
        ensureOpen("mq_unlink", name);
        try {
            namespace.unlink(name, credentials);
        } catch (MqException e) {
            event("mq_unlink", name, e.errno(), "");
            throw e;
        }
        event("mq_unlink", name, null, "the name is gone; open descriptors keep the queue");
    }

    private void event(String call, String queue, Errno errno, String detail) {
        EventHub hub = namespace.events();
        if (hub.listening()) {
            hub.emit(credentials.pid(), QueueEvent.Kind.CALL, call, queue, null, errno, detail);
        }
    }

    @Override
    public RecreateResult recreate(String name, MqAttributes newAttrs) throws MqException {
        ensureOpen("recreate", name);
        return namespace.recreate(name, newAttrs, credentials);
    }

    @Override
    public List<QueueInfo> list() throws MqException {
        ensureOpen("list", null);
        return namespace.list();
    }

    @Override
    public String statusLine(String name) throws MqException {
        ensureOpen("read", name);
        return namespace.lookupReadable(name, credentials, "read").status().text();
    }

    /** Its own descriptors and waiters: the emulation's "processes" are the {@link #asProcess} views. */
    @Override
    public InProcessUsers inProcessUsers() {
        return name -> {
            QueueInode q = namespace.find(name);
            return q == null ? null : q.uses();
        };
    }

    @Override
    public MqLimits limits() throws MqException {
        ensureOpen("limits", null);
        return namespace.limits();
    }

    void forget(EmulatedQueue q) {
        open.remove(q);
    }

    /** Closes the descriptors this process still holds; the namespace and its queues stay (kernel persistence). */
    @Override
    public void close() {
        closed = true;
        for (EmulatedQueue q : new ArrayList<>(open)) {
            try {
                q.close();
            } catch (MqException alreadyClosed) {
                // closed concurrently by its owner: nothing left to release
            }
        }
    }

    /** Every call after {@link #close} is EBADF, as on the kernel backend (the contract says so). */
    private void ensureOpen(String operation, String name) throws MqException {
        if (closed) {
            throw new MqException(Errno.EBADF, operation, name, "this backend has been closed");
        }
    }

    @Override
    public String toString() {
        return "EmulatedBackend[pid " + credentials.pid() + ", uid " + credentials.uid() + "]";
    }
}
