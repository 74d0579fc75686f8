package org.mqscope.ui.compose;

import java.io.ByteArrayOutputStream;

/**
 * Hex payloads as the user types them: pairs of hex digits, with spaces, tabs and newlines anywhere between the
 * digits (also inside a pair: "4 1" is 0x41). {@code ${n}} is refused: the counter works in text mode only, a
 * number's digits have no single meaning in hex.
 */
public final class HexPayload {

    private HexPayload() {
    }

    /** The bytes {@code hex} spells; positions in messages are 1-based characters of {@code hex}. */
    public static byte[] parse(String hex) throws ComposeException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(hex.length() / 2);
        int digits = 0;
        int high = 0;
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            int v = Character.digit(c, 16);
            if (v < 0 || c > 'f') { // Character.digit also takes full-width and other Unicode digits
                if (hex.startsWith(CounterTemplate.PLACEHOLDER, i)) {
                    throw new ComposeException("Hex: " + CounterTemplate.PLACEHOLDER + " at position " + (i + 1)
                            + " works in Text mode only");
                }
                throw new ComposeException("Hex: bad digit '" + printable(c) + "' at position " + (i + 1));
            }
            if (digits++ % 2 == 0) {
                high = v;
            } else {
                out.write(high << 4 | v);
            }
        }
        if (digits % 2 != 0) {
            throw new ComposeException("Hex: odd number of digits (" + digits + "): every byte needs two");
        }
        return out.toByteArray();
    }

    /** {@code bytes} as the parser reads them back: two lower-case digits per byte, a space between bytes. */
    public static String format(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }

    private static String printable(char c) {
        return Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
