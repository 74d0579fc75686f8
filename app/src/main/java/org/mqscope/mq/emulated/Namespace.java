package org.mqscope.mq.emulated;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.mqscope.mq.CreateRules;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqLimits;
import org.mqscope.mq.QueueInfo;
import org.mqscope.mq.QueueNames;
import org.mqscope.mq.RecreateResult;
import org.mqscope.mq.RecreateRules;
import org.mqscope.mq.StatusLine;

/**
 * One IPC namespace's mqueue filesystem: the names, queues_max counting, and the RLIMIT_MSGQUEUE charge per user.
 * Name operations take this object's monitor; message traffic only takes the queue's own lock.
 */
final class Namespace {
    /** The mqueue root directory is owned by root, so root may unlink anything in the sticky 01777 root. */
    private static final int ROOT_DIR_UID = 0;

    private final MqLimits limits;
    private final NotificationDelivery notifier = new NotificationDelivery();
    private final EventHub events = new EventHub();
    private final Map<String, QueueInode> names = new HashMap<>();
    /** Queues that exist, including unlinked ones still open: they count toward queues_max until evicted. */
    private long queueCount;
    private final Map<Integer, Long> chargedBytes = new HashMap<>();

    Namespace(MqLimits limits) {
        this.limits = limits;
    }

    MqLimits limits() {
        return limits;
    }

    NotificationDelivery notifier() {
        return notifier;
    }

    EventHub events() {
        return events;
    }

    /** mq_open's name, existence and creation checks, in the kernel's order. Returns a referenced inode. */
    synchronized QueueInode open(String name, int oflag, int mode, MqAttributes attr, Credentials c)
            throws MqException {
        checkName(name, "mq_open");
        String key = QueueNames.canonical(name);
        QueueInode q = names.get(key);
        if (q == null) {
            if ((oflag & Mq.O_CREAT) == 0) {
                throw new MqException(Errno.ENOENT, "mq_open", name);
            }
            q = create(key, name, mode, attr, c);
        } else {
            if ((oflag & (Mq.O_CREAT | Mq.O_EXCL)) == (Mq.O_CREAT | Mq.O_EXCL)) {
                throw new MqException(Errno.EEXIST, "mq_open", name);
            }
            int acc = Mq.accessMode(oflag);
            if (acc == Mq.O_ACCMODE) {
                throw new MqException(Errno.EINVAL, "mq_open", name);
            }
            if (!q.permits(c, Mq.canRead(oflag), Mq.canWrite(oflag))) {
                throw new MqException(Errno.EACCES, "mq_open", name);
            }
        }
        q.refs.incrementAndGet();
        return q;
    }

    private QueueInode create(String key, String name, int mode, MqAttributes attr, Credentials c)
            throws MqException {
        long used = chargedBytes.getOrDefault(c.uid(), 0L);
        CreateRules.Refusal refusal = CreateRules.refusal(attr, limits, queueCount, used, c.capSysResource());
        if (refusal != null) {
            throw new MqException(refusal.errno(), "mq_open", name);
        }
        MqAttributes a = attr == null ? limits.defaultAttributes() : attr;
        long charge = MqLimits.charge(a.maxMessages(), a.messageSize());
        chargedBytes.put(c.uid(), used + charge);
        queueCount++;
        QueueInode q = new QueueInode(key, a.maxMessages(), a.messageSize(), mode & ~c.umask() & 07777, c.uid(),
                c.gid(), charge, c.uid(), this);
        names.put(key, q);
        return q;
    }

    /** mq_unlink: the name goes now; the queue when its last reference does. */
    synchronized void unlink(String name, Credentials c) throws MqException {
        checkName(name, "mq_unlink");
        String key = QueueNames.canonical(name);
        QueueInode q = names.get(key);
        if (q == null) {
            throw new MqException(Errno.ENOENT, "mq_unlink", name);
        }
        // Sticky root: only the queue's owner, the directory's owner or CAP_FOWNER may delete (EPERM → EACCES).
        if (c.uid() != q.uid && c.uid() != ROOT_DIR_UID && !c.capFowner()) {
            throw new MqException(Errno.EACCES, "mq_unlink", name);
        }
        names.remove(key);
        q.unlinked = true;
        evictIfUnused(q);
    }

    /**
     * Recreate, atomically as far as anyone else can see: check, unlink, create with the new attributes and the
     * old mode, move the messages over. A failed creation puts the old queue back under its name, untouched.
     */
    synchronized RecreateResult recreate(String name, MqAttributes newAttrs, Credentials c) throws MqException {
        checkName(name, "recreate");
        String key = QueueNames.canonical(name);
        QueueInode old = names.get(key);
        if (old == null) {
            throw new MqException(Errno.ENOENT, "recreate", name);
        }
        if (!old.permits(c, true, true)) {
            throw new MqException(Errno.EACCES, "recreate", name, "recreate needs read and write permission");
        }
        QueueInode.Snapshot before = old.snapshot(false);
        MqException refusal = RecreateRules.refusal(name, Arrays.asList(before.messages()), newAttrs);
        if (refusal != null) {
            throw refusal;
        }
        names.remove(key);
        old.unlinked = true;
        evictIfUnused(old);
        QueueInode created;
        try {
            Credentials exactMode = new Credentials(c.pid(), c.uid(), c.gid(), 0, c.capSysResource(),
                    c.capDacOverride(), c.capFowner());
            created = create(key, name, old.mode, newAttrs, exactMode);
        } catch (MqException e) {
            if (old.evicted) {
                old.evicted = false;
                queueCount++;
                chargedBytes.merge(old.chargedUid, old.charge, Long::sum);
            }
            old.unlinked = false;
            names.put(key, old);
            throw e;
        }
        created.replay(old.take(before.messages().length));
        return new RecreateResult(before.messages().length, before.attributes(), created.attributes(false));
    }

    /** Called when an inode's reference count reaches zero. */
    synchronized void released(QueueInode q) {
        evictIfUnused(q);
    }

    private void evictIfUnused(QueueInode q) {
        if (q.unlinked && !q.evicted && q.refs.get() == 0) {
            q.evicted = true;
            queueCount--;
            chargedBytes.merge(q.chargedUid, -q.charge, Long::sum);
        }
    }

    /** The queue behind /dev/mqueue/&lt;name&gt;, opened for reading as open(2) would (EACCES without read access). */
    synchronized QueueInode lookupReadable(String name, Credentials c, String op) throws MqException {
        checkName(name, op);
        QueueInode q = names.get(QueueNames.canonical(name));
        if (q == null) {
            throw new MqException(Errno.ENOENT, op, name);
        }
        if (!q.permits(c, true, false)) {
            throw new MqException(Errno.EACCES, op, name);
        }
        return q;
    }

    /** The queue with that name now, or null (also for an invalid name). */
    synchronized QueueInode find(String name) {
        return QueueNames.error(name) != null ? null : names.get(QueueNames.canonical(name));
    }

    /** The queue with this name, whatever the caller may do with it; ENOENT when there is none. */
    synchronized QueueInode lookup(String name) throws MqException {
        checkName(name, "lookup");
        QueueInode q = names.get(QueueNames.canonical(name));
        if (q == null) {
            throw new MqException(Errno.ENOENT, "lookup", name);
        }
        return q;
    }

    synchronized List<QueueInfo> list() {
        List<QueueInfo> out = new ArrayList<>(names.size());
        for (QueueInode q : new TreeMap<>(names).values()) {
            StatusLine s = q.status();
            out.add(new QueueInfo(q.name, s.qsize(), s.notifyMethod(), s.signo(), s.notifyPid(), q.mode, q.uid, q.gid));
        }
        return out;
    }

    /** Bytes of RLIMIT_MSGQUEUE the user's queues are charged. */
    synchronized long chargedBytes(int uid) {
        return chargedBytes.getOrDefault(uid, 0L);
    }

    /** Queues counted against queues_max, unlinked-but-open ones included. */
    synchronized long queueCount() {
        return queueCount;
    }

    private static void checkName(String name, String op) throws MqException {
        Errno e = QueueNames.error(name);
        if (e != null) {
            throw new MqException(e, op, name);
        }
    }
}
