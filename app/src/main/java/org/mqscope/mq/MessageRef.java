package org.mqscope.mq;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One message picked out of a queue for a move: where it was in receive order when it was read, and enough of what
 * it was (priority, size, a hash of the body) that the move can tell whether the message it finds there is still
 * the same one. A queue that changed between the read and the move is refused rather than losing the wrong message.
 *
 * @param position 0 = the message the next mq_receive would return
 * @param bodyHash {@link #hash(byte[])} of the body
 */
public record MessageRef(long position, int priority, int size, long bodyHash) {

    public MessageRef {
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative: " + position);
        }
    }

    /** The message {@code m} read at {@code position}. */
    public static MessageRef of(long position, MqMessage m) {
        return new MessageRef(position, m.priority(), m.size(), hash(m.body()));
    }

    /** The messages at {@code positions} of {@code receiveOrder} (a peek's list), sorted by position. */
    public static List<MessageRef> select(List<MqMessage> receiveOrder, int[] positions) {
        List<MessageRef> out = new ArrayList<>(positions.length);
        for (int p : positions) {
            out.add(of(p, receiveOrder.get(p)));
        }
        out.sort(Comparator.comparingLong(MessageRef::position));
        return out;
    }

    /** The first 8 bytes of the body's SHA-256: a random change of the body goes unnoticed with odds of 2^-64. */
    public static long hash(byte[] body) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(body)).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public boolean matches(MqMessage m) {
        return m.priority() == priority && m.size() == size && hash(m.body()) == bodyHash;
    }

    /** True when the selection is the first messages of the queue (0, 1, … k-1): a plain move takes those. */
    public static boolean isHead(List<MessageRef> sorted) {
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).position() != i) {
                return false;
            }
        }
        return !sorted.isEmpty();
    }

    @Override
    public String toString() {
        return "message " + position + " (priority " + priority + ", " + size + (size == 1 ? " byte)" : " bytes)");
    }
}
