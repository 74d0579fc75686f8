package org.mqscope.mq;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Every message of a queue in receive order (highest priority first, FIFO within a priority), how they were
 * taken, and what the peek observed on the way.
 *
 * @param attributes  the queue's attributes when the peek started
 * @param drain       what a drain-and-restore saw and did; {@link DrainReport#NONE} for an exact peek
 * @param waiters     blocked tasks and the notification owner, read with the messages by the exact kernel peek;
 *                    {@link QueueWaiters#UNKNOWN} otherwise
 * @param reads       how many times the queue was read to get a consistent snapshot (an exact kernel peek reads it
 *                    until two reads agree: 2 when nothing changed meanwhile); 1 for other methods
 */
public record PeekResult(List<MqMessage> messages, PeekMethod method, MqAttributes attributes, Instant takenAt,
                         Duration elapsed, DrainReport drain, QueueWaiters waiters, int reads) {

    public PeekResult {
        messages = List.copyOf(messages);
    }

    /** A peek that sees messages only. */
    public PeekResult(List<MqMessage> messages, PeekMethod method, MqAttributes attributes, Instant takenAt,
                      Duration elapsed, DrainReport drain) {
        this(messages, method, attributes, takenAt, elapsed, drain, QueueWaiters.UNKNOWN, 1);
    }

    public int size() {
        return messages.size();
    }

    /** Total payload bytes, which equals QSIZE when nothing changed meanwhile. */
    public long payloadBytes() {
        long sum = 0;
        for (MqMessage m : messages) {
            sum += m.size();
        }
        return sum;
    }

    /**
     * The side effects of one drain and restore.
     *
     * @param countBefore          curmsgs when the drain started
     * @param drained              messages received (the snapshot)
     * @param restored             messages sent back
     * @param arrived              messages that other processes added while the drain ran (drained beyond the
     *                             starting count, or found in the queue before the restore)
     * @param departed             messages that left through other receivers while the drain ran
     * @param notificationConsumed a registered notification fired during the restore and is gone
     * @param unrestored           messages that could not be put back (queue refilled by others) and wait in the
     *                             journal
     * @param journal              the journal file still holding them, or null when everything is back
     */
    public record DrainReport(long countBefore, long drained, long restored, long arrived, long departed,
                              boolean notificationConsumed, long unrestored, String journal) {
        public static final DrainReport NONE = new DrainReport(0, 0, 0, 0, 0, false, 0, null);

        public boolean complete() {
            return unrestored == 0;
        }
    }
}
