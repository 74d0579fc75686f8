package org.mqscope.mq.kernel;

import java.nio.charset.StandardCharsets;
import org.mqscope.mq.StatusLine;

/**
 * A read-only description of a queue, opened beside a write-only one the first time its status line is wanted
 * and kept until that descriptor closes: reading /dev/mqueue instead would open and close a file of the queue,
 * and a close by the process that registered for notification removes the registration.
 */
final class StatusReader {
    private int fd = -1;

    /** The status line read through a description of the queue behind {@code queueFd}, or null when it cannot. */
    synchronized String read(int queueFd) {
        if (fd < 0) {
            fd = PosixNative.open(NativeSupport.cString("/proc/self/fd/" + queueFd),
                    PosixNative.O_RDONLY | PosixNative.O_CLOEXEC);
            if (fd < 0) {
                return null;
            }
        }
        Scratch scratch = Scratch.get();
        long n = PosixNative.pread(fd, scratch.at(Scratch.STATUS), StatusLine.FILE_SIZE, 0);
        if (n < 0) {
            return null;
        }
        byte[] text = new byte[(int) n];
        scratch.smallView.get(Scratch.STATUS, text, 0, text.length);
        return new String(text, StandardCharsets.US_ASCII);
    }

    synchronized void close() {
        if (fd >= 0) {
            PosixNative.close(fd);
            fd = -1;
        }
    }
}
