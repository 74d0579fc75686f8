package org.mqscope.mq;

/**
 * Linux error numbers (x86_64, asm-generic) with the text strerror(3) gives for them. Codes the adapters can
 * meet on the mqueue calls and the files they read are listed; any other code maps to {@link #UNKNOWN}, and the
 * raw number stays available in {@link MqException#code()}.
 */
public enum Errno {
    UNKNOWN(0, "Unknown error"),
    EPERM(1, "Operation not permitted"),
    ENOENT(2, "No such file or directory"),
    ESRCH(3, "No such process"),
    EINTR(4, "Interrupted system call"),
    EIO(5, "Input/output error"),
    ENXIO(6, "No such device or address"),
    E2BIG(7, "Argument list too long"),
    EBADF(9, "Bad file descriptor"),
    ECHILD(10, "No child processes"),
    EAGAIN(11, "Resource temporarily unavailable"),
    ENOMEM(12, "Cannot allocate memory"),
    EACCES(13, "Permission denied"),
    EFAULT(14, "Bad address"),
    EBUSY(16, "Device or resource busy"),
    EEXIST(17, "File exists"),
    ENODEV(19, "No such device"),
    ENOTDIR(20, "Not a directory"),
    EISDIR(21, "Is a directory"),
    EINVAL(22, "Invalid argument"),
    ENFILE(23, "Too many open files in system"),
    EMFILE(24, "Too many open files"),
    ENOTTY(25, "Inappropriate ioctl for device"),
    ENOSPC(28, "No space left on device"),
    EROFS(30, "Read-only file system"),
    EPIPE(32, "Broken pipe"),
    ERANGE(34, "Numerical result out of range"),
    ENAMETOOLONG(36, "File name too long"),
    ENOSYS(38, "Function not implemented"),
    ENOMSG(42, "No message of desired type"),
    EPROTO(71, "Protocol error"),
    EOVERFLOW(75, "Value too large for defined data type"),
    EMSGSIZE(90, "Message too long"),
    EOPNOTSUPP(95, "Operation not supported"),
    ETIMEDOUT(110, "Connection timed out"),
    ESTALE(116, "Stale file handle");

    private static final Errno[] BY_CODE = new Errno[128];

    static {
        for (Errno e : values()) {
            if (e != UNKNOWN) {
                BY_CODE[e.code] = e;
            }
        }
    }

    private final int code;
    private final String description;

    Errno(int code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The Linux errno value. */
    public int code() {
        return code;
    }

    /** What strerror(3) says for this code, e.g. "Permission denied". */
    public String description() {
        return description;
    }

    /** The constant for a Linux errno value; {@link #UNKNOWN} for codes not listed here. */
    public static Errno of(int code) {
        Errno e = code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        return e != null ? e : UNKNOWN;
    }
}
