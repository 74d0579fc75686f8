package org.mqscope.mq.emulated;

import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.mqscope.mq.Actor;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.QueueEvent;
import org.mqscope.mq.QueueEvent.Kind;
import org.mqscope.mq.QueueEventSource;

/**
 * A namespace's {@link QueueEvent} listeners. With nobody listening, the cost on the send/receive path is one
 * volatile read ({@link #listening()}); events are only built for listeners. Listeners run on the calling thread,
 * under the queue's lock for the events that must keep the queue's order (a send and the wake-up it causes).
 */
final class EventHub implements QueueEventSource {
    private static final Consumer<?>[] NONE = new Consumer<?>[0];

    /** Copy-on-write; null while nobody listens, so the hot path tests one reference. */
    private volatile Consumer<QueueEvent>[] listeners;
    private final AtomicLong seq = new AtomicLong();
    private final AtomicLong listenerFailures = new AtomicLong();

    boolean listening() {
        return listeners != null;
    }

    @Override
    public synchronized Subscription subscribe(Consumer<QueueEvent> listener) {
        java.util.Objects.requireNonNull(listener, "listener");
        Consumer<QueueEvent>[] old = listeners == null ? none() : listeners;
        Consumer<QueueEvent>[] next = Arrays.copyOf(old, old.length + 1);
        next[old.length] = listener;
        listeners = next;
        return () -> unsubscribe(listener);
    }

    private synchronized void unsubscribe(Consumer<QueueEvent> listener) {
        Consumer<QueueEvent>[] old = listeners;
        if (old == null) {
            return;
        }
        Consumer<QueueEvent>[] next = Arrays.stream(old).filter(l -> l != listener).toArray(EventHub::array);
        listeners = next.length == 0 ? null : next;
    }

    /** Listener calls that threw: a broken listener must not break a queue, but it is counted, not hidden. */
    long listenerFailures() {
        return listenerFailures.get();
    }

    /** An event by the calling thread, as its current {@link Actor}. */
    void emit(long pid, Kind kind, String call, String queue, MqMessage m, Errno errno, String detail) {
        emit(Actor.current(), pid, Thread.currentThread().getId(), kind, call, queue, m, errno, detail);
    }

    void emit(String actor, long pid, long tid, Kind kind, String call, String queue, MqMessage m, Errno errno,
              String detail) {
        Consumer<QueueEvent>[] ls = listeners;
        if (ls == null) {
            return;
        }
        QueueEvent e = new QueueEvent(seq.incrementAndGet(), Instant.now(), actor, pid, tid, kind, call, queue,
                m == null ? -1 : m.priority(), m == null ? -1 : m.size(), m == null ? 0 : Arrays.hashCode(m.body()),
                errno, detail);
        for (Consumer<QueueEvent> l : ls) {
            try {
                l.accept(e);
            } catch (RuntimeException broken) {
                listenerFailures.incrementAndGet();
            }
        }
    }

    /** A blocked caller's event, sent by whoever serves it. */
    void emitFor(Waiter w, Kind kind, String call, String queue, MqMessage m, String detail) {
        // A waiter that blocked before anyone listened does not know its actor: its thread's name stands in.
        emit(w.actor != null ? w.actor : w.thread.getName(), w.who.pid(), w.thread.getId(), kind,
                call != null ? call : "blocked call", queue, m, null, detail);
    }

    @SuppressWarnings("unchecked")
    private static Consumer<QueueEvent>[] none() {
        return (Consumer<QueueEvent>[]) NONE;
    }

    @SuppressWarnings("unchecked")
    private static Consumer<QueueEvent>[] array(int n) {
        return (Consumer<QueueEvent>[]) new Consumer<?>[n];
    }
}
