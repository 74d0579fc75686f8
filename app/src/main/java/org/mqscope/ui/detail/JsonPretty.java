package org.mqscope.ui.detail;

/**
 * A small JSON pretty-printer: checks the text is one JSON value (RFC 8259) and re-indents it by two spaces per
 * level. It streams over the characters with an explicit stack, so nesting depth costs no Java stack and a
 * malformed document is reported with the offset where it stops being JSON.
 */
public final class JsonPretty {
    private static final String INDENT = "  ";

    /** Why a text is not JSON, and where (character offset) it stops being JSON. */
    public static final class NotJson extends Exception {
        private static final long serialVersionUID = 1L;
        private final int offset;

        NotJson(String what, int offset) {
            super(what + " at character " + offset);
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }

    private final String in;
    private final StringBuilder out;
    private int pos;
    /** Open containers, innermost last: '{' or '['. */
    private char[] stack = new char[16];
    private int depth;

    private JsonPretty(String in) {
        this.in = in;
        this.out = new StringBuilder(in.length() + in.length() / 4);
    }

    /** The text re-indented; {@link NotJson} when it is not exactly one JSON value (whitespace around is fine). */
    public static String format(String json) throws NotJson {
        JsonPretty p = new JsonPretty(json);
        p.run();
        return p.out.toString();
    }

    private void run() throws NotJson {
        skipSpace();
        if (pos >= in.length()) {
            throw new NotJson("empty text", pos);
        }
        // Expecting a value; after it, a separator, a closer, or the end.
        boolean expectValue = true;
        while (true) {
            skipSpace();
            if (expectValue) {
                char c = peek("a value");
                if (c == '{' || c == '[') {
                    pos++;
                    out.append(c);
                    skipSpace();
                    char close = c == '{' ? '}' : ']';
                    if (pos < in.length() && in.charAt(pos) == close) {
                        pos++;
                        out.append(close); // empty container stays on one line
                        expectValue = false;
                        if (depth == 0) {
                            break;
                        }
                        continue;
                    }
                    push(c);
                    newline();
                    if (c == '{') {
                        member();
                    }
                    continue;
                }
                value();
                expectValue = false;
                if (depth == 0) {
                    break;
                }
                continue;
            }
            char c = peek(depth > 0 && stack[depth - 1] == '{' ? "',' or '}'" : "',' or ']'");
            char open = stack[depth - 1];
            if (c == ',') {
                pos++;
                out.append(',');
                newline();
                if (open == '{') {
                    member();
                }
                expectValue = true;
            } else if ((c == '}' && open == '{') || (c == ']' && open == '[')) {
                pos++;
                depth--;
                newline();
                out.append(c);
                if (depth == 0) {
                    break;
                }
            } else {
                throw new NotJson("expected " + (open == '{' ? "',' or '}'" : "',' or ']'") + " but found "
                        + describe(c), pos);
            }
        }
        skipSpace();
        if (pos < in.length()) {
            throw new NotJson("text after the JSON value: " + describe(in.charAt(pos)), pos);
        }
    }

    /** A member's key and colon; the value follows in the main loop. */
    private void member() throws NotJson {
        skipSpace();
        if (peek("a member name") != '"') {
            throw new NotJson("expected a member name in double quotes but found " + describe(in.charAt(pos)), pos);
        }
        string();
        skipSpace();
        if (peek("':'") != ':') {
            throw new NotJson("expected ':' but found " + describe(in.charAt(pos)), pos);
        }
        pos++;
        out.append(": ");
        skipSpace();
    }

    private void value() throws NotJson {
        char c = in.charAt(pos);
        if (c == '"') {
            string();
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            number();
        } else if (!literal("true") && !literal("false") && !literal("null")) {
            throw new NotJson("expected a value but found " + describe(c), pos);
        }
    }

    private boolean literal(String word) {
        if (in.startsWith(word, pos)) {
            out.append(word);
            pos += word.length();
            return true;
        }
        return false;
    }

    private void string() throws NotJson {
        int start = pos;
        pos++; // opening quote
        while (true) {
            if (pos >= in.length()) {
                throw new NotJson("unterminated string", start);
            }
            char c = in.charAt(pos);
            if (c == '"') {
                pos++;
                break;
            }
            if (c < 0x20) {
                throw new NotJson("control character U+" + String.format("%04X", (int) c) + " inside a string", pos);
            }
            if (c == '\\') {
                if (pos + 1 >= in.length()) {
                    throw new NotJson("unterminated string", start);
                }
                char e = in.charAt(pos + 1);
                if (e == 'u') {
                    if (pos + 6 > in.length() || !isHex(in, pos + 2, pos + 6)) {
                        throw new NotJson("bad \\u escape", pos);
                    }
                    pos += 6;
                    continue;
                }
                if ("\"\\/bfnrt".indexOf(e) < 0) {
                    throw new NotJson("bad escape \\" + e, pos);
                }
                pos += 2;
                continue;
            }
            pos++;
        }
        out.append(in, start, pos);
    }

    private void number() throws NotJson {
        int start = pos;
        if (in.charAt(pos) == '-') {
            pos++;
        }
        if (pos < in.length() && in.charAt(pos) == '0') {
            pos++;
        } else if (digits() == 0) {
            throw new NotJson("expected a digit", pos);
        }
        if (pos < in.length() && in.charAt(pos) == '.') {
            pos++;
            if (digits() == 0) {
                throw new NotJson("expected a digit after '.'", pos);
            }
        }
        if (pos < in.length() && (in.charAt(pos) == 'e' || in.charAt(pos) == 'E')) {
            pos++;
            if (pos < in.length() && (in.charAt(pos) == '+' || in.charAt(pos) == '-')) {
                pos++;
            }
            if (digits() == 0) {
                throw new NotJson("expected a digit in the exponent", pos);
            }
        }
        out.append(in, start, pos);
    }

    private int digits() {
        int n = 0;
        while (pos < in.length() && in.charAt(pos) >= '0' && in.charAt(pos) <= '9') {
            pos++;
            n++;
        }
        return n;
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private char peek(String expected) throws NotJson {
        if (pos >= in.length()) {
            throw new NotJson("the text ends where " + expected + " should follow", pos);
        }
        return in.charAt(pos);
    }

    private void skipSpace() {
        while (pos < in.length()) {
            char c = in.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private void push(char open) {
        if (depth == stack.length) {
            stack = java.util.Arrays.copyOf(stack, depth * 2);
        }
        stack[depth++] = open;
    }

    private void newline() {
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append(INDENT);
        }
    }

    private static String describe(char c) {
        return c < 0x20 || c == 0x7f ? "U+" + String.format("%04X", (int) c) : "'" + c + "'";
    }
}
