package org.mqscope.mq;

/**
 * Flag and limit constants with the values Linux uses on x86_64 (see mq_open(3), mq_overview(7)).
 * They are passed unchanged to the kernel, so they must match the C headers of this architecture.
 */
public final class Mq {
    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 1;
    public static final int O_RDWR = 2;
    /** Mask of the access-mode bits; the value 3 is accepted when creating and rejected (EINVAL) when opening. */
    public static final int O_ACCMODE = 3;
    public static final int O_CREAT = 0100;
    public static final int O_EXCL = 0200;
    public static final int O_NONBLOCK = 04000;
    /** Harmless and accepted: the kernel sets close-on-exec on every queue descriptor anyway. */
    public static final int O_CLOEXEC = 02000000;
    /**
     * The flags both backends accept in mq_open: those mq_open(3) documents, plus O_CLOEXEC. Linux passes any other
     * open(2) flag through to the file it opens, with effects no program wants: O_PATH creates the queue and hands
     * back a descriptor that every mq_* call rejects (EBADF), O_DIRECT creates the queue and then fails with EINVAL.
     * mqscope refuses such flags with EINVAL before anything is created, on both backends alike.
     */
    public static final int DOCUMENTED_OFLAGS = O_ACCMODE | O_CREAT | O_EXCL | O_NONBLOCK | O_CLOEXEC;

    /** Priorities run from 0 to {@code PRIO_MAX - 1}. */
    public static final int PRIO_MAX = 32768;

    /** Longest queue name, in bytes, without the leading slash. */
    public static final int NAME_MAX = 255;
    /** getname() refuses kernel names of this many bytes or more (including the terminating NUL). */
    public static final int PATH_MAX = 4096;

    /** Hard ceilings that hold even with CAP_SYS_RESOURCE. */
    public static final long HARD_MSGMAX = 65536;
    public static final long HARD_MSGSIZEMAX = 16L * 1024 * 1024;

    /** poll(2) event bits as Linux reports them for a queue descriptor. */
    public static final int POLLIN = 0x001;
    public static final int POLLOUT = 0x004;

    /** Default file mode for queues created through the UI: owner and group read/write. */
    public static final int DEFAULT_MODE = 0660;

    private Mq() {
    }

    /**
     * EINVAL, naming the flags, when {@code oflag} has a bit outside {@link #DOCUMENTED_OFLAGS}; checked right after
     * the name is known to be there (EFAULT) and before any other check, so nothing is ever created with it.
     */
    public static void checkOflag(String name, int oflag) throws MqException {
        int extra = oflag & ~DOCUMENTED_OFLAGS;
        if (extra != 0) {
            throw new MqException(Errno.EINVAL, "mq_open", name, String.format(java.util.Locale.ROOT,
                    "oflag 0%o is not a flag mq_open documents; mqscope refuses it before calling the kernel, "
                            + "which would create the queue and then fail (O_DIRECT: EINVAL) or return a descriptor "
                            + "mq_getattr rejects (O_PATH: EBADF)", extra));
        }
    }

    /** The access-mode part of {@code oflag}. */
    public static int accessMode(int oflag) {
        return oflag & O_ACCMODE;
    }

    public static boolean canRead(int oflag) {
        int acc = accessMode(oflag);
        return acc == O_RDONLY || acc == O_RDWR;
    }

    public static boolean canWrite(int oflag) {
        int acc = accessMode(oflag);
        return acc == O_WRONLY || acc == O_RDWR;
    }

    /** {@code oflag} as C spells it: "O_RDWR|O_CREAT|O_NONBLOCK". */
    public static String describeFlags(int oflag) {
        StringBuilder b = new StringBuilder(switch (accessMode(oflag)) {
            case O_RDONLY -> "O_RDONLY";
            case O_WRONLY -> "O_WRONLY";
            case O_RDWR -> "O_RDWR";
            default -> "O_ACCMODE";
        });
        if ((oflag & O_CREAT) != 0) {
            b.append("|O_CREAT");
        }
        if ((oflag & O_EXCL) != 0) {
            b.append("|O_EXCL");
        }
        if ((oflag & O_NONBLOCK) != 0) {
            b.append("|O_NONBLOCK");
        }
        return b.toString();
    }
}
