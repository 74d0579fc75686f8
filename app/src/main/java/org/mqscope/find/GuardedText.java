package org.mqscope.find;

import java.util.function.BooleanSupplier;

/**
 * A message's text as a regular expression sees it, watched: every {@value #CHECK_EVERY} characters read it asks
 * whether the run was cancelled or this one message has taken longer than its budget, and gives up by throwing
 * {@link Abandoned}. A pattern such as {@code (a+)+b} can take exponential time on one payload; without this it
 * would hold the window's executor until it finished.
 */
final class GuardedText implements CharSequence {
    /** How often the guard looks at the clock and the cancel flag: rarely enough to cost next to nothing. */
    private static final int CHECK_EVERY = 1 << 14;

    /** Why a match was given up: the run was cancelled, or the message took too long. */
    static final class Abandoned extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final boolean cancelled;

        Abandoned(boolean cancelled) {
            super(cancelled ? "cancelled" : "too slow", null, false, false);
            this.cancelled = cancelled;
        }
    }

    private final String text;
    private final BooleanSupplier cancelled;
    private final long deadline;
    private int reads;

    GuardedText(String text, BooleanSupplier cancelled, long deadlineNanos) {
        this.text = text;
        this.cancelled = cancelled;
        this.deadline = deadlineNanos;
    }

    @Override
    public char charAt(int index) {
        if (++reads == CHECK_EVERY) {
            reads = 0;
            if (cancelled.getAsBoolean()) {
                throw new Abandoned(true);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new Abandoned(false);
            }
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
