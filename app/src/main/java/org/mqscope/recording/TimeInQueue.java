package org.mqscope.recording;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.RecordedEvent;

/**
 * Matches each received message with the send that queued it, as the recording streams by. A queue delivers the
 * highest priority first and, within a priority, first in first out; the receive says which priority it took, so
 * per queue and priority the sends form a FIFO that the receives consume. It starts from the queue's exact
 * snapshot (the messages already queued, in receive order) when the recording has one; failed calls move nothing.
 * <p>
 * The stream is in the order the calls returned, which is not always the order they took the queue: a blocked
 * receiver woken by a send may return before its sender does, and two processes' sends of one priority may
 * return the other way round. So a receive is matched by its payload among the first {@value #LOOKAHEAD} queued
 * messages of its priority, and a receive whose send has not been seen yet waits up to {@link #REORDER_NANOS} of
 * recorded time for it.
 * <p>
 * Where the queue's contents are not known for sure — no snapshot, events lost, a call that overlapped the
 * snapshot (one that returned while it was read, when the recorder stamps no entries), or a receive that matched
 * nothing — matches are marked uncertain, never silently wrong, until the
 * queue is seen empty (a receive failed with EAGAIN or ETIMEDOUT), which makes it known again.
 */
public final class TimeInQueue {
    /** How much earlier in recorded time a receive may return than the send of its message. */
    public static final long REORDER_NANOS = 1_000_000_000L;
    /** How far into a priority's queued messages a receive's payload is looked for. */
    public static final int LOOKAHEAD = 64;

    private final Map<String, QueueSnapshot> snapshots;
    private final Consumer<Match> sink;
    private final Map<String, State> queues = new HashMap<>();
    private long lost;

    /**
     * @param snapshots each queue's starting snapshot (a queue without one starts unknown)
     * @param sink      receives each match, in the order they are made (a waiting receive comes later)
     */
    public TimeInQueue(Map<String, QueueSnapshot> snapshots, Consumer<Match> sink) {
        this.snapshots = Map.copyOf(snapshots);
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** The snapshots of a recording's header. */
    public static TimeInQueue of(RecordingHeader header, Consumer<Match> sink) {
        Map<String, QueueSnapshot> s = new HashMap<>();
        for (RecordedQueue q : header.queues()) {
            if (q.snapshot() != null) {
                s.put(q.name(), q.snapshot());
            }
        }
        return new TimeInQueue(s, sink);
    }

    /** Whether a call name is a send ("mq_send", "mq_timedsend"). */
    public static boolean isSend(String call) {
        return call.equals("mq_timedsend") || call.equals("mq_send");
    }

    /** Whether a call name is a receive ("mq_receive", "mq_timedreceive"). */
    public static boolean isReceive(String call) {
        return call.equals("mq_timedreceive") || call.equals("mq_receive");
    }

    /** The next event of the stream. */
    public void event(RecordedEvent e) {
        state(e.event().queue()).event(e);
    }

    /** The recorder has lost {@code total} events so far: what each queue holds is no longer known for sure. */
    public void lost(long total) {
        if (total > lost) {
            lost = total;
            queues.values().forEach(s -> s.certain = false);
        }
    }

    /** The stream is over: receives still waiting for their send are matched as well as can be. */
    public void finish() {
        queues.values().forEach(State::finish);
    }

    /** Messages sent during the recording (or queued at its start) and not received yet, as far as is known. */
    public long stillQueued(String queue) {
        State s = queues.get(queue);
        if (s == null) {
            QueueSnapshot snap = snapshots.get(queue);
            return snap == null ? 0 : snap.messages().size();
        }
        return s.lists.values().stream().mapToLong(ArrayDeque::size).sum();
    }

    /** Whether the queue's contents are known for sure at this point of the stream. */
    public boolean certain(String queue) {
        State s = queues.get(queue);
        return s != null ? s.certain : snapshots.containsKey(queue) && lost == 0;
    }

    private State state(String queue) {
        return queues.computeIfAbsent(queue, q -> new State(snapshots.get(q), lost == 0));
    }

    /** A queued message: its send when recorded, its first bytes and size. */
    private static final class Entry {
        RecordedEvent send;
        final byte[] prefix;
        final long size;

        Entry(RecordedEvent send, byte[] prefix, long size) {
            this.send = send;
            this.prefix = prefix;
            this.size = size;
        }

        boolean holds(RecordedEvent receive) {
            return size == receive.event().size() && samePrefix(prefix, receive.payload());
        }
    }

    static boolean samePrefix(byte[] a, byte[] b) {
        return java.util.Arrays.equals(a, 0, Math.min(a.length, b.length), b, 0, Math.min(a.length, b.length));
    }

    /** One queue: per priority the messages in it, in FIFO order. */
    private final class State {
        final QueueSnapshot snapshot;
        final Map<Integer, ArrayDeque<Entry>> lists = new HashMap<>();
        /** Sends that returned before the snapshot was read: queued ones are at the end of its lists. */
        final Map<Integer, List<RecordedEvent>> earlySends = new HashMap<>();
        /** Receives whose send has not come yet, in stream order. */
        final ArrayDeque<RecordedEvent> waiting = new ArrayDeque<>();
        boolean beforeSnapshot;
        boolean certain;

        State(QueueSnapshot snapshot, boolean nothingLost) {
            this.snapshot = snapshot;
            this.beforeSnapshot = snapshot != null;
            this.certain = snapshot != null && nothingLost;
            if (snapshot != null) {
                for (MqMessage m : snapshot.messages()) {
                    list(m.priority()).add(new Entry(null, m.body(), m.size()));
                }
            }
        }

        ArrayDeque<Entry> list(int priority) {
            return lists.computeIfAbsent(priority, p -> new ArrayDeque<>());
        }

        void event(RecordedEvent e) {
            expireWaiting(e.exitNanos() - REORDER_NANOS);
            String call = e.event().call();
            boolean send = isSend(call);
            boolean receive = isReceive(call);
            if (!send && !receive) {
                return; // mq_open, mq_notify, mq_getsetattr, mq_unlink: nothing moves
            }
            if (beforeSnapshot) {
                if (e.exitNanos() < snapshot.startNanos()) {
                    early(e, send);
                    return;
                }
                attributeEarlySends();
                // without an entry stamp a call is taken to act at its return (the kernel recorder stamps none)
                long began = e.hasEnterTime() ? e.enterNanos() : e.exitNanos();
                if (began <= snapshot.endNanos() && e.succeeded()) {
                    certain = false; // the snapshot may or may not hold this call's effect
                }
            }
            if (!e.succeeded()) {
                Errno errno = e.event().errno();
                if (receive && (errno == Errno.EAGAIN || errno == Errno.ETIMEDOUT)) {
                    seenEmpty();
                }
                return;
            }
            if (send) {
                send(e);
            } else {
                receive(e);
            }
        }

        /** A call that returned before the snapshot was read: its effect is in the snapshot already. */
        private void early(RecordedEvent e, boolean send) {
            if (!e.succeeded()) {
                return;
            }
            List<RecordedEvent> sends = earlySends.computeIfAbsent(e.event().priority(), p -> new ArrayList<>());
            if (send) {
                sends.add(e);
                return;
            }
            for (Iterator<RecordedEvent> it = sends.iterator(); it.hasNext(); ) {
                RecordedEvent s = it.next();
                if (s.event().size() == e.event().size() && samePrefix(s.payload(), e.payload())) {
                    it.remove();
                    sink.accept(Match.sent(e, s, true)); // what the queue held before is not known
                    return;
                }
            }
            sink.accept(new Match(e, null, Match.Origin.NOT_FOUND, Match.UNKNOWN, false));
        }

        /**
         * The early sends still queued are the last messages of their priority in the snapshot, in sending order:
         * matched from the end, they give those messages their send.
         */
        private void attributeEarlySends() {
            beforeSnapshot = false;
            earlySends.forEach((priority, sends) -> {
                Iterator<Entry> queued = list(priority).descendingIterator();
                for (int i = sends.size() - 1; i >= 0 && queued.hasNext(); i--) {
                    Entry entry = queued.next();
                    RecordedEvent s = sends.get(i);
                    if (entry.size != s.event().size() || !samePrefix(entry.prefix, s.payload())) {
                        break;
                    }
                    entry.send = s;
                }
            });
            earlySends.clear();
        }

        private void send(RecordedEvent e) {
            for (Iterator<RecordedEvent> it = waiting.iterator(); it.hasNext(); ) {
                RecordedEvent r = it.next();
                if (r.event().priority() == e.event().priority() && r.event().size() == e.event().size()
                        && samePrefix(r.payload(), e.payload())) {
                    it.remove();
                    sink.accept(Match.sent(r, e, !certain));
                    return;
                }
            }
            list(e.event().priority()).add(new Entry(e, e.payload(), e.event().size()));
        }

        private void receive(RecordedEvent r) {
            ArrayDeque<Entry> list = list(r.event().priority());
            int looked = 0;
            for (Iterator<Entry> it = list.iterator(); it.hasNext() && looked < LOOKAHEAD; looked++) {
                Entry entry = it.next();
                if (entry.holds(r)) {
                    it.remove();
                    emit(r, entry, !certain);
                    return;
                }
            }
            if (!certain && !list.isEmpty()) {
                emit(r, list.poll(), true); // the queue is not known: its head is the best guess
                return;
            }
            waiting.add(r);
        }

        private void emit(RecordedEvent r, Entry entry, boolean uncertain) {
            sink.accept(entry.send != null ? Match.sent(r, entry.send, uncertain)
                    : new Match(r, null, Match.Origin.QUEUED_AT_START, Match.UNKNOWN, uncertain));
        }

        /** Receives that waited for their send longer than any reordering explains. */
        private void expireWaiting(long before) {
            while (!waiting.isEmpty() && waiting.peek().exitNanos() < before) {
                unmatched(waiting.poll());
            }
        }

        private void unmatched(RecordedEvent r) {
            ArrayDeque<Entry> list = list(r.event().priority());
            certain = false; // the queue held something the model does not know of: it is out of step
            if (!list.isEmpty()) {
                emit(r, list.poll(), true);
            } else {
                sink.accept(new Match(r, null, Match.Origin.NOT_FOUND, Match.UNKNOWN, true));
            }
        }

        /** A receive found the queue empty: whatever the model still holds has gone unseen. */
        private void seenEmpty() {
            if (!certain) {
                lists.clear();
                certain = true;
            }
        }

        void finish() {
            if (beforeSnapshot) {
                attributeEarlySends();
            }
            while (!waiting.isEmpty()) {
                unmatched(waiting.poll());
            }
        }
    }
}
