package org.mqscope.ui.compose;

import org.mqscope.ui.core.Numbers;

/**
 * What the checks on the EDT need of a payload: its field and the length of each message, and whether they fit a
 * queue. A file not read yet is known this way only, by its size ({@link #ofFile}); a {@link Payload} also has the
 * bodies to send. Immutable.
 */
public abstract sealed class PayloadSizes permits Payload, PayloadSizes.OfFile {

    /** The field the payload came from, for messages: "Text", "Hex", "File". */
    public abstract PayloadMode mode();

    /** The length in bytes of message {@code n} (1-based). */
    public abstract long length(long n);

    /** The longest body among messages 1..{@code count}. */
    public abstract long maxBytes(long count);

    /** The shortest body among messages 1..{@code count}. */
    public abstract long minBytes(long count);

    /** A file of {@code size} bytes, known by its size until it is read when the send starts. */
    static PayloadSizes ofFile(long size) {
        return new OfFile(size);
    }

    /**
     * Refuses a payload that mq_send would refuse with EMSGSIZE, before anything is sent: null when every message
     * of 1..{@code count} fits {@code msgsize}, else the words for the user.
     */
    public String sizeProblem(long count, long msgsize) {
        long max = maxBytes(count);
        if (max <= msgsize) {
            return null;
        }
        if (minBytes(count) == max) {
            return tooBig(mode(), max, msgsize);
        }
        if (minBytes(count) > msgsize) {
            return mode().label() + ": " + Numbers.grouped(minBytes(count)) + "–" + Numbers.grouped(max)
                    + " bytes is more than the queue's msgsize of " + Numbers.grouped(msgsize) + " (EMSGSIZE)";
        }
        // Only the longer numbers overflow: say from which message on.
        long first = 1;
        for (long n = 1; n <= count; n *= 10) {
            if (length(n) > msgsize) {
                break;
            }
            first = n * 10;
        }
        return mode().label() + ": message " + Numbers.grouped(first) + " on would be "
                + Numbers.grouped(length(first)) + " bytes, more than the queue's msgsize of "
                + Numbers.grouped(msgsize) + " (EMSGSIZE)";
    }

    static String tooBig(PayloadMode mode, long size, long msgsize) {
        return mode.label() + ": " + Numbers.grouped(size) + " bytes is more than the queue's msgsize of "
                + Numbers.grouped(msgsize) + " (EMSGSIZE)";
    }

    static final class OfFile extends PayloadSizes {
        private final long size;

        private OfFile(long size) {
            this.size = size;
        }

        @Override
        public PayloadMode mode() {
            return PayloadMode.FILE;
        }

        @Override
        public long length(long n) {
            return size;
        }

        @Override
        public long maxBytes(long count) {
            return size;
        }

        @Override
        public long minBytes(long count) {
            return size;
        }
    }
}
