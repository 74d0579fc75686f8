package org.mqscope.mq;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
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

    /**
     * A file's I/O failure as its errno and the system's words, naming the file: "/root/x.jsonl: ENOENT (No such
     * file or directory)". Java reports these as exception types or as the C library's text; both become the errno.
     */
    public static String ofFile(IOException e) {
        Errno errno = errnoOf(e);
        String file = e instanceof FileSystemException f ? f.getFile() : null;
        String what = errno != null ? errno.name() + " (" + errno.description() + ")" : message(e);
        String suffix = errno == null ? null : " (" + errno.description() + ")";
        if (file == null && suffix != null && message(e).endsWith(suffix)) {
            // java.io's form: "/tmp/x (No such file or directory)"
            file = message(e).substring(0, message(e).length() - suffix.length());
        }
        return file == null ? what : file + ": " + what;
    }

    /** The errno behind a file's I/O failure, or null when Java does not say. */
    public static Errno errnoOf(IOException e) {
        if (e instanceof AccessDeniedException) {
            return Errno.EACCES;
        }
        if (e instanceof NoSuchFileException || e instanceof FileNotFoundException && message(e).endsWith(
                "(" + Errno.ENOENT.description() + ")")) {
            return Errno.ENOENT;
        }
        if (e instanceof NotDirectoryException) {
            return Errno.ENOTDIR;
        }
        if (e instanceof FileAlreadyExistsException) {
            return Errno.EEXIST;
        }
        String reason = e instanceof FileSystemException f ? f.getReason() : message(e);
        for (Errno errno : Errno.values()) {
            if (reason != null && (reason.equalsIgnoreCase(errno.description())
                    || reason.endsWith("(" + errno.description() + ")"))) {
                return errno;
            }
        }
        return null;
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
