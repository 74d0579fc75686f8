package org.mqscope.mq.kernel;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/** The plain libc calls the adapter needs besides mq_*, bound by JNA direct mapping to libc. */
final class PosixNative {
    private PosixNative() {
    }

    static void bind(NativeLibrary libc) {
        Native.register(PosixNative.class, libc);
    }

    static final int O_RDONLY = 0;
    static final int O_RDWR = 2;
    static final int O_NONBLOCK = 04000;
    static final int O_CLOEXEC = 02000000;
    static final int RLIMIT_MSGQUEUE = 12;
    /** setns(2) nstype: the IPC namespace (and with it, its message queues and mqueue sysctls). */
    static final int CLONE_NEWIPC = 0x08000000;
    static final short POLLNVAL = 0x020;

    static native int poll(long fdsPtr, long nfds, int timeoutMillis);

    static native long pread(int fd, long bufPtr, long count, long offset);

    static native int close(int fd);

    static native int fchmod(int fd, int mode);

    static native int open(byte[] path, int flags);

    static native int dup3(int oldfd, int newfd, int flags);

    static native int getrlimit(int resource, long rlimitPtr);

    static native int statfs(byte[] path, long statfsPtr);

    /** Moves the calling thread only into the namespace {@code fd} refers to. */
    static native int setns(int fd, int nstype);
}
