package org.mqscope.mq.kernel;

import com.sun.jna.Native;
import java.nio.charset.StandardCharsets;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.StatusLine;

/**
 * A queue descriptor one engine owns alone (never shared between threads), for the raw calls drain-and-restore
 * makes: receive into and send from native memory the caller names by address.
 */
final class PrivateDescriptor implements AutoCloseable {
    private static final int EAGAIN = Errno.EAGAIN.code();
    private static final int EINTR = Errno.EINTR.code();

    final String name;
    final int fd;
    private boolean closed;

    private PrivateDescriptor(String name, int fd) {
        this.name = name;
        this.fd = fd;
    }

    /**
     * A new O_RDWR|O_NONBLOCK description of the very queue {@code source} refers to, even if its name has been
     * unlinked or reused since: open(2) on /proc/self/fd/N reopens the same inode, with the usual permission check.
     */
    static PrivateDescriptor reopen(KernelQueue source, String operation) throws MqException {
        int fd = source.reopen(PosixNative.O_RDWR | PosixNative.O_NONBLOCK | PosixNative.O_CLOEXEC, operation);
        return new PrivateDescriptor(source.name(), fd);
    }

    /** mq_open(name, O_RDWR|O_NONBLOCK) of an existing queue of {@code namespace}. */
    static PrivateDescriptor open(IpcTarget namespace, String name, String operation) throws MqException {
        try {
            return new PrivateDescriptor(name, namespace.open(name, Mq.O_RDWR | Mq.O_NONBLOCK, 0, null));
        } catch (MqException e) {
            throw new MqException(e.errno(), operation, name, e.detail());
        }
    }

    /**
     * mq_open(name, O_CREAT|O_EXCL|O_RDWR|O_NONBLOCK) with these attributes, then fchmod to exactly {@code mode}
     * (mq_open would apply this process's umask).
     */
    static PrivateDescriptor create(IpcTarget namespace, String name, int mode, long maxmsg, long msgsize,
                                    String operation) throws MqException {
        int fd;
        try {
            fd = namespace.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR | Mq.O_NONBLOCK, mode,
                    MqAttributes.of(maxmsg, msgsize));
        } catch (MqException e) {
            throw new MqException(e.errno(), operation, name, e.detail());
        }
        PosixNative.fchmod(fd, mode); // best effort: without it the queue keeps mode & ~umask
        return new PrivateDescriptor(name, fd);
    }

    /** The permission bits of the queue (st_mode & 07777), 0600 when stat fails. */
    int mode() {
        try {
            Object m = java.nio.file.Files.getAttribute(java.nio.file.Path.of("/proc/self/fd/" + fd), "unix:mode");
            return ((Number) m).intValue() & 07777;
        } catch (java.io.IOException | RuntimeException e) {
            return 0600;
        }
    }

    MqAttributes attributes() throws MqException {
        Scratch s = Scratch.get();
        if (MqNative.mq_getattr(fd, s.at(Scratch.ATTR)) != 0) {
            throw MqException.ofCode(Native.getLastError(), "mq_getattr", name);
        }
        return new MqAttributes(s.smallView.getLong(Scratch.ATTR + Layouts.MQ_FLAGS),
                s.smallView.getLong(Scratch.ATTR + Layouts.MQ_MAXMSG),
                s.smallView.getLong(Scratch.ATTR + Layouts.MQ_MSGSIZE),
                s.smallView.getLong(Scratch.ATTR + Layouts.MQ_CURMSGS));
    }

    StatusLine status() throws MqException {
        Scratch s = Scratch.get();
        long n = PosixNative.pread(fd, s.at(Scratch.STATUS), StatusLine.FILE_SIZE, 0);
        if (n < 0) {
            throw MqException.ofCode(Native.getLastError(), "read", name);
        }
        byte[] text = new byte[(int) n];
        s.smallView.get(Scratch.STATUS, text, 0, text.length);
        return StatusLine.parse(new String(text, StandardCharsets.US_ASCII));
    }

    /**
     * mq_receive into {@code address} (capacity {@code length}), priority to {@code prioAddress}. Returns the
     * message length, or -1 when the queue is empty; other failures throw.
     */
    long receiveInto(long address, long length, long prioAddress) throws MqException {
        for (;;) {
            long n = MqNative.mq_receive(fd, address, length, prioAddress);
            if (n >= 0) {
                return n;
            }
            int errno = Native.getLastError();
            if (errno == EAGAIN) {
                return -1;
            }
            if (errno != EINTR) {
                throw MqException.ofCode(errno, "mq_receive", name);
            }
        }
    }

    /** mq_send from {@code address}. Returns false when the queue is full; other failures throw. */
    boolean sendFrom(long address, long length, int priority) throws MqException {
        for (;;) {
            if (MqNative.mq_send(fd, address, length, priority) == 0) {
                return true;
            }
            int errno = Native.getLastError();
            if (errno == EAGAIN) {
                return false;
            }
            if (errno != EINTR) {
                throw MqException.ofCode(errno, "mq_send", name);
            }
        }
    }

    /** Waits up to {@code millis} for a free slot; true when there is one. */
    boolean awaitSpace(int millis) throws MqException {
        Scratch s = Scratch.get();
        s.smallView.putInt(Scratch.POLLFD + Layouts.POLLFD_FD, fd);
        s.smallView.putShort(Scratch.POLLFD + Layouts.POLLFD_EVENTS, (short) Mq.POLLOUT);
        s.smallView.putShort(Scratch.POLLFD + Layouts.POLLFD_REVENTS, (short) 0);
        int rc = PosixNative.poll(s.at(Scratch.POLLFD), 1, millis);
        if (rc < 0) {
            int errno = Native.getLastError();
            if (errno == EINTR) {
                return false;
            }
            throw MqException.ofCode(errno, "poll", name);
        }
        return (s.smallView.getShort(Scratch.POLLFD + Layouts.POLLFD_REVENTS) & Mq.POLLOUT) != 0;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            PosixNative.close(fd);
        }
    }
}
