package org.mqscope.ui.core;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The preview column: the start of a payload as one short line. Text when the first bytes are printable UTF-8
 * (newlines and tabs shown as ⏎ and →), hex otherwise, so binary payloads are recognisable at a glance.
 */
public final class Preview {
    /** Bytes of payload looked at; the detail pane shows the rest. */
    public static final int PREVIEW_BYTES = 64;
    /** Hex shows fewer bytes than text in the same width. */
    public static final int HEX_BYTES = 24;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Preview() {
    }

    public static String of(byte[] payload) {
        if (payload.length == 0) {
            return "(empty)";
        }
        String text = printableText(payload);
        return text != null ? text : hex(payload);
    }

    /** The first bytes as text, or null when they are not printable UTF-8. */
    static String printableText(byte[] payload) {
        int n = Math.min(payload.length, PREVIEW_BYTES);
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String s;
        try {
            s = d.decode(ByteBuffer.wrap(payload, 0, n)).toString();
        } catch (CharacterCodingException e) {
            // Cut in the middle of a multi-byte character? Retry up to three bytes shorter.
            s = null;
            for (int cut = 1; cut <= 3 && n - cut > 0 && n < payload.length; cut++) {
                try {
                    s = d.reset().decode(ByteBuffer.wrap(payload, 0, n - cut)).toString();
                    break;
                } catch (CharacterCodingException again) {
                    // try one shorter
                }
            }
            if (s == null) {
                return null;
            }
        }
        StringBuilder sb = new StringBuilder(s.length() + 1);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                sb.append('⏎');
            } else if (c == '\t') {
                sb.append('→');
            } else if (c == '\r') {
                continue;
            } else if (Character.isISOControl(c)) {
                return null;
            } else {
                sb.append(c);
            }
        }
        if (payload.length > n) {
            sb.append('…');
        }
        return sb.toString();
    }

    static String hex(byte[] payload) {
        int n = Math.min(payload.length, HEX_BYTES);
        StringBuilder sb = new StringBuilder(n * 3 + 1);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            int b = payload[i] & 0xff;
            sb.append(HEX[b >>> 4]).append(HEX[b & 0xf]);
        }
        if (payload.length > n) {
            sb.append(" …");
        }
        return sb.toString();
    }
}
