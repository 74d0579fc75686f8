package org.mqscope.monitor.processes;

import org.mqscope.mq.Mq;

/**
 * The open mode of one descriptor, from the {@code flags} line of /proc/PID/fdinfo/N (octal, as open(2) flags) or
 * from the emulation's oflag.
 *
 * @param flags the open(2) flags; only O_ACCMODE and O_NONBLOCK are interpreted
 */
public record OpenMode(int flags) {

    public boolean canRead() {
        return Mq.canRead(flags);
    }

    public boolean canWrite() {
        return Mq.canWrite(flags);
    }

    public boolean nonBlocking() {
        return (flags & Mq.O_NONBLOCK) != 0;
    }

    /** "r", "w" or "rw" (or "?" for the invalid access mode 3). */
    public String access() {
        return switch (Mq.accessMode(flags)) {
            case Mq.O_RDONLY -> "r";
            case Mq.O_WRONLY -> "w";
            case Mq.O_RDWR -> "rw";
            default -> "?";
        };
    }

    /** "rw", "r,nonblock", … */
    public String text() {
        return nonBlocking() ? access() + ",nonblock" : access();
    }

    /** The flags field of fdinfo: an octal number ("0104002"). */
    static OpenMode parseOctal(String field) {
        return new OpenMode(Integer.parseInt(field.strip(), 8));
    }

    @Override
    public String toString() {
        return text();
    }
}
