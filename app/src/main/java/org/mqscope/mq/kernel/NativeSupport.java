package org.mqscope.mq.kernel;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqException;

/**
 * Loads the native side once and says whether the kernel backend can run here: binds libc, finds the library that
 * provides mq_* (libc since glibc 2.34, librt before), and probes the system call harmlessly. The outcome is kept
 * in fields, like feature flags, so nothing is probed twice.
 */
final class NativeSupport {
    private static final int ENOSYS = Errno.ENOSYS.code();
    private static final int EPERM = Errno.EPERM.code();
    private static final String DEV_NULL = "/dev/null";

    private static final NativeSupport INSTANCE = probe();

    /** Name of the library the mq_* symbols were bound from ("c" or "rt"), or null when none was. */
    final String mqLibrary;
    /** The variadic mq_open, or null when unavailable. */
    final MqOpenLibrary mqOpen;
    private final MqException failure;

    private int placeholderFd = -2;

    private NativeSupport(String mqLibrary, MqOpenLibrary mqOpen, MqException failure) {
        this.mqLibrary = mqLibrary;
        this.mqOpen = mqOpen;
        this.failure = failure;
    }

    static NativeSupport get() {
        return INSTANCE;
    }

    /** Throws the reason the kernel backend cannot run here, if there is one. */
    static NativeSupport require() throws MqException {
        if (INSTANCE.failure != null) {
            MqException f = INSTANCE.failure;
            throw new MqException(f.errno(), f.operation(), null, f.detail());
        }
        return INSTANCE;
    }

    boolean available() {
        return failure == null;
    }

    /**
     * A descriptor on /dev/null used to keep a closed queue's descriptor number reserved while other threads are
     * still inside a call on it (see {@link KernelQueue#close()}); -1 when it cannot be opened.
     */
    synchronized int placeholderFd() {
        if (placeholderFd == -2) {
            placeholderFd = PosixNative.open(cString(DEV_NULL), PosixNative.O_RDONLY | PosixNative.O_CLOEXEC);
        }
        return placeholderFd;
    }

    /** A NUL-terminated UTF-8 copy of {@code s}, as C expects it. */
    static byte[] cString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] c = new byte[b.length + 1];
        System.arraycopy(b, 0, c, 0, b.length);
        return c;
    }

    private static NativeSupport probe() {
        NativeLibrary libc;
        try {
            libc = NativeLibrary.getInstance("c");
            PosixNative.bind(libc);
        } catch (LinkageError | RuntimeException e) {
            return unavailable(Errno.ENOSYS, "mq_open", "JNA cannot load the C library: " + e.getMessage());
        }
        String mqName = missing(libc).isEmpty() ? "c" : "rt";
        NativeLibrary mqLib = "c".equals(mqName) ? libc : loadIfComplete(mqName);
        if (mqLib == null) {
            return unavailable(Errno.ENOSYS, "mq_open", "neither libc nor librt provides the POSIX message queue"
                    + " functions (missing: " + String.join(", ", missing(libc)) + ")");
        }
        MqOpenLibrary open;
        try {
            MqNative.bind(mqLib);
            open = Native.load(mqName, MqOpenLibrary.class);
        } catch (LinkageError | RuntimeException e) {
            return unavailable(Errno.ENOSYS, "mq_open", "cannot bind the mq_* functions of lib" + mqName
                    + ": " + e.getMessage());
        }
        // "/" reaches the kernel as the empty name: ENOENT where the system call exists, and it touches nothing.
        int rc = MqNative.mq_unlink(cString("/"));
        int errno = rc == -1 ? Native.getLastError() : 0;
        if (errno == ENOSYS) {
            return unavailable(Errno.ENOSYS, "mq_unlink", "this kernel has no POSIX message queues"
                    + " (it was built without CONFIG_POSIX_MQUEUE)");
        }
        if (errno == EPERM) {
            return unavailable(Errno.EPERM, "mq_unlink", "a security policy (seccomp or similar) forbids the"
                    + " POSIX message queue system calls in this process");
        }
        return new NativeSupport(mqName, open, null);
    }

    /** Older glibc (before 2.34) keeps mq_* in librt. */
    private static NativeLibrary loadIfComplete(String name) {
        try {
            NativeLibrary lib = NativeLibrary.getInstance(name);
            return missing(lib).isEmpty() ? lib : null;
        } catch (LinkageError e) {
            return null;
        }
    }

    private static List<String> missing(NativeLibrary lib) {
        List<String> missing = new ArrayList<>();
        for (String symbol : MqNative.SYMBOLS) {
            try {
                lib.getFunction(symbol);
            } catch (LinkageError e) {
                missing.add(symbol);
            }
        }
        return missing;
    }

    private static NativeSupport unavailable(Errno errno, String operation, String reason) {
        return new NativeSupport(null, null, new MqException(errno, operation, null, reason));
    }
}
