package org.mqscope.mq;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened on a queue, as an activity timeline draws it: a call and its result, a caller that
 * blocked, a blocked caller that was served, a notification that fired. Produced by the emulation (and, later, by
 * a kernel recorder); immutable, so listeners may keep it.
 *
 * @param seq      order in which the events happened in their source, from 1; gaps mean events were dropped
 * @param time     wall-clock time of the event
 * @param actor    who: an {@link Actor} name such as "producer A", else the thread's name
 * @param pid      the process (thread group) id of the caller
 * @param tid      the thread id of the caller
 * @param kind     what kind of event this is
 * @param call     the C call: "mq_send", "mq_timedreceive", "mq_open", "mq_notify", "mq_unlink", "mq_close", "peek"
 * @param queue    the queue's name with its leading slash
 * @param priority the message's priority, or -1 when no message is involved
 * @param size     the message's size in bytes, or -1 when no message is involved
 * @param bodyHash {@link java.util.Arrays#hashCode(byte[])} of the message's body (0 without one): with priority and
 *                 size it finds the message in a peek
 * @param errno    the call's error, or null when it succeeded (or for BLOCKED/WOKEN/NOTIFY_FIRED)
 * @param detail   a few words more, or "" (e.g. "handed to a blocked receiver", "O_NONBLOCK")
 */
public record QueueEvent(long seq, Instant time, String actor, long pid, long tid, Kind kind, String call,
                         String queue, int priority, long size, int bodyHash, Errno errno, String detail) {

    /** What happened. */
    public enum Kind {
        /** A call returned: with its result, or its errno. */
        CALL,
        /** The caller went to sleep inside the call (queue full on send, empty on receive). */
        BLOCKED,
        /** A blocked caller was served: its message was taken (send) or it got one (receive). */
        WOKEN,
        /** A notification registration fired (empty → non-empty) and was consumed; the actor is its owner. */
        NOTIFY_FIRED
    }

    public QueueEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(detail, "detail");
    }

    /** True when a message is involved (send, receive, woken). */
    public boolean hasMessage() {
        return priority >= 0 && size >= 0;
    }

    /** Whether {@code m} could be the message of this event (same priority, size and body hash). */
    public boolean matches(MqMessage m) {
        return hasMessage() && m.priority() == priority && m.size() == size
                && java.util.Arrays.hashCode(m.body()) == bodyHash;
    }

    /** The event in a few words: "mq_send prio 9, 120 B", "mq_receive → EAGAIN", "blocked in mq_send". */
    public String summary() {
        String msg = hasMessage() ? " prio " + priority + ", " + size + " B" : "";
        String text = switch (kind) {
            case CALL -> call + msg + (errno == null ? "" : " → " + errno.name());
            case BLOCKED -> "blocked in " + call;
            case WOKEN -> "woken: " + call + msg;
            case NOTIFY_FIRED -> "notify fired";
        };
        return detail.isEmpty() ? text : text + " (" + detail + ")";
    }
}
