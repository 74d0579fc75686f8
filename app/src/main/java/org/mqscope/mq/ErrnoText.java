package org.mqscope.mq;

import java.util.EnumMap;
import java.util.Map;

/**
 * An errno in words for a person, the same words in the window and on the command line: "EACCES: you lack
 * permission for this (...)". No Swing here, so the command line can use it without loading the GUI.
 */
public final class ErrnoText {
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

    private ErrnoText() {
    }

    /** The errno in words, e.g. "EACCES: you lack permission for this (...)". */
    public static String inWords(Errno errno, int code) {
        if (errno == Errno.UNKNOWN) {
            return "errno " + code + ": an error mqscope has no words for";
        }
        return errno.name() + ": " + WORDS.getOrDefault(errno, lowerFirst(errno.description()));
    }

    /** The failure's errno in words. */
    public static String inWords(MqException e) {
        return inWords(e.errno(), e.code());
    }

    /** The failed call as the C API names it: "mq_open /orders: EACCES (Permission denied)". */
    public static String call(MqException e) {
        return e.summary();
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
