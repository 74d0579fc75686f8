package org.mqscope.ui.app;

/** A command line that cannot be obeyed; the message names the offending option or value. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
