package org.mqscope.mq;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Every message of a queue in receive order (highest priority first, FIFO within a priority), how they were
 * taken, and what the peek observed on the way. After a drain and restore this is the order the queue delivers
 * them in now, which is not the order they were drained in when a sender slipped in meanwhile; messages that could
 * not go back are not among them (see {@link DrainReport#held}).
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

    /**
     * {@code sent} as a queue delivers them when they were sent in that order into a queue holding nothing else:
     * highest priority first, in sending order within a priority (a stable sort).
     */
    public static List<MqMessage> receiveOrder(List<MqMessage> sent) {
        List<MqMessage> sorted = new java.util.ArrayList<>(sent);
        sorted.sort(java.util.Comparator.comparingInt(MqMessage::priority).reversed());
        return sorted;
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
     * @param held                 the unrestored messages themselves, in the order they wait in the journal: they
     *                             are not in the queue, so not among the peek's messages
     */
    public record DrainReport(long countBefore, long drained, long restored, long arrived, long departed,
                              boolean notificationConsumed, long unrestored, String journal, List<MqMessage> held) {
        public static final DrainReport NONE = new DrainReport(0, 0, 0, 0, 0, false, 0, null);

        public DrainReport {
            held = List.copyOf(held);
        }

        /** A report whose held messages are not known (none, or only counted). */
        public DrainReport(long countBefore, long drained, long restored, long arrived, long departed,
                           boolean notificationConsumed, long unrestored, String journal) {
            this(countBefore, drained, restored, arrived, departed, notificationConsumed, unrestored, journal,
                    List.of());
        }

        public boolean complete() {
            return unrestored == 0;
        }
    }
}
