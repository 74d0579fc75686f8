package org.mqscope.transfer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How a message body is written in a file or on a terminal: as text when it is valid UTF-8 that a person can
 * read (no control characters but tab, newline and carriage return), else as base64.
 */
public final class Bodies {
    public static final String UTF8 = "utf-8";
    public static final String BASE64 = "base64";

    private Bodies() {
    }

    /** The body as text, or null when it is not valid printable UTF-8. */
    public static String printableText(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c == 0x7f || (c >= 0x80 && c < 0xa0);
            if (control) {
                return null;
            }
        }
        return text;
    }

    /**
     * The bytes of a body written as {@code encoding} ("utf-8" or "base64"): the reverse of how message and
     * recording files write one.
     *
     * @throws IllegalArgumentException naming the problem (an unknown encoding, invalid base64)
     */
    public static byte[] decode(String encoding, String body) {
        return switch (encoding) {
            case UTF8 -> body.getBytes(StandardCharsets.UTF_8);
            case BASE64 -> {
                try {
                    yield Base64.getDecoder().decode(body);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("\"body\" is not valid base64: " + e.getMessage());
                }
            }
            default -> throw new IllegalArgumentException("\"encoding\" must be \"" + UTF8 + "\" or \"" + BASE64
                    + "\", not \"" + encoding + "\"");
        };
    }
}
