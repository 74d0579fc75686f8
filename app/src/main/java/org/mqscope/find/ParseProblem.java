package org.mqscope.find;

/** A syntax error while parsing; the parser turns it into a {@link FilterError}, it never reaches a user. */
final class ParseProblem extends Exception {
    private static final long serialVersionUID = 1L;
    final int start;
    final int end;

    ParseProblem(int start, int end, String reason) {
        super(reason, null, false, false);
        this.start = start;
        this.end = Math.max(start, end);
    }
}
