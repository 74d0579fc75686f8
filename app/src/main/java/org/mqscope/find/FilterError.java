package org.mqscope.find;

/**
 * Why a filter expression does not parse, and where: characters {@code start} (inclusive) to {@code end}
 * (exclusive) of the expression, so the bar can underline exactly that part.
 */
public record FilterError(int start, int end, String reason) {
    public FilterError {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    /** One line for a tooltip, a status bar or the command line: "column 6: prio: expects ...". */
    public String describe() {
        return "column " + (start + 1) + ": " + reason;
    }
}
