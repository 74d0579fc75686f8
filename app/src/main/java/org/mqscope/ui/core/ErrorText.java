package org.mqscope.ui.core;

import org.mqscope.mq.Errno;
import org.mqscope.mq.MqException;

import java.util.EnumMap;
import java.util.Map;

/**
 * Failures in words for the user: never a stack trace. An {@link MqException} becomes its errno in words plus
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

    private static final Map<Errno, String> WORDS = new EnumMap<>(Errno.class);

    static {
        WORDS.put(Errno.EACCES, "you lack permission for this (see the mode and owner in ls -l /dev/mqueue)");
        WORDS.put(Errno.EPERM, "the operation is not permitted to this user");
        WORDS.put(Errno.ENOENT, "there is no such queue or directory");
        WORDS.put(Errno.ENOSYS, "this kernel has no POSIX message queues (built without CONFIG_POSIX_MQUEUE)");
        WORDS.put(Errno.ENODEV, "the mqueue file system is not available here");
        WORDS.put(Errno.ENOTDIR, "a path that should be a directory is not one");
        WORDS.put(Errno.EMFILE, "this process has too many open files");
        WORDS.put(Errno.ENFILE, "the system has too many open files");
        WORDS.put(Errno.ENOMEM, "the kernel could not allocate memory for this (or RLIMIT_MSGQUEUE is used up)");
        WORDS.put(Errno.ENOSPC, "the system-wide queue limit (queues_max) is reached");
        WORDS.put(Errno.EEXIST, "a queue with that name already exists");
        WORDS.put(Errno.EINVAL, "the kernel rejected an argument as invalid");
        WORDS.put(Errno.ENAMETOOLONG, "the queue name is too long");
        WORDS.put(Errno.EMSGSIZE, "the message does not fit the queue's message size");
        WORDS.put(Errno.EAGAIN, "the queue is full or empty and the call would have had to wait");
        WORDS.put(Errno.ETIMEDOUT, "the call gave up waiting at its deadline");
        WORDS.put(Errno.EBADF, "the queue descriptor is closed or lacks the access this call needs");
        WORDS.put(Errno.EINTR, "a signal interrupted the call");
        WORDS.put(Errno.EIO, "the system reported an input/output error");
        WORDS.put(Errno.EOPNOTSUPP, "mqscope does not support this on the real kernel");
    }

    private ErrorText() {
    }

    /** The errno in words, e.g. "EACCES: you lack permission for this (...)". */
    public static String inWords(Errno errno, int code) {
        if (errno == Errno.UNKNOWN) {
            return "errno " + code + ": an error mqscope has no words for";
        }
        return errno.name() + ": " + WORDS.getOrDefault(errno, lowerFirst(errno.description()));
    }

    /** Explains any failure of a backend call. */
    public static Explanation explain(Throwable t) {
        if (t instanceof MqException e) {
            StringBuilder call = new StringBuilder(e.operation());
            if (e.queue() != null) {
                call.append(' ').append(e.queue());
            }
            call.append(": ").append(e.errno() == Errno.UNKNOWN ? "errno " + e.code() : e.errno().name())
                    .append(" (").append(e.errno().description()).append(')');
            return new Explanation(inWords(e.errno(), e.code()), call.toString(), e.detail());
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

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String upperFirst(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
