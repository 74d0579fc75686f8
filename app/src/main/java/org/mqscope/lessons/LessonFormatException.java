package org.mqscope.lessons;

/** A lesson file that cannot be read: the message names the source and the line, and says what is wrong. */
public final class LessonFormatException extends Exception {
    private final String source;
    private final int line;

    public LessonFormatException(String source, int line, String problem) {
        super(source + " line " + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    /** 1-based line number (0: the file as a whole, e.g. it has no steps). */
    public int line() {
        return line;
    }
}
