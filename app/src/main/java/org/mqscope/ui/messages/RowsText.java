package org.mqscope.ui.messages;

import org.mqscope.mq.MqMessage;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Rows of the message table as text for the clipboard, one line per message, tab-separated with a header:
 * index, priority, size and the whole body as text — whatever tab the detail pane has in front. A body that is not
 * text (not UTF-8, or with control bytes) is written as {@code hex:} and its bytes; in text, backslash, tab,
 * newline and carriage return are escaped so that each message stays on its line.
 */
public final class RowsText {
    static final String HEADER = "#\tpriority\tsize\tbody";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RowsText() {
    }

    /** {@code rows} (table indexes, in receive order) of {@code messages}. */
    public static String of(int[] rows, List<MqMessage> messages) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int row : rows) {
            MqMessage m = messages.get(row);
            sb.append(row).append('\t').append(m.priority()).append('\t').append(m.size()).append('\t')
                    .append(body(m.body())).append('\n');
        }
        return sb.toString();
    }

    static String body(byte[] b) {
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return hex(b);
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (Character.isISOControl(c)) {
                        return hex(b);
                    }
                    sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(4 + b.length * 2).append("hex:");
        for (byte x : b) {
            sb.append(HEX[(x >> 4) & 0xf]).append(HEX[x & 0xf]);
        }
        return sb.toString();
    }
}
