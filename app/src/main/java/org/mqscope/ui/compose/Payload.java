package org.mqscope.ui.compose;

import org.mqscope.ui.core.Numbers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The bodies of a send: message {@code n} of 1..N. Immutable. */
public abstract sealed class Payload {

    /** The field the payload came from, for messages: "Text", "Hex", "File". */
    public abstract PayloadMode mode();

    /** The body of message {@code n} (1-based). */
    public abstract byte[] message(long n);

    /** The longest body among messages 1..{@code count}. */
    public abstract long maxBytes(long count);

    /** The shortest body among messages 1..{@code count}. */
    public abstract long minBytes(long count);

    /** UTF-8 text; {@value CounterTemplate#PLACEHOLDER} becomes the message's number. */
    public static Payload text(String text) {
        return new Text(new CounterTemplate(text));
    }

    /** Hex digits with whitespace anywhere; refused with the offending position. */
    public static Payload hex(String hex) throws ComposeException {
        return new Bytes(PayloadMode.HEX, HexPayload.parse(hex));
    }

    /** Bytes sent as they are. */
    public static Payload bytes(PayloadMode mode, byte[] body) {
        return new Bytes(mode, body.clone());
    }

    /**
     * The contents of {@code file}, refused before reading when longer than {@code msgsize} (both sizes shown).
     */
    public static Payload file(Path file, long msgsize) throws ComposeException, IOException {
        long size = Files.size(file);
        if (size > msgsize) {
            throw new ComposeException(tooBig(PayloadMode.FILE, size, msgsize));
        }
        return new Bytes(PayloadMode.FILE, Files.readAllBytes(file));
    }

    /** Stands in for a payload known by its size only (a file not read yet): for the checks, not for sending. */
    static Payload sized(PayloadMode mode, long size) {
        return new Sized(mode, size);
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
            if (message(n).length > msgsize) {
                break;
            }
            first = n * 10;
        }
        return mode().label() + ": message " + Numbers.grouped(first) + " on would be " + Numbers.grouped(message(first).length)
                + " bytes, more than the queue's msgsize of " + Numbers.grouped(msgsize) + " (EMSGSIZE)";
    }

    static String tooBig(PayloadMode mode, long size, long msgsize) {
        return mode.label() + ": " + Numbers.grouped(size) + " bytes is more than the queue's msgsize of " + Numbers.grouped(msgsize)
                + " (EMSGSIZE)";
    }

    /** 12000 → "12,000", whatever the default locale. */

    private static final class Text extends Payload {
        private final CounterTemplate template;

        Text(CounterTemplate template) {
            this.template = template;
        }

        @Override
        public PayloadMode mode() {
            return PayloadMode.TEXT;
        }

        @Override
        public byte[] message(long n) {
            return template.bytes(n);
        }

        @Override
        public long maxBytes(long count) {
            return template.maxBytes(count);
        }

        @Override
        public long minBytes(long count) {
            return template.minBytes(count);
        }
    }

    private static final class Bytes extends Payload {
        private final PayloadMode mode;
        private final byte[] body;

        Bytes(PayloadMode mode, byte[] body) {
            this.mode = mode;
            this.body = body;
        }

        @Override
        public PayloadMode mode() {
            return mode;
        }

        @Override
        public byte[] message(long n) {
            return body; // mq_send copies the body: sharing one array between sends is safe
        }

        @Override
        public long maxBytes(long count) {
            return body.length;
        }

        @Override
        public long minBytes(long count) {
            return body.length;
        }
    }

    private static final class Sized extends Payload {
        private final PayloadMode mode;
        private final long size;

        Sized(PayloadMode mode, long size) {
            this.mode = mode;
            this.size = size;
        }

        @Override
        public PayloadMode mode() {
            return mode;
        }

        @Override
        public byte[] message(long n) {
            throw new UnsupportedOperationException("only the size is known");
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
