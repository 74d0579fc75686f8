package org.mqscope.ui.core;

import org.mqscope.mq.Errno;
import org.mqscope.mq.ErrnoText;
import org.mqscope.mq.MqException;

/**
 * Failures in words for the user: never a stack trace. The errno words themselves are {@link ErrnoText}'s, shared
 * with the command line. An {@link MqException} becomes its errno in words plus
 * the call that failed and the backend's own advice (its detail, e.g. how to mount /dev/mqueue).
 */
public final class ErrorText {

    /**
     * @param headline one sentence, starting with the errno name when there is one
     * @param call     the failed call as the C API names it, e.g. "mq_open /orders: EACCES (Permission denied)"
     * @param detail   advice from the backend (null when none)
     */
    public record Explanation(String headline, String call, String detail) {
        /** Everything on separate lines, for a label's tooltip or a log line. */
        public String fullText() {
            StringBuilder sb = new StringBuilder(headline);
            if (call != null) {
                sb.append('\n').append(call);
            }
            if (detail != null) {
                sb.append('\n').append(detail);
            }
            return sb.toString();
        }
    }

    private ErrorText() {
    }

    /** The errno in words, e.g. "EACCES: you lack permission for this (...)". */
    public static String inWords(Errno errno, int code) {
        return ErrnoText.inWords(errno, code);
    }

    /** Explains any failure of a backend call. */
    public static Explanation explain(Throwable t) {
        if (t instanceof MqException e) {
            return new Explanation(inWords(e.errno(), e.code()), ErrnoText.call(e), e.detail());
        }
        if (t instanceof java.io.IOException e) {
            return new Explanation(upperFirst(ErrnoText.ofFile(e)), null, null);
        }
        if (t instanceof LinkageError) {
            return new Explanation("A native library could not be loaded", null, message(t));
        }
        return new Explanation(upperFirst(message(t)), null, null);
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    private static String upperFirst(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
