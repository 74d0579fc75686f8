package org.mqscope.ui.detail;

import org.mqscope.find.Highlights.Span;
import org.mqscope.ui.core.LineSource;

import java.util.ArrayList;
import java.util.List;

/**
 * A classic hex dump, built line by line on demand: {@code offset | 16 bytes in hex | the same bytes as ASCII}.
 * Non-printable bytes show as '.' in the ASCII column.
 */
public final class HexLines implements LineSource {
    public static final int BYTES_PER_LINE = 16;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** "00000000  " + 16 * "xx " + one extra gap + " |" + 16 chars + "|". */
    static final int LINE_LENGTH = 8 + 2 + BYTES_PER_LINE * 3 + 1 + 1 + BYTES_PER_LINE + 2;

    /** Column of the first hex digit, and of the first ASCII character, in a line. */
    private static final int HEX_COLUMN = 10;
    private static final int ASCII_COLUMN = HEX_COLUMN + BYTES_PER_LINE * 3 + 1 + 2;

    private final byte[] data;

    public HexLines(byte[] data) {
        this.data = data;
    }

    @Override
    public int lineCount() {
        return (data.length + BYTES_PER_LINE - 1) / BYTES_PER_LINE;
    }

    @Override
    public int longestLine() {
        return LINE_LENGTH;
    }

    @Override
    public String line(int index) {
        int start = index * BYTES_PER_LINE;
        if (index < 0 || start >= data.length) {
            throw new IndexOutOfBoundsException("line " + index);
        }
        int end = Math.min(data.length, start + BYTES_PER_LINE);
        StringBuilder sb = new StringBuilder(LINE_LENGTH);
        for (int shift = 28; shift >= 0; shift -= 4) {
            sb.append(HEX[(start >>> shift) & 0xf]);
        }
        sb.append("  ");
        for (int i = start; i < start + BYTES_PER_LINE; i++) {
            if (i == start + BYTES_PER_LINE / 2) {
                sb.append(' ');
            }
            if (i < end) {
                int b = data[i] & 0xff;
                sb.append(HEX[b >>> 4]).append(HEX[b & 0xf]).append(' ');
            } else {
                sb.append("   ");
            }
        }
        sb.append(" |");
        for (int i = start; i < end; i++) {
            int b = data[i] & 0xff;
            sb.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        }
        sb.append('|');
        return sb.toString();
    }

    /**
     * Where byte spans (offsets into the payload, sorted) fall in one dump line: each byte's two hex digits and
     * its ASCII character.
     */
    public static List<Span> columns(int line, List<Span> byteSpans) {
        int first = line * BYTES_PER_LINE;
        int end = first + BYTES_PER_LINE;
        List<Span> out = new ArrayList<>();
        int lo = 0;
        int hi = byteSpans.size();
        while (lo < hi) { // first span that ends after this line's first byte
            int mid = (lo + hi) >>> 1;
            if (byteSpans.get(mid).end() <= first) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int k = lo; k < byteSpans.size() && byteSpans.get(k).start() < end; k++) {
            int from = Math.max(first, byteSpans.get(k).start()) - first;
            int to = Math.min(end, byteSpans.get(k).end()) - first;
            out.add(new Span(hexColumn(from), hexColumn(to - 1) + 2));
            out.add(new Span(ASCII_COLUMN + from, ASCII_COLUMN + to));
        }
        return out;
    }

    private static int hexColumn(int k) {
        return HEX_COLUMN + k * 3 + (k >= BYTES_PER_LINE / 2 ? 1 : 0);
    }
}
