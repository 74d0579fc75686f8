package org.mqscope.recording;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.mqscope.mq.MqMessage;

/**
 * The messages a queue held when its recording started, in receive order (highest priority first, first in first
 * out within a priority), read by an exact peek once the recorder was in place. Calls that returned before
 * {@code startNanos} are in it; calls that entered after {@code endNanos} are not; a call in between may or may not
 * be (the time-in-queue matching treats what follows it as uncertain).
 *
 * @param read       how it was read ({@link org.mqscope.mq.PeekMethod#label()}: "exact peek")
 * @param time       wall-clock time of the read
 * @param startNanos CLOCK_MONOTONIC just before the read
 * @param endNanos   CLOCK_MONOTONIC just after it
 */
public record QueueSnapshot(String read, Instant time, long startNanos, long endNanos, List<MqMessage> messages) {

    public QueueSnapshot {
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(time, "time");
        messages = List.copyOf(messages);
        if (endNanos < startNanos) {
            throw new IllegalArgumentException("snapshot ends (" + endNanos + ") before it starts (" + startNanos + ")");
        }
    }
}
