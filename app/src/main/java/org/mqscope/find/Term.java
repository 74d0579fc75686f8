package org.mqscope.find;

import java.util.regex.Pattern;

/**
 * One term of a filter. A message matches a filter when it matches every term (AND by juxtaposition).
 * {@code source} is the term as typed, for tooltips and saved views.
 */
public sealed interface Term {
    boolean test(Candidate m);

    String source();

    /**
     * Plain words or a quoted phrase: the body as text contains it, ignoring case. {@code ascii} is the phrase's
     * bytes when it is all ASCII (then an ASCII body is searched as bytes), else null; it is derived, not compared.
     */
    record Words(String phrase, String source, byte[] ascii) implements Term {
        public Words(String phrase, String source) {
            this(phrase, source, null);
        }

        public Words {
            phrase = phrase.toLowerCase(java.util.Locale.ROOT);
            ascii = asciiBytes(phrase);
        }

        @Override
        public boolean test(Candidate m) {
            if (ascii != null && m.ascii()) { // the common case, searched in the bytes as they are
                return Candidate.indexOfIgnoreCase(m.body(), ascii) >= 0;
            }
            return m.lower().contains(phrase);
        }

        /** The phrase as bytes when it is all ASCII, else null. */
        private static byte[] asciiBytes(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) >= 0x80) {
                    return null;
                }
            }
            return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Words w && w.phrase.equals(phrase) && w.source.equals(source);
        }

        @Override
        public int hashCode() {
            return phrase.hashCode() * 31 + source.hashCode();
        }

        @Override
        public String toString() {
            return "Words[" + phrase + "]";
        }
    }

    /** {@code re:PATTERN}: a regular expression found anywhere in the body as text (case-sensitive unless (?i)). */
    record Regex(Pattern pattern, String source) implements Term {
        @Override
        public boolean test(Candidate m) {
            return pattern.matcher(m.guardedText()).find();
        }
    }

    /** {@code hex:CA FE}: the body contains this byte sequence. */
    record Hex(byte[] bytes, String source) implements Term {
        @Override
        public boolean test(Candidate m) {
            return indexOf(m.body(), bytes, 0) >= 0;
        }

        /** First index of {@code needle} in {@code hay} at or after {@code from}, or -1. */
        static int indexOf(byte[] hay, byte[] needle, int from) {
            if (needle.length == 0) {
                return from <= hay.length ? from : -1;
            }
            byte first = needle[0];
            int last = hay.length - needle.length;
            outer:
            for (int i = Math.max(0, from); i <= last; i++) {
                if (hay[i] != first) {
                    continue;
                }
                for (int j = 1; j < needle.length; j++) {
                    if (hay[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    /** {@code prio:9}, {@code prio:>=5}, {@code prio:1..4}. */
    record Priority(Range range, String source) implements Term {
        @Override
        public boolean test(Candidate m) {
            return range.contains(m.priority());
        }
    }

    /** {@code size:>1k}: the message's length in bytes. */
    record Size(Range range, String source) implements Term {
        @Override
        public boolean test(Candidate m) {
            return range.contains(m.size());
        }
    }

    /** {@code $.customer.tier=gold}: a value in a JSON body; never true for a body that is not JSON. */
    record Json(JsonPath path, JsonPath.Op op, JsonPath.Literal literal, String source) implements Term {
        @Override
        public boolean test(Candidate m) {
            return path.test(m.body(), op, literal);
        }
    }

    /** {@code -term}: the opposite. */
    record Not(Term term, String source) implements Term {
        @Override
        public boolean test(Candidate m) {
            return !term.test(m);
        }
    }
}
