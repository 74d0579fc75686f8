package org.mqscope.mq;

import java.util.Arrays;
import java.util.Objects;

/**
 * One call on a queue as a recorder saw it in the kernel: the {@link QueueEvent} (who, when, which call, priority,
 * size, errno) with the first bytes of the message and the call's own times.
 *
 * @param event       the call; its {@code bodyHash} is that of the whole body when {@link #complete()}, else 0
 * @param payload     the first bytes of the message (a send's as offered, a receive's as delivered); empty for a
 *                    failed receive
 * @param enterNanos  CLOCK_MONOTONIC when the call entered the kernel (the time between the two is how long it
 *                    took, blocking included), or 0 when the recorder did not stamp entries (the kernel recorder
 *                    does not: it would cost every system call of the machine, see {@link #hasEnterTime()})
 * @param exitNanos   CLOCK_MONOTONIC when it returned; {@code event.time()} is this moment as wall-clock time
 */
public record RecordedEvent(QueueEvent event, byte[] payload, long enterNanos, long exitNanos) {

    public RecordedEvent {
        Objects.requireNonNull(event, "event");
        payload = payload.clone();
    }

    /** A copy of the recorded bytes. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** How many bytes were recorded. */
    public int payloadLength() {
        return payload.length;
    }

    /** Whether the payload is the whole message (not cut at the recorder's limit). */
    public boolean complete() {
        return event.hasMessage() && payload.length == event.size();
    }

    /** Whether {@link #enterNanos()} is known (not 0). */
    public boolean hasEnterTime() {
        return enterNanos != 0;
    }

    /** Whether the call succeeded. */
    public boolean succeeded() {
        return event.errno() == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordedEvent r && r.event.equals(event) && Arrays.equals(r.payload, payload)
                && r.enterNanos == enterNanos && r.exitNanos == exitNanos;
    }

    @Override
    public int hashCode() {
        return Objects.hash(event, Arrays.hashCode(payload), enterNanos, exitNanos);
    }

    @Override
    public String toString() {
        return event.summary() + " by " + event.actor() + " (" + event.pid() + "/" + event.tid() + "), "
                + payload.length + " B recorded";
    }
}
