package org.mqscope.find;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON body as plain Java values (LinkedHashMap for objects, in document order; ArrayList for arrays; String;
 * BigDecimal; Boolean; {@link #NULL}), read with jackson-core's streaming parser, and the structural difference
 * of two such trees by path. An explicit stack keeps deep nesting off the Java stack.
 */
final class JsonTree {
    /** JSON null (a Java null could not sit in the maps without ambiguity). */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    /** Containers shown in one cell are cut here. */
    private static final int CELL_CHARS = 200;

    private JsonTree() {
    }

    /** The tree, or empty when the body is not exactly one JSON value. */
    static Optional<Object> parse(byte[] body) {
        try (JsonParser p = FACTORY.createParser(body)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return Optional.empty();
            }
            List<Object> stack = new ArrayList<>();
            List<String> names = new ArrayList<>();
            Object root = null;
            while (t != null) {
                Object value = null;
                boolean complete = true;
                switch (t) {
                    case START_OBJECT -> {
                        stack.add(new LinkedHashMap<String, Object>());
                        complete = false;
                    }
                    case START_ARRAY -> {
                        stack.add(new ArrayList<Object>());
                        complete = false;
                    }
                    case END_OBJECT, END_ARRAY -> value = stack.remove(stack.size() - 1);
                    case FIELD_NAME -> {
                        names.add(p.currentName());
                        complete = false;
                    }
                    case VALUE_STRING -> value = p.getText();
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> value = p.getDecimalValue();
                    case VALUE_TRUE -> value = Boolean.TRUE;
                    case VALUE_FALSE -> value = Boolean.FALSE;
                    case VALUE_NULL -> value = NULL;
                    default -> throw new IOException("unexpected " + t);
                }
                if (complete) {
                    if (stack.isEmpty()) {
                        root = value;
                        if (p.nextToken() != null) {
                            return Optional.empty(); // a second value after the first
                        }
                        break;
                    }
                    add(stack.get(stack.size() - 1), names, value);
                }
                t = p.nextToken();
            }
            return Optional.ofNullable(root);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    private static void add(Object container, List<String> names, Object value) {
        if (container instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).put(names.remove(names.size() - 1), value);
        } else {
            ((List<Object>) container).add(value);
        }
    }

    /** Rows of path, left value, right value, in the left document's order with the right's new members after. */
    static List<Comparison.Row> diff(Object left, Object right) {
        List<Comparison.Row> rows = new ArrayList<>();
        diff("$", left, right, rows);
        return rows;
    }

    private static void diff(String path, Object l, Object r, List<Comparison.Row> rows) {
        if (l instanceof Map<?, ?> lm && r instanceof Map<?, ?> rm) {
            for (Map.Entry<?, ?> e : lm.entrySet()) {
                String p = path + member((String) e.getKey());
                if (rm.containsKey(e.getKey())) {
                    diff(p, e.getValue(), rm.get(e.getKey()), rows);
                } else {
                    rows.add(row(Comparison.Change.REMOVED, p, e.getValue(), null));
                }
            }
            for (Map.Entry<?, ?> e : rm.entrySet()) {
                if (!lm.containsKey(e.getKey())) {
                    rows.add(row(Comparison.Change.ADDED, path + member((String) e.getKey()), null, e.getValue()));
                }
            }
        } else if (l instanceof List<?> ll && r instanceof List<?> rl) {
            diffArrays(path, ll, rl, rows);
        } else {
            rows.add(row(sameValue(l, r) ? Comparison.Change.SAME : Comparison.Change.CHANGED, path, l, r));
        }
    }

    /**
     * Arrays are aligned by java-diff-utils on their elements (compared as compact JSON), so one element inserted
     * at the front reads as one added element rather than every element changed. Elements paired inside a changed
     * stretch are compared member by member. A path names the right-hand index, or the left-hand one for a removal.
     */
    private static void diffArrays(String path, List<?> ll, List<?> rl, List<Comparison.Row> rows) {
        List<String> lk = ll.stream().map(JsonTree::key).toList();
        List<String> rk = rl.stream().map(JsonTree::key).toList();
        int li = 0;
        int ri = 0;
        for (AbstractDelta<String> d : DiffUtils.diff(lk, rk).getDeltas()) {
            for (; li < d.getSource().getPosition(); li++, ri++) {
                diff(path + "[" + ri + "]", ll.get(li), rl.get(ri), rows);
            }
            int ls = d.getSource().size();
            int rs = d.getTarget().size();
            for (int k = 0; k < Math.max(ls, rs); k++) {
                if (k < ls && k < rs) {
                    diff(path + "[" + (ri + k) + "]", ll.get(li + k), rl.get(ri + k), rows);
                } else if (k < ls) {
                    rows.add(row(Comparison.Change.REMOVED, path + "[" + (li + k) + "]", ll.get(li + k), null));
                } else {
                    rows.add(row(Comparison.Change.ADDED, path + "[" + (ri + k) + "]", null, rl.get(ri + k)));
                }
            }
            li += ls;
            ri += rs;
        }
        for (; li < ll.size(); li++, ri++) {
            diff(path + "[" + ri + "]", ll.get(li), rl.get(ri), rows);
        }
    }

    /** An element's identity for aligning arrays: its compact JSON, numbers normalised (1.0 is 1). */
    private static String key(Object v) {
        StringBuilder sb = new StringBuilder();
        write(v instanceof BigDecimal d ? d.stripTrailingZeros() : v, sb, Integer.MAX_VALUE);
        return sb.toString();
    }

    private static boolean sameValue(Object l, Object r) {
        if (l instanceof BigDecimal a && r instanceof BigDecimal b) {
            return a.compareTo(b) == 0; // 1.0 and 1 are the same number
        }
        return l.equals(r);
    }

    private static String member(String name) {
        boolean plain = !name.isEmpty() && name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
        return plain ? "." + name : "[\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    private static Comparison.Row row(Comparison.Change change, String path, Object l, Object r) {
        return new Comparison.Row(change, List.of(path, l == null ? "" : cell(l), r == null ? "" : cell(r)));
    }

    /** A value as compact JSON, cut at {@value #CELL_CHARS} characters. */
    static String cell(Object v) {
        StringBuilder sb = new StringBuilder();
        write(v, sb, CELL_CHARS);
        return sb.length() > CELL_CHARS ? sb.substring(0, CELL_CHARS) + "…" : sb.toString();
    }

    private static void write(Object v, StringBuilder sb, int limit) {
        if (sb.length() > limit) {
            return;
        }
        if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(first ? "" : ", ");
                first = false;
                quote((String) e.getKey(), sb);
                sb.append(": ");
                write(e.getValue(), sb, limit);
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                sb.append(i == 0 ? "" : ", ");
                write(l.get(i), sb, limit);
            }
            sb.append(']');
        } else if (v instanceof String s) {
            quote(s, sb);
        } else if (v instanceof BigDecimal d) {
            sb.append(d.toString());
        } else {
            sb.append(v);
        }
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
    }
}
