package org.mqscope.find;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import org.mqscope.find.Comparison.Change;
import org.mqscope.find.Comparison.Kind;
import org.mqscope.find.Comparison.Row;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Compares two payloads the way they read: both JSON → member by member (by path); both text → line by line;
 * otherwise byte by byte. Lines and bytes are aligned with java-diff-utils' Myers diff; this class only lays the
 * library's deltas out as side-by-side rows. Linear-ish work: call it off the EDT.
 */
public final class MessageComparison {
    /** Hex bytes per row of a binary comparison (as in the Hex tab). */
    static final int BYTES_PER_ROW = 16;
    /**
     * Above this many bytes on either side the binary comparison goes offset by offset instead of aligning
     * insertions (Myers' cost grows with size times differences).
     */
    static final int ALIGN_BYTES_MAX = 64 * 1024;
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    private MessageComparison() {
    }

    public static Comparison of(byte[] left, byte[] right) {
        Optional<Object> lj = JsonTree.parse(left);
        Optional<Object> rj = lj.isPresent() ? JsonTree.parse(right) : Optional.empty();
        if (lj.isPresent() && rj.isPresent()) {
            return json(lj.get(), rj.get());
        }
        String lt = text(left);
        String rt = lt == null ? null : text(right);
        if (lt != null && rt != null) {
            return text(lt, rt);
        }
        return binary(left, right);
    }

    /** The payload as text when it is valid UTF-8 without control characters other than tab and line breaks. */
    static String text(byte[] body) {
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return null;
            }
        }
        return s;
    }

    static Comparison json(Object left, Object right) {
        List<Row> rows = JsonTree.diff(left, right);
        return new Comparison(Kind.JSON, List.of("Path", "Left", "Right"), rows, summary(rows, "member"), null);
    }

    static Comparison text(String left, String right) {
        List<String> l = lines(left);
        List<String> r = lines(right);
        Patch<String> patch = DiffUtils.diff(l, r);
        List<Row> rows = new ArrayList<>();
        int li = 0;
        int ri = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            while (li < d.getSource().getPosition()) {
                rows.add(textRow(Change.SAME, li, l.get(li), ri, r.get(ri)));
                li++;
                ri++;
            }
            int ls = d.getSource().size();
            int rs = d.getTarget().size();
            for (int k = 0; k < Math.max(ls, rs); k++) {
                boolean hasL = k < ls;
                boolean hasR = k < rs;
                Change c = hasL && hasR ? Change.CHANGED : hasL ? Change.REMOVED : Change.ADDED;
                rows.add(textRow(c, hasL ? li + k : -1, hasL ? l.get(li + k) : "", hasR ? ri + k : -1,
                        hasR ? r.get(ri + k) : ""));
            }
            li += ls;
            ri += rs;
        }
        while (li < l.size()) {
            rows.add(textRow(Change.SAME, li, l.get(li), ri, r.get(ri)));
            li++;
            ri++;
        }
        return new Comparison(Kind.TEXT, List.of("#", "Left", "#", "Right"), rows, summary(rows, "line"), null);
    }

    private static List<String> lines(String s) {
        List<String> out = new ArrayList<>(List.of(s.split("\r?\n", -1)));
        if (out.size() > 1 && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1); // a final newline ends the last line
        }
        return out;
    }

    private static Row textRow(Change c, int ln, String l, int rn, String r) {
        return new Row(c, List.of(ln < 0 ? "" : Integer.toString(ln + 1), l, rn < 0 ? "" : Integer.toString(rn + 1),
                r));
    }

    static Comparison binary(byte[] left, byte[] right) {
        List<Row> rows = new ArrayList<>();
        String note = null;
        if (left.length > ALIGN_BYTES_MAX || right.length > ALIGN_BYTES_MAX) {
            note = "Compared offset by offset: above " + ALIGN_BYTES_MAX / 1024 + " KiB inserted bytes are not "
                    + "aligned.";
            positional(left, right, rows);
        } else {
            aligned(left, right, rows);
        }
        return new Comparison(Kind.BINARY, List.of("Offset", "Left", "Offset", "Right"), rows,
                summary(rows, "run"), note);
    }

    private static void aligned(byte[] left, byte[] right, List<Row> rows) {
        List<Byte> l = boxed(left);
        List<Byte> r = boxed(right);
        Patch<Byte> patch = DiffUtils.diff(l, r);
        int li = 0;
        int ri = 0;
        for (AbstractDelta<Byte> d : patch.getDeltas()) {
            int same = d.getSource().getPosition() - li;
            runs(Change.SAME, left, li, same, right, ri, same, rows);
            li += same;
            ri += same;
            int ls = d.getSource().size();
            int rs = d.getTarget().size();
            Change c = ls > 0 && rs > 0 ? Change.CHANGED : ls > 0 ? Change.REMOVED : Change.ADDED;
            runs(c, left, li, ls, right, ri, rs, rows);
            li += ls;
            ri += rs;
        }
        runs(Change.SAME, left, li, left.length - li, right, ri, right.length - ri, rows);
    }

    private static void positional(byte[] left, byte[] right, List<Row> rows) {
        int n = Math.max(left.length, right.length);
        for (int at = 0; at < n; at += BYTES_PER_ROW) {
            int ln = Math.max(0, Math.min(BYTES_PER_ROW, left.length - at));
            int rn = Math.max(0, Math.min(BYTES_PER_ROW, right.length - at));
            boolean same = ln == rn && java.util.Arrays.equals(left, at, at + ln, right, at, at + rn);
            Change c = same ? Change.SAME : ln == 0 ? Change.ADDED : rn == 0 ? Change.REMOVED : Change.CHANGED;
            rows.add(byteRow(c, left, at, ln, right, at, rn));
        }
    }

    /** A run of bytes on each side, cut into rows of {@value #BYTES_PER_ROW}. */
    private static void runs(Change c, byte[] left, int lf, int ln, byte[] right, int rf, int rn, List<Row> rows) {
        for (int k = 0; k < Math.max(ln, rn); k += BYTES_PER_ROW) {
            int lk = Math.max(0, Math.min(BYTES_PER_ROW, ln - k));
            int rk = Math.max(0, Math.min(BYTES_PER_ROW, rn - k));
            rows.add(byteRow(c, left, lf + k, lk, right, rf + k, rk));
        }
    }

    private static Row byteRow(Change c, byte[] left, int lf, int ln, byte[] right, int rf, int rn) {
        return new Row(c, List.of(ln == 0 ? "" : offset(lf), ln == 0 ? "" : HEX.formatHex(left, lf, lf + ln),
                rn == 0 ? "" : offset(rf), rn == 0 ? "" : HEX.formatHex(right, rf, rf + rn)));
    }

    private static String offset(int at) {
        return String.format("%08x", at);
    }

    private static List<Byte> boxed(byte[] b) {
        List<Byte> out = new ArrayList<>(b.length);
        for (byte x : b) {
            out.add(x);
        }
        return out;
    }

    private static String summary(List<Row> rows, String unit) {
        long changed = 0;
        long added = 0;
        long removed = 0;
        for (Row r : rows) {
            switch (r.change()) {
                case CHANGED -> changed++;
                case ADDED -> added++;
                case REMOVED -> removed++;
                default -> { }
            }
        }
        if (changed + added + removed == 0) {
            return "Identical (" + rows.size() + " " + unit + (rows.size() == 1 ? "" : "s") + ")";
        }
        return changed + " " + unit + (changed == 1 ? "" : "s") + " changed, " + added + " added, " + removed
                + " removed";
    }
}
