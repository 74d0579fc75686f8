package org.mqscope.ui.compose;

/**
 * A composer field that cannot be sent as it stands, in words for the user: the field, what is wrong and, where
 * mq_send would have refused it too, the errno it would give ("Priority: EINVAL — must be 0..32767").
 */
public final class ComposeException extends Exception {
    private static final long serialVersionUID = 1L;

    public ComposeException(String message) {
        super(message);
    }
}
