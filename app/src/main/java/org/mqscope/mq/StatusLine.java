package org.mqscope.mq;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of /dev/mqueue/&lt;name&gt; (and of read(2) on a queue descriptor):
 * {@code "QSIZE:%-10lu NOTIFY:%-5d SIGNO:%-5d NOTIFY_PID:%-6d\n"}, 60 bytes while the numbers fit their widths,
 * cut at 79 characters by the kernel's 80-byte buffer.
 */
public record StatusLine(long qsize, int notifyMethod, int signo, int notifyPid) {
    /** st_size of every queue file, and the kernel's buffer for the line. */
    public static final int FILE_SIZE = 80;

    private static final Pattern PATTERN =
            Pattern.compile("QSIZE:(\\d+)\\s+NOTIFY:(-?\\d+)\\s+SIGNO:(-?\\d+)\\s+NOTIFY_PID:(-?\\d+)\\s*");

    /** The line exactly as the kernel writes it. */
    public String text() {
        String s = String.format("QSIZE:%-10d NOTIFY:%-5d SIGNO:%-5d NOTIFY_PID:%-6d\n",
                qsize, notifyMethod, signo, notifyPid);
        return s.length() > FILE_SIZE - 1 ? s.substring(0, FILE_SIZE - 1) : s;
    }

    /** Parses a status line; throws IllegalArgumentException when the text is not one. */
    public static StatusLine parse(String text) {
        Matcher m = PATTERN.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an mqueue status line: " + text);
        }
        return new StatusLine(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
    }

    @Override
    public String toString() {
        return text();
    }
}
