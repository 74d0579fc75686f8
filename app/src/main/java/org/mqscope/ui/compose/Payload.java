package org.mqscope.ui.compose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The bodies of a send: message {@code n} of 1..N, with the sizes the checks use. Immutable. */
public abstract sealed class Payload extends PayloadSizes {

    /** The body of message {@code n} (1-based). */
    public abstract byte[] message(long n);

    @Override
    public long length(long n) {
        return message(n).length;
    }

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
}
