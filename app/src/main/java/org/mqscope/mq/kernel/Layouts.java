package org.mqscope.mq.kernel;

/**
 * Sizes and field offsets of the C structures the adapter passes to glibc (x86_64 / LP64). They are written into
 * per-thread native buffers by offset instead of through JNA {@code Structure}, so the hot paths pay for no
 * reflection. Checked against the headers' definitions in {@code LayoutsTest} and against the kernel itself in the
 * queue tests.
 */
final class Layouts {
    /** {@code struct mq_attr}: four longs and four longs of padding. */
    static final int MQ_ATTR_SIZE = 64;
    static final int MQ_FLAGS = 0;
    static final int MQ_MAXMSG = 8;
    static final int MQ_MSGSIZE = 16;
    static final int MQ_CURMSGS = 24;

    /** {@code struct sigevent} as glibc defines it (64 bytes, the tail is a padding union). */
    static final int SIGEVENT_SIZE = 64;
    static final int SIGEV_VALUE = 0;
    static final int SIGEV_SIGNO = 8;
    static final int SIGEV_NOTIFY = 12;
    static final int SIGEV_NOTIFY_FUNCTION = 16;
    static final int SIGEV_NOTIFY_ATTRIBUTES = 24;

    /** {@code struct timespec}: tv_sec, tv_nsec. */
    static final int TIMESPEC_SIZE = 16;
    static final int TV_SEC = 0;
    static final int TV_NSEC = 8;

    /** {@code struct pollfd}: int fd, short events, short revents. */
    static final int POLLFD_SIZE = 8;
    static final int POLLFD_FD = 0;
    static final int POLLFD_EVENTS = 4;
    static final int POLLFD_REVENTS = 6;

    /** {@code struct rlimit}: rlim_cur, rlim_max (unsigned long). */
    static final int RLIMIT_SIZE = 16;
    static final int RLIM_CUR = 0;

    /** {@code struct statfs}: f_type is the first long; 120 bytes on x86_64. */
    static final int STATFS_SIZE = 120;
    static final int STATFS_F_TYPE = 0;

    private Layouts() {
    }
}
