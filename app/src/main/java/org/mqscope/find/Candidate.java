package org.mqscope.find;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.BooleanSupplier;

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
    /** The whole message's size: more than the body when only its first bytes are at hand (a recording). */
    private long size;
    private String text;
    private String lower;
    /** Asked by a regular expression's text while it runs (see {@link GuardedText}). */
    private BooleanSupplier cancelled = () -> false;
    private long regexBudgetNanos = Long.MAX_VALUE / 4;
    /** 0 not yet known, 1 every byte is ASCII, -1 not. */
    private int ascii;

    public Candidate reset(byte[] newBody, int newPriority) {
        return reset(newBody, newPriority, newBody.length);
    }

    /**
     * A message of which only the first bytes are at hand ({@code newBody}, e.g. a recorded event's payload
     * prefix): the text terms look at those bytes, {@code size:} at the whole message's {@code newSize}.
     */
    public Candidate reset(byte[] newBody, int newPriority, long newSize) {
        this.body = newBody;
        this.priority = newPriority;
        this.size = newSize;
        this.text = null;
        this.lower = null;
        this.ascii = 0;
        return this;
    }

    /** A run's cancel flag and how long one message may keep a regular expression busy. */
    Candidate guard(BooleanSupplier cancelledFlag, long budgetNanos) {
        this.cancelled = cancelledFlag;
        this.regexBudgetNanos = budgetNanos;
        return this;
    }

    /** The text for a regular expression: it gives up when the run is cancelled or this message takes too long. */
    CharSequence guardedText() {
        return new GuardedText(text(), cancelled, System.nanoTime() + regexBudgetNanos);
    }

    public byte[] body() {
        return body;
    }

    public int priority() {
        return priority;
    }

    /** The message's size in bytes (the body's length unless only a prefix is at hand). */
    public long size() {
        return size;
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

    /** True when every byte is below 0x80 (then bytes and characters are the same thing). */
    boolean ascii() {
        if (ascii == 0) {
            ascii = isAscii(body) ? 1 : -1;
        }
        return ascii > 0;
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where {@code lowerAscii} (lower-case ASCII bytes) occurs in {@code hay} ignoring ASCII case, or -1: the
     * words' search on an ASCII body, without decoding or lower-casing a copy.
     */
    static int indexOfIgnoreCase(byte[] hay, byte[] lowerAscii) {
        if (lowerAscii.length == 0) {
            return 0;
        }
        byte first = lowerAscii[0];
        int last = hay.length - lowerAscii.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (lowerAscii(hay[i]) != first) {
                continue;
            }
            for (int j = 1; j < lowerAscii.length; j++) {
                if (lowerAscii(hay[i + j]) != lowerAscii[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte lowerAscii(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }

    /** UTF-8 when valid, else Latin-1: the same rule as the detail pane's Text tab. */
    static String decode(CharsetDecoder utf8, byte[] bytes) {
        if (isAscii(bytes)) {
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
