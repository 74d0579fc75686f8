package org.mqscope.recording;

import java.util.Objects;
import org.mqscope.mq.RecordedEvent;

/**
 * A received message with where it came from: the recorded send that put it in the queue (then its sender and its
 * time in the queue are known), or the queue's starting snapshot (it was already queued: its send time is unknown,
 * never guessed), or nothing that can be found (the recording has no snapshot of the queue, or lost events).
 *
 * @param receive      the successful receive
 * @param send         the send that queued the message, or null when it is not in the recording
 * @param origin       where the message came from
 * @param latencyNanos receive exit − send exit (CLOCK_MONOTONIC), or {@link #UNKNOWN} without a recorded send; a
 *                     receiver can return before its sender does when the message went straight to it (it was
 *                     blocked waiting), and then the time in the queue is 0
 * @param uncertain    the queue's contents were not known for sure when this matched (events were lost, or there is
 *                     no exact snapshot, or a call overlapped the snapshot): likely right, not proven
 */
public record Match(RecordedEvent receive, RecordedEvent send, Origin origin, long latencyNanos, boolean uncertain) {
    /** No latency: the send is not in the recording. */
    public static final long UNKNOWN = -1;

    /** Where a received message came from. */
    public enum Origin {
        /** A send in the recording. */
        SENT("sent during the recording"),
        /** The starting snapshot: it was in the queue when the recording started. */
        QUEUED_AT_START("in the queue when the recording started; its send time is unknown"),
        /** Nothing found: no snapshot of the queue, or the events that would tell were lost. */
        NOT_FOUND("its send is not in the recording (no snapshot of the queue, or events were lost)");

        private final String words;

        Origin(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public Match {
        Objects.requireNonNull(receive, "receive");
        Objects.requireNonNull(origin, "origin");
        if ((send != null) != (origin == Origin.SENT) || (send == null) != (latencyNanos == UNKNOWN)) {
            throw new IllegalArgumentException("a match has a send and a latency exactly when its origin is SENT");
        }
    }

    static Match sent(RecordedEvent receive, RecordedEvent send, boolean uncertain) {
        return new Match(receive, send, Origin.SENT, Math.max(0, receive.exitNanos() - send.exitNanos()), uncertain);
    }

    /** Whether the time in the queue is known. */
    public boolean hasLatency() {
        return latencyNanos != UNKNOWN;
    }
}
