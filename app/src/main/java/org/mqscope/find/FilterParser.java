package org.mqscope.find;

import org.mqscope.mq.Mq;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a filter expression into terms. Terms are separated by white space and all must hold; {@code -} right
 * before a term negates it; double quotes group a phrase or a value with spaces ({@code \"} and {@code \\} inside).
 * The first syntax error stops the parse and is reported with its span.
 */
final class FilterParser {
    static final long SIZE_MAX = Long.MAX_VALUE / 2;
    private static final String PRIO_FORMS = "a priority (9), a comparison (>=5, <3) or a range (1..4)";
    private static final String SIZE_FORMS = "a size (512, 4k, 1m), a comparison (>1k) or a range (1k..4k)";

    private final String in;
    private int i;

    private FilterParser(String in) {
        this.in = in;
    }

    static List<Term> parse(String expression) throws ParseProblem {
        return new FilterParser(expression).terms();
    }

    private List<Term> terms() throws ParseProblem {
        List<Term> terms = new ArrayList<>();
        while (true) {
            skipSpace();
            if (i >= in.length()) {
                return terms;
            }
            int start = i;
            boolean negate = in.charAt(i) == '-';
            if (negate) {
                i++;
                if (i >= in.length() || Character.isWhitespace(in.charAt(i))) {
                    throw new ParseProblem(start, start + 1, "'-' negates the term right after it; none follows");
                }
                if (in.charAt(i) == '-') {
                    throw new ParseProblem(start, i + 1, "'--' negates twice; leave both out");
                }
            }
            Term t = term();
            if (i < in.length() && !Character.isWhitespace(in.charAt(i))) {
                throw new ParseProblem(i, i + 1, "a space must separate '" + in.substring(start, i) + "' from what "
                        + "follows");
            }
            terms.add(negate ? new Term.Not(t, in.substring(start, i)) : t);
        }
    }

    private Term term() throws ParseProblem {
        int start = i;
        char c = in.charAt(i);
        if (c == '"') {
            String phrase = quoted();
            if (phrase.isEmpty()) {
                throw new ParseProblem(start, i, "an empty phrase matches everything; leave it out");
            }
            return new Term.Words(phrase, in.substring(start, i));
        }
        if (c == '$') {
            return json(start);
        }
        String lower = in.substring(i, Math.min(in.length(), i + 9)).toLowerCase(Locale.ROOT);
        if (lower.startsWith("re:")) {
            i += 3;
            return regex(start);
        }
        if (lower.startsWith("hex:")) {
            i += 4;
            return hex(start);
        }
        if (lower.startsWith("prio:") || lower.startsWith("priority:")) {
            i += lower.startsWith("prio:") ? 5 : 9;
            int vs = i;
            String v = bare();
            Range r = range(v, vs, 0, Mq.PRIO_MAX - 1, false, "prio:", PRIO_FORMS);
            return new Term.Priority(r, in.substring(start, i));
        }
        if (lower.startsWith("size:")) {
            i += 5;
            int vs = i;
            String v = bare();
            Range r = range(v, vs, 0, SIZE_MAX, true, "size:", SIZE_FORMS);
            return new Term.Size(r, in.substring(start, i));
        }
        String word = bare();
        return new Term.Words(word, word);
    }

    private Term regex(int start) throws ParseProblem {
        boolean wasQuoted = i < in.length() && in.charAt(i) == '"';
        int valueStart = wasQuoted ? i + 1 : i;
        String v = wasQuoted ? quoted() : bare();
        if (v.isEmpty()) {
            throw new ParseProblem(start, i, "re: needs a regular expression after it, e.g. re:ord(er)?-\\d+");
        }
        try {
            return new Term.Regex(Pattern.compile(v), in.substring(start, i));
        } catch (PatternSyntaxException e) {
            int at = e.getIndex() >= 0 ? valueStart + Math.min(e.getIndex(), v.length()) : valueStart;
            int spanStart = Math.min(at, Math.max(valueStart, i - 1));
            throw new ParseProblem(spanStart, Math.max(spanStart + 1, Math.min(i, spanStart + 1)),
                    "re: " + e.getDescription().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * {@code hex:CAFE}, {@code hex:"CA FE"}, or {@code hex:CA FE}: a bare hex value takes the whole-byte hex groups
     * that follow it too (quote a word that looks like hex to search it as text instead).
     */
    private Term hex(int start) throws ParseProblem {
        StringBuilder digits = new StringBuilder();
        int valueStart = i;
        boolean wasQuoted = i < in.length() && in.charAt(i) == '"';
        String v = wasQuoted ? quoted() : bare();
        if (v.isEmpty()) {
            throw new ParseProblem(start, i, "hex: needs bytes after it, e.g. hex:CA FE");
        }
        collectHex(v, wasQuoted ? valueStart + 1 : valueStart, digits);
        if (!wasQuoted) {
            while (true) {
                int save = i;
                skipSpace();
                int groupStart = i;
                while (i < in.length() && !Character.isWhitespace(in.charAt(i))) {
                    i++;
                }
                String group = in.substring(groupStart, i);
                if (group.isEmpty() || group.length() % 2 != 0 || !isHex(group)) {
                    i = save;
                    break;
                }
                digits.append(group);
            }
        }
        if (digits.length() % 2 != 0) {
            throw new ParseProblem(valueStart, i, "hex: needs whole bytes, two hex digits each (" + digits.length()
                    + " digits given)");
        }
        return new Term.Hex(HexFormat.of().parseHex(digits), in.substring(start, i));
    }

    private static void collectHex(String v, int at, StringBuilder digits) throws ParseProblem {
        for (int k = 0; k < v.length(); k++) {
            char c = v.charAt(k);
            if (Character.digit(c, 16) >= 0) {
                digits.append(c);
            } else if (c != ' ') {
                throw new ParseProblem(at + k, at + k + 1, "hex: takes hex digits 0-9 and A-F, not '" + c + "'");
            }
        }
    }

    private static boolean isHex(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private Term json(int start) throws ParseProblem {
        JsonPath.Parsed p = JsonPath.parse(in, i);
        i = p.end();
        JsonPath.Op op = JsonPath.Op.EXISTS;
        for (JsonPath.Op candidate : new JsonPath.Op[] {JsonPath.Op.GE, JsonPath.Op.LE, JsonPath.Op.NE,
                JsonPath.Op.EQ, JsonPath.Op.GT, JsonPath.Op.LT}) {
            if (in.startsWith(candidate.symbol(), i)) {
                op = candidate;
                i += candidate.symbol().length();
                break;
            }
        }
        if (op == JsonPath.Op.EXISTS) {
            if (i < in.length() && in.charAt(i) == '!') {
                throw new ParseProblem(i, i + 1, "'!' only comes as '!=' after a path");
            }
            return new Term.Json(p.path(), op, null, in.substring(start, i));
        }
        int valueStart = i;
        boolean wasQuoted = i < in.length() && in.charAt(i) == '"';
        String v = wasQuoted ? quoted() : bare();
        if (v.isEmpty() && !wasQuoted) {
            throw new ParseProblem(start, i, p.path().text() + op.symbol() + " needs a value after '"
                    + op.symbol() + "'");
        }
        JsonPath.Literal literal = wasQuoted ? new JsonPath.Literal(v, Double.NaN, false) : JsonPath.Literal.of(v);
        boolean ordering = op == JsonPath.Op.GT || op == JsonPath.Op.GE || op == JsonPath.Op.LT
                || op == JsonPath.Op.LE;
        if (ordering && !literal.numeric()) {
            throw new ParseProblem(valueStart, i, "'" + op.symbol() + "' compares numbers; '" + v
                    + "' is not a number");
        }
        return new Term.Json(p.path(), op, literal, in.substring(start, i));
    }

    /**
     * {@code N}, {@code =N}, {@code >N}, {@code >=N}, {@code <N}, {@code <=N} or {@code A..B}, within
     * {@code floor..ceiling}; sizes may carry a unit (b, k, m: powers of 1024).
     */
    private static Range range(String v, int at, long floor, long ceiling, boolean units, String name,
                               String forms) throws ParseProblem {
        if (v.isEmpty()) {
            throw new ParseProblem(at - name.length(), at, name + " needs " + forms);
        }
        int dots = v.indexOf("..");
        Range r;
        if (dots >= 0) {
            long lo = number(v.substring(0, dots), at, ceiling, units, name, forms);
            long hi = number(v.substring(dots + 2), at + dots + 2, ceiling, units, name, forms);
            if (hi < lo) {
                throw new ParseProblem(at, at + v.length(), name + " range " + v + " runs backwards; write "
                        + v.substring(dots + 2) + ".." + v.substring(0, dots));
            }
            r = new Range(lo, hi);
        } else if (v.startsWith(">=")) {
            r = new Range(number(v.substring(2), at + 2, ceiling, units, name, forms), ceiling);
        } else if (v.startsWith("<=")) {
            r = new Range(floor, number(v.substring(2), at + 2, ceiling, units, name, forms));
        } else if (v.startsWith(">")) {
            r = new Range(number(v.substring(1), at + 1, ceiling, units, name, forms) + 1, ceiling);
        } else if (v.startsWith("<")) {
            r = new Range(floor, number(v.substring(1), at + 1, ceiling, units, name, forms) - 1);
        } else if (v.startsWith("=")) {
            long n = number(v.substring(1), at + 1, ceiling, units, name, forms);
            r = new Range(n, n);
        } else {
            long n = number(v, at, ceiling, units, name, forms);
            r = new Range(n, n);
        }
        if (r.max() < r.min()) {
            throw new ParseProblem(at, at + v.length(), name + v + " matches nothing");
        }
        return r;
    }

    private static long number(String s, int at, long ceiling, boolean units, String name, String forms)
            throws ParseProblem {
        String t = s.toLowerCase(Locale.ROOT);
        long scale = 1;
        if (units) {
            String[][] suffixes = {{"kib", "1024"}, {"mib", "1048576"}, {"kb", "1024"}, {"mb", "1048576"},
                {"k", "1024"}, {"m", "1048576"}, {"b", "1"}};
            for (String[] u : suffixes) {
                if (t.endsWith(u[0])) {
                    t = t.substring(0, t.length() - u[0].length());
                    scale = Long.parseLong(u[1]);
                    break;
                }
            }
        }
        if (t.isEmpty() || !t.chars().allMatch(Character::isDigit)) {
            throw new ParseProblem(at, at + Math.max(1, s.length()), name + " needs " + forms + ", not '" + s
                    + "'");
        }
        long n;
        try {
            n = Math.multiplyExact(Long.parseLong(t), scale);
        } catch (ArithmeticException | NumberFormatException e) {
            n = Long.MAX_VALUE;
        }
        if (n > ceiling) {
            throw new ParseProblem(at, at + s.length(), name + " goes up to " + ceiling + ", not " + s);
        }
        return n;
    }

    /** Characters up to white space. */
    private String bare() {
        int start = i;
        while (i < in.length() && !Character.isWhitespace(in.charAt(i))) {
            i++;
        }
        return in.substring(start, i);
    }

    /** A double-quoted string starting at {@code i}; {@code \"} and {@code \\} are the only escapes. */
    private String quoted() throws ParseProblem {
        int open = i++;
        StringBuilder sb = new StringBuilder();
        while (i < in.length()) {
            char c = in.charAt(i++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\' && i < in.length() && (in.charAt(i) == '"' || in.charAt(i) == '\\')) {
                c = in.charAt(i++);
            }
            sb.append(c);
        }
        throw new ParseProblem(open, in.length(), "the quote opened here is not closed");
    }

    private void skipSpace() {
        while (i < in.length() && Character.isWhitespace(in.charAt(i))) {
            i++;
        }
    }
}
