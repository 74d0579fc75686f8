package org.mqscope.ui.core;

/**
 * Lines computed on demand, so a view of a 16 MiB payload only ever builds the lines on screen. Implementations
 * are immutable and may be built off the EDT.
 */
public interface LineSource {
    LineSource EMPTY = new LineSource() {
        @Override
        public int lineCount() {
            return 0;
        }

        @Override
        public String line(int index) {
            throw new IndexOutOfBoundsException("no lines");
        }

        @Override
        public int longestLine() {
            return 0;
        }
    };

    int lineCount();

    /** The text of one line, without a line break; tabs and control characters already replaced. */
    String line(int index);

    /** Characters in the longest line (or a bound for it): the view's width in a monospaced font. */
    int longestLine();

    /** Every line joined by '\n' (what copying the whole view gives); only for sources of reasonable size. */
    default String joined() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lineCount(); i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(line(i));
        }
        return sb.toString();
    }
}
