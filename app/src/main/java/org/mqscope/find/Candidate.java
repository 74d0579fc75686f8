package org.mqscope.find;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One message as the terms look at it: the bytes, the priority, and the body as text, decoded at most once however
 * many terms ask. The text is what the detail pane's Text tab shows: UTF-8 when the payload is valid UTF-8, else
 * Latin-1 (one character per byte), so a word found by the filter is a word the user can see. Not thread-safe:
 * one per worker, reused from message to message.
 */
public final class Candidate {
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] body;
    private int priority;
    private String text;
    private String lower;

    public Candidate reset(byte[] newBody, int newPriority) {
        this.body = newBody;
        this.priority = newPriority;
        this.text = null;
        this.lower = null;
        return this;
    }

    public byte[] body() {
        return body;
    }

    public int priority() {
        return priority;
    }

    public String text() {
        if (text == null) {
            text = decode(utf8, body);
        }
        return text;
    }

    /** The text in lower case, for the case-insensitive words. */
    String lower() {
        if (lower == null) {
            lower = text().toLowerCase(Locale.ROOT);
        }
        return lower;
    }

    /** UTF-8 when valid, else Latin-1: the same rule as the detail pane's Text tab. */
    static String decode(CharsetDecoder utf8, byte[] bytes) {
        boolean ascii = true;
        for (byte b : bytes) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, StandardCharsets.ISO_8859_1); // the cheapest exact decode of ASCII
        }
        try {
            CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
