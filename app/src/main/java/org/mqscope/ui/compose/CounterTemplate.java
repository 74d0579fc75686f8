package org.mqscope.ui.compose;

import java.nio.charset.StandardCharsets;

/**
 * A text payload in which {@value #PLACEHOLDER} stands for the message's number in a bulk send, 1 to N. Text
 * without the placeholder is sent unchanged every time.
 */
public final class CounterTemplate {
    public static final String PLACEHOLDER = "${n}";

    private final String[] parts;

    public CounterTemplate(String text) {
        parts = text.split("\\$\\{n}", -1);
    }

    public boolean hasPlaceholder() {
        return parts.length > 1;
    }

    /** The text of message {@code n} (1-based). */
    public String expand(long n) {
        if (parts.length == 1) {
            return parts[0];
        }
        String number = Long.toString(n);
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            sb.append(number).append(parts[i]);
        }
        return sb.toString();
    }

    /** Message {@code n} in UTF-8. */
    public byte[] bytes(long n) {
        return expand(n).getBytes(StandardCharsets.UTF_8);
    }

    /** The longest message of 1..{@code count}: the placeholder's number is longest at N. */
    public long maxBytes(long count) {
        return bytes(count).length;
    }

    /** The shortest message of 1..{@code count}. */
    public long minBytes(long count) {
        return bytes(1).length;
    }
}
