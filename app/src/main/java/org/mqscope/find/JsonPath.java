package org.mqscope.find;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A path into a JSON body, {@code $.customer.tier} or {@code $.items[0].qty} (also {@code $["odd key"]}), and the
 * comparison of the value found there. Evaluation streams the body through jackson-core's parser, descending only
 * into the members on the path: nothing is materialised, and a body that is not JSON simply does not match.
 */
public final class JsonPath {
    /** How the value at the path is compared with the literal; EXISTS has no literal. */
    public enum Op {
        EXISTS(""), EQ("="), NE("!="), GT(">"), GE(">="), LT("<"), LE("<=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** Thread-safe once built; parsers come from it per message. */
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final String text;
    private final List<Object> segments;
    /** Each member name on the path as it must appear in a body without escapes: {@code "name"} in UTF-8. */
    private final List<byte[]> quotedNames;

    private JsonPath(String text, List<Object> segments) {
        this.text = text;
        this.segments = List.copyOf(segments);
        this.quotedNames = segments.stream().filter(String.class::isInstance)
                .map(n -> ("\"" + n + "\"").getBytes(java.nio.charset.StandardCharsets.UTF_8)).toList();
    }

    /** The path as typed. */
    public String text() {
        return text;
    }

    /** Member names (String) and array indexes (Integer), outermost first. */
    public List<Object> segments() {
        return segments;
    }

    /** The last member name on the path, or null when it ends at the root or an index. */
    public String lastName() {
        return segments.isEmpty() || !(segments.get(segments.size() - 1) instanceof String s) ? null : s;
    }

    /**
     * Reads a path starting at {@code from} (which holds '$') and returns it with the index just after it: names
     * run until one of {@code .[=!<>} or white space.
     */
    static Parsed parse(String in, int from) throws ParseProblem {
        List<Object> segs = new ArrayList<>();
        int i = from + 1;
        while (i < in.length()) {
            char c = in.charAt(i);
            if (c == '.') {
                int start = ++i;
                while (i < in.length() && !isPathStop(in.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    throw new ParseProblem(start - 1, start, "'.' must be followed by a member name");
                }
                segs.add(in.substring(start, i));
            } else if (c == '[') {
                int close = in.indexOf(']', i);
                if (close < 0) {
                    throw new ParseProblem(i, in.length(), "'[' is not closed with ']'");
                }
                String inside = in.substring(i + 1, close).trim();
                if (inside.length() >= 2 && inside.charAt(0) == '"' && inside.endsWith("\"")) {
                    segs.add(inside.substring(1, inside.length() - 1));
                } else {
                    try {
                        int index = Integer.parseInt(inside);
                        if (index < 0) {
                            throw new NumberFormatException();
                        }
                        segs.add(index);
                    } catch (NumberFormatException e) {
                        throw new ParseProblem(i, close + 1, "an array index is a whole number from 0, or a "
                                + "quoted member name, not '" + inside + "'");
                    }
                }
                i = close + 1;
            } else if (isPathStop(c)) {
                break;
            } else {
                throw new ParseProblem(i, i + 1, "after '$' comes '.name' or '[index]', not '" + c + "'");
            }
        }
        return new Parsed(new JsonPath(in.substring(from, i), segs), i);
    }

    record Parsed(JsonPath path, int end) {
    }

    private static boolean isPathStop(char c) {
        return c == '.' || c == '[' || c == '=' || c == '!' || c == '<' || c == '>' || Character.isWhitespace(c);
    }

    /**
     * The literal a value is compared with, parsed once: its text and, when it is a number, its value. Ordering
     * ({@code > >= < <=}) compares numbers only; {@code = !=} compare numbers as numbers and anything else as text.
     */
    public record Literal(String text, double number, boolean numeric) {
        static Literal of(String text) {
            try {
                return new Literal(text, Double.parseDouble(text), !text.isBlank() && !text.endsWith("d")
                        && !text.endsWith("f") && !text.endsWith("D") && !text.endsWith("F"));
            } catch (NumberFormatException e) {
                return new Literal(text, Double.NaN, false);
            }
        }
    }

    /**
     * True when the body is one JSON value with a value at this path that satisfies {@code op literal}. The whole
     * body is read: a body that stops being JSON after the value (or holds a second value) is not JSON.
     */
    public boolean test(byte[] body, Op op, Literal literal) {
        if (!mayBeJson(body) || !mayHoldPath(body)) {
            return false;
        }
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() == null) {
                return false;
            }
            boolean holds = walk(p, 0, op, literal);
            return p.nextToken() == null && holds; // one value, nothing after it
        } catch (IOException | RuntimeException e) {
            // Not JSON: such a body has no value at any path.
            return false;
        }
    }

    /** Cheap refusal of most non-JSON bodies: the first non-blank byte must be able to start a JSON value. */
    private static boolean mayBeJson(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b == '{' || b == '[' || b == '"' || b == '-' || (b >= '0' && b <= '9') || b == 't'
                        || b == 'f' || b == 'n';
            }
        }
        return false;
    }

    /**
     * False when the body certainly has no value at this path: it has no backslash (so no member name is written
     * with escapes) and one of the path's names does not appear in quotes. Spares most bodies the parser.
     */
    private boolean mayHoldPath(byte[] body) {
        if (quotedNames.isEmpty()) {
            return true;
        }
        for (byte b : body) {
            if (b == '\\') {
                return true;
            }
        }
        for (byte[] name : quotedNames) {
            if (Term.Hex.indexOf(body, name, 0) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The parser stands on the value at {@code segments[0..k)}: descends towards the rest of the path, skipping
     * (but still reading) every other member, and leaves the parser on the last token of this value.
     */
    private boolean walk(JsonParser p, int k, Op op, Literal literal) throws IOException {
        JsonToken t = p.currentToken();
        if (k == segments.size()) {
            boolean holds = switch (op) {
                case EXISTS -> true;
                case EQ -> equalsLiteral(p, t, literal);
                case NE -> !equalsLiteral(p, t, literal);
                case GT, GE, LT, LE -> t.isNumeric() && literal.numeric() && compare(p.getDoubleValue(), op,
                        literal.number());
            };
            p.skipChildren();
            return holds;
        }
        Object seg = segments.get(k);
        boolean found = false;
        boolean holds = false;
        if (t == JsonToken.START_OBJECT && seg instanceof String name) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                boolean here = !found && name.equals(p.currentName());
                p.nextToken();
                if (here) {
                    found = true;
                    holds = walk(p, k + 1, op, literal);
                } else {
                    p.skipChildren();
                }
            }
        } else if (t == JsonToken.START_ARRAY && seg instanceof Integer index) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (i++ == index) {
                    holds = walk(p, k + 1, op, literal);
                } else {
                    p.skipChildren();
                }
            }
        } else {
            p.skipChildren();
        }
        return holds;
    }

    private static boolean equalsLiteral(JsonParser p, JsonToken t, Literal literal) throws IOException {
        if (t.isNumeric()) {
            return literal.numeric() && p.getDoubleValue() == literal.number();
        }
        if (t == JsonToken.VALUE_STRING) {
            return p.getText().equals(literal.text());
        }
        if (t.isScalarValue()) { // true, false, null
            return t.asString().equals(literal.text());
        }
        return false; // an object or array equals no literal
    }

    private static boolean compare(double v, Op op, double n) {
        return switch (op) {
            case GT -> v > n;
            case GE -> v >= n;
            case LT -> v < n;
            case LE -> v <= n;
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
