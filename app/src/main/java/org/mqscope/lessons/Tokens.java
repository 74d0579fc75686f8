package org.mqscope.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Splits a lesson line into words and "quoted texts" (with \" and \\ inside quotes). */
final class Tokens {
    private Tokens() {
    }

    static List<String> split(String s, Function<String, LessonFormatException> error) throws LessonFormatException {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                        i++;
                    }
                    b.append(s.charAt(i++));
                }
                if (i >= s.length()) {
                    throw error.apply("a quote is not closed: " + s);
                }
                i++;
                out.add(b.toString());
            } else {
                int start = i;
                while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                out.add(s.substring(start, i));
            }
        }
        return out;
    }
}
