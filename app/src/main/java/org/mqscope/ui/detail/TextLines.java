package org.mqscope.ui.detail;

import org.mqscope.ui.core.LineSource;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A payload as text, split into lines once (an index of line starts) and cut into display lines of at most
 * {@link #WRAP} characters, so a 16 MiB message without a newline still scrolls line by line. UTF-8 when the bytes
 * are valid UTF-8, else Latin-1 (every byte one character); control characters show as '·', tabs as spaces.
 */
public final class TextLines implements LineSource {
    public static final int WRAP = 160;
    private static final int TAB = 4;

    private final String text;
    /** Start offset of each display line; one extra entry at the end holds text.length(). */
    private final int[] starts;
    private final int count;
    private final boolean utf8;
    private final int longest;

    private TextLines(String text, boolean utf8) {
        this.text = text;
        this.utf8 = utf8;
        int[] s = new int[Math.max(16, text.length() / 40 + 2)];
        int n = 0;
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            boolean end = i == text.length();
            if (end || text.charAt(i) == '\n' || i - lineStart == WRAP) {
                if (end && i == lineStart && n > 0 && text.charAt(i - 1) == '\n') {
                    break; // a final newline ends the last line rather than opening an empty one
                }
                if (n + 2 > s.length) {
                    s = Arrays.copyOf(s, s.length * 2);
                }
                s[n++] = lineStart;
                if (end) {
                    break;
                }
                lineStart = text.charAt(i) == '\n' ? i + 1 : i;
            }
        }
        s[n] = text.length();
        this.starts = s;
        this.count = text.isEmpty() ? 0 : n;
        int max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, s[i + 1] - s[i]);
        }
        this.longest = max;
    }

    /** Decodes and indexes the payload; linear in its size, so build it off the EDT for big messages. */
    public static TextLines of(byte[] payload) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload)).toString();
            return new TextLines(s, true);
        } catch (CharacterCodingException e) {
            return new TextLines(new String(payload, StandardCharsets.ISO_8859_1), false);
        }
    }

    /** Indexes text that is already decoded (the pretty-printed JSON). */
    public static TextLines ofText(String text) {
        return new TextLines(text, true);
    }

    /** True when the payload was valid UTF-8; false when it is shown as Latin-1. */
    public boolean utf8() {
        return utf8;
    }

    /** The decoded text (what Copy puts on the clipboard). */
    public String text() {
        return text;
    }

    @Override
    public int lineCount() {
        return count;
    }

    @Override
    public int longestLine() {
        return longest + 8; // room for tabs widened to spaces
    }

    @Override
    public String line(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("line " + index);
        }
        int from = starts[index];
        int to = starts[index + 1];
        if (to > from && text.charAt(to - 1) == '\n') {
            to--;
        }
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\t') {
                sb.append(" ".repeat(TAB - sb.length() % TAB));
            } else if (c == '\r' && i == to - 1) {
                continue; // CRLF line ends
            } else if (Character.isISOControl(c)) {
                sb.append('·');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
