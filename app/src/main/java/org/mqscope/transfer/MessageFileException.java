package org.mqscope.transfer;

/** A message file that cannot be read as one: the message names the line (1 is the header) and what is wrong. */
public final class MessageFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final long line;

    public MessageFileException(long line, String problem) {
        super("line " + line + ": " + problem);
        this.line = line;
    }

    /** The 1-based line that is wrong (0 when the file itself cannot be read). */
    public long line() {
        return line;
    }
}
