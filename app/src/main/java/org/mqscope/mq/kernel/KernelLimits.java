package org.mqscope.mq.kernel;

import com.sun.jna.Native;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqLimits;

/** The sysctls under /proc/sys/fs/mqueue (per IPC namespace) and this process's RLIMIT_MSGQUEUE. */
final class KernelLimits {
    /** Longer than any number a sysctl file can print. */
    private static final int SYSCTL_TEXT_MAX = 64;

    private final Path sysctl;

    KernelLimits(Path sysctl) {
        this.sysctl = sysctl;
    }

    MqLimits read() throws MqException {
        long msgMax = value("msg_max");
        long msgsizeMax = value("msgsize_max");
        long msgDefault = value("msg_default");
        long msgsizeDefault = value("msgsize_default");
        long queuesMax = value("queues_max");
        long rlimit = rlimitMsgqueue();
        try {
            return new MqLimits(msgMax, msgsizeMax, msgDefault, msgsizeDefault, queuesMax, rlimit);
        } catch (IllegalArgumentException e) {
            throw new MqException(Errno.ERANGE, "read", null, sysctl + ": " + e.getMessage());
        }
    }

    private long value(String file) throws MqException {
        Path path = sysctl.resolve(file);
        try {
            return Long.parseLong(readOnce(path).trim());
        } catch (IOException e) {
            throw MqueueDirectory.failure("read", null, e);
        } catch (NumberFormatException e) {
            throw new MqException(Errno.EIO, "read", null, path + " does not hold a number: " + e.getMessage());
        }
    }

    /**
     * A sysctl file answers only a read at offset 0: one read with a buffer large enough. (Files.readString reads
     * a size-0 file one byte first, then gets EOF at offset 1, and returns "8" for 8192.)
     */
    private static String readOnce(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return new String(in.readNBytes(SYSCTL_TEXT_MAX), StandardCharsets.US_ASCII);
        }
    }

    /** The soft limit; RLIM_INFINITY (all bits set) becomes Long.MAX_VALUE. */
    static long rlimitMsgqueue() throws MqException {
        Scratch scratch = Scratch.get();
        if (PosixNative.getrlimit(PosixNative.RLIMIT_MSGQUEUE, scratch.at(Scratch.RLIMIT)) != 0) {
            throw MqException.ofCode(Native.getLastError(), "getrlimit", null);
        }
        long soft = scratch.small.getLong(Scratch.RLIMIT + Layouts.RLIM_CUR);
        return soft < 0 ? Long.MAX_VALUE : soft;
    }
}
