package org.mqscope.mq.kernel;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.Notification;
import org.mqscope.mq.PeekResult;
import org.mqscope.mq.PeekRisks;
import org.mqscope.mq.PeekSupport;
import org.mqscope.mq.ProcessRef;
import org.mqscope.mq.StatusLine;

/**
 * A real mqd_t. Safe to use from several threads at once: every call goes through {@link SharedDescriptor}, so a
 * call after close fails with EBADF without reaching the kernel, and close never frees the number under a call
 * still in progress.
 */
final class KernelQueue implements MqQueue {
    private static final int EINTR = Errno.EINTR.code();

    private final KernelBackend owner;
    private final String name;
    private final int oflag;
    private final int fd;
    private final SharedDescriptor descriptor;
    /** Fixed at creation, so cached: the receive buffer is sized from it. */
    private final long messageSize;

    private final NotifyRegistration registration = new NotifyRegistration();

    /** Device and inode of the queue, to recognise it in /dev/mqueue; null when stat failed. */
    private final Object fileKey;
    /** A read-only description kept open for status reads when this one may not read. */
    private final StatusReader statusReader = new StatusReader();

    KernelQueue(KernelBackend owner, String name, int oflag, int fd, long messageSize) {
        this.owner = owner;
        this.name = name;
        this.oflag = oflag;
        this.fd = fd;
        this.descriptor = new SharedDescriptor(fd);
        this.fileKey = ProcessTable.fileKey(Path.of("/proc/self/fd/" + fd));
        this.messageSize = messageSize;
    }

    /** The descriptor number, for tests. */
    int fd() {
        return fd;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int oflag() {
        return oflag;
    }

    @Override
    public boolean isOpen() {
        return descriptor.isOpen();
    }

    @Override
    public void send(byte[] body, int priority) throws MqException {
        send(body, priority, null, "mq_send");
    }

    @Override
    public void timedSend(byte[] body, int priority, Instant deadline) throws MqException {
        send(body, priority, deadline, "mq_timedsend");
    }

    private void send(byte[] body, int priority, Instant deadline, String operation) throws MqException {
        if (!descriptor.enter()) {
            throw closedSend(priority, deadline, operation);
        }
        try {
            Scratch scratch = Scratch.get();
            int errno;
            if (body == null) {
                // A NULL buffer of one byte: the kernel gives EFAULT, after its own earlier checks.
                errno = send(0, 1, priority, deadline, scratch);
            } else {
                int length = body.length;
                // A body longer than mq_msgsize is refused (EMSGSIZE) before the kernel reads it: nothing to copy.
                int copy = length <= messageSize ? length : 0;
                if (scratch.fitData(copy)) {
                    scratch.dataView().put(0, body, 0, copy);
                    errno = send(scratch.dataAddress(), length, priority, deadline, scratch);
                } else {
                    try (Memory temporary = new Memory(copy)) {
                        temporary.write(0, body, 0, copy);
                        errno = send(Pointer.nativeValue(temporary), length, priority, deadline, scratch);
                    }
                }
            }
            if (errno != 0) {
                throw MqException.ofCode(errno, operation, name);
            }
        } finally {
            descriptor.exit();
        }
    }

    /** 0, or the errno of the failed call. */
    private int send(long address, long length, int priority, Instant deadline, Scratch scratch) {
        int rc = deadline == null
                ? MqNative.mq_send(fd, address, length, priority)
                : MqNative.mq_timedsend(fd, address, length, priority, scratch.timespec(deadline));
        return rc == 0 ? 0 : Native.getLastError();
    }

    @Override
    public MqMessage receive() throws MqException {
        return receive(messageSize, null, "mq_receive");
    }

    @Override
    public MqMessage receive(long bufferSize) throws MqException {
        return receive(bufferSize, null, "mq_receive");
    }

    @Override
    public MqMessage timedReceive(Instant deadline) throws MqException {
        return receive(messageSize, deadline, "mq_timedreceive");
    }

    @Override
    public MqMessage timedReceive(long bufferSize, Instant deadline) throws MqException {
        return receive(bufferSize, deadline, "mq_timedreceive");
    }

    private MqMessage receive(long bufferSize, Instant deadline, String operation) throws MqException {
        if (!descriptor.enter()) {
            throw closedTimed(operation, deadline);
        }
        try {
            Scratch scratch = Scratch.get();
            // size_t in C: a negative size is huge, i.e. large enough. The kernel never writes more than
            // mq_msgsize bytes, so a larger buffer would only be wasted; a smaller one is its EMSGSIZE to give.
            long length = Long.compareUnsigned(bufferSize, messageSize) >= 0 ? messageSize : bufferSize;
            byte[] body;
            if (scratch.fitData(length)) {
                long received = receive(scratch.dataAddress(), length, deadline, scratch, operation);
                body = new byte[(int) received];
                scratch.dataView().get(0, body, 0, body.length);
            } else {
                try (Memory temporary = new Memory(length)) {
                    long received = receive(Pointer.nativeValue(temporary), length, deadline, scratch, operation);
                    body = new byte[(int) received];
                    temporary.read(0, body, 0, body.length);
                }
            }
            return new MqMessage(body, scratch.smallView.getInt(Scratch.PRIO));
        } finally {
            descriptor.exit();
        }
    }

    /** The length of the message received into {@code address}; its priority is left in the scratch block. */
    private long receive(long address, long length, Instant deadline, Scratch scratch, String operation)
            throws MqException {
        long prio = scratch.at(Scratch.PRIO);
        long received = deadline == null
                ? MqNative.mq_receive(fd, address, length, prio)
                : MqNative.mq_timedreceive(fd, address, length, prio, scratch.timespec(deadline));
        if (received < 0) {
            throw failure(operation);
        }
        return received;
    }

    @Override
    public MqAttributes getAttributes() throws MqException {
        if (!descriptor.enter()) {
            throw closed("mq_getattr");
        }
        try {
            Scratch scratch = Scratch.get();
            if (MqNative.mq_getattr(fd, scratch.at(Scratch.ATTR)) != 0) {
                throw failure("mq_getattr");
            }
            return readAttributes(scratch, Scratch.ATTR);
        } finally {
            descriptor.exit();
        }
    }

    @Override
    public MqAttributes setAttributes(MqAttributes attr) throws MqException {
        if (attr == null) {
            throw new MqException(Errno.EFAULT, "mq_setattr", name); // as the emulation answers
        }
        if (!descriptor.enter()) {
            throw (attr.flags() & ~Mq.O_NONBLOCK) != 0 ? invalid("mq_setattr") : closed("mq_setattr");
        }
        try {
            Scratch scratch = Scratch.get();
            writeAttributes(scratch.smallView, Scratch.ATTR, attr);
            if (MqNative.mq_setattr(fd, scratch.at(Scratch.ATTR), scratch.at(Scratch.OLD_ATTR)) != 0) {
                throw failure("mq_setattr");
            }
            return readAttributes(scratch, Scratch.OLD_ATTR);
        } finally {
            descriptor.exit();
        }
    }

    @Override
    public void notify(Notification notification) throws MqException {
        if (!descriptor.enter()) {
            throw notification != null && !notification.isValid() ? invalid("mq_notify") : closed("mq_notify");
        }
        try {
            registration.set(fd, name, notification);
        } finally {
            descriptor.exit();
        }
    }

    /** Key of the SIGEV_THREAD callback this descriptor registered last, 0 when none; for tests. */
    long notifyKey() {
        return registration.lastKey();
    }

    @Override
    public int poll(int events, Duration timeout) throws MqException {
        if (!descriptor.enter()) {
            throw closed("poll");
        }
        try {
            // As poll(2) takes a negative timeout: no limit.
            long waitNanos = timeout == null || timeout.isNegative() ? -1 : PollTimeouts.saturatedNanos(timeout);
            long start = System.nanoTime();
            Scratch scratch = Scratch.get();
            Memory m = scratch.small;
            while (true) {
                m.setInt(Scratch.POLLFD + Layouts.POLLFD_FD, fd);
                m.setShort(Scratch.POLLFD + Layouts.POLLFD_EVENTS, (short) events);
                m.setShort(Scratch.POLLFD + Layouts.POLLFD_REVENTS, (short) 0);
                int rc = PosixNative.poll(scratch.at(Scratch.POLLFD), 1, PollTimeouts.pollMillis(waitNanos, start));
                if (rc < 0) {
                    int errno = Native.getLastError();
                    if (errno == EINTR) {
                        continue; // a signal the JVM handles; keep waiting for what is left of the timeout
                    }
                    throw MqException.ofCode(errno, "poll", name);
                }
                int revents = m.getShort(Scratch.POLLFD + Layouts.POLLFD_REVENTS) & 0xffff;
                if ((revents & PosixNative.POLLNVAL) != 0 || !descriptor.isOpen()) {
                    // Closed during the call: the number may now stand for the placeholder, whose readiness is not
                    // the queue's.
                    throw closed("poll");
                }
                return revents & events;
            }
        } finally {
            descriptor.exit();
        }
    }

    @Override
    public String readStatus() throws MqException {
        if (!descriptor.enter()) {
            throw closed("read");
        }
        try {
            Scratch scratch = Scratch.get();
            // pread at offset 0, not read: the file position is shared by every thread using the descriptor, and
            // after one read(2) it sits at the end of the line.
            long n = PosixNative.pread(fd, scratch.at(Scratch.STATUS), StatusLine.FILE_SIZE, 0);
            if (n < 0) {
                throw failure("read");
            }
            if (!descriptor.isOpen()) {
                throw closed("read");
            }
            byte[] text = new byte[(int) n];
            scratch.smallView.get(Scratch.STATUS, text, 0, text.length);
            return new String(text, StandardCharsets.US_ASCII);
        } finally {
            descriptor.exit();
        }
    }

    @Override
    public MqMessage peek(long index) throws MqException {
        if (!Mq.canRead(oflag) || !descriptor.isOpen()) {
            throw closed("peek");
        }
        return owner.peekStrategy().peek(this, index);
    }

    @Override
    public PeekResult snapshot() throws MqException {
        if (!Mq.canRead(oflag) || !descriptor.isOpen()) {
            throw closed("peek");
        }
        return owner.peekStrategy().snapshot(this);
    }

    @Override
    public PeekSupport peekSupport() {
        return owner.peekStrategy().support(this);
    }

    @Override
    public PeekRisks peekRisks() throws MqException {
        if (!descriptor.isOpen()) {
            throw closed("peek");
        }
        return owner.peekStrategy().risks(this);
    }

    Object fileKey() {
        return fileKey;
    }

    /**
     * The status line without closing any file of the queue (a close by this process would remove a notification
     * it registered): pread on this descriptor, or on a read-only one kept open beside it. Null when neither can
     * read.
     */
    String statusWithoutClosing() {
        if (!descriptor.enter()) {
            return null;
        }
        try {
            if (Mq.canRead(oflag)) {
                return readStatus();
            }
            return statusReader.read(fd);
        } catch (MqException e) {
            return null;
        } finally {
            descriptor.exit();
        }
    }

    @Override
    public boolean unlinked() throws MqException {
        if (!descriptor.enter()) {
            throw closed("fstat");
        }
        try {
            // st_nlink of the queue's inode drops to 0 at mq_unlink
            Object n = Files.getAttribute(Path.of("/proc/self/fd/" + fd), "unix:nlink");
            return ((Number) n).intValue() == 0;
        } catch (IOException e) {
            throw new MqException(Errno.EIO, "fstat", name, e.getMessage());
        } finally {
            descriptor.exit();
        }
    }

    /** Whether access(2) grants this process write access to the queue's inode. */
    boolean writableByUs() {
        if (!descriptor.enter()) {
            return false;
        }
        try {
            return Files.isWritable(Path.of("/proc/self/fd/" + fd));
        } finally {
            descriptor.exit();
        }
    }

    /** The status line, through this descriptor when it may read, else through a fresh read-only one. */
    String statusText() throws MqException {
        return Mq.canRead(oflag) ? readStatus() : owner.statusLine(name);
    }

    /** Other processes holding this queue open. */
    List<ProcessRef> openers() throws MqException {
        if (!descriptor.enter()) {
            throw closed("peek");
        }
        try {
            return ProcessTable.openers(fd);
        } finally {
            descriptor.exit();
        }
    }

    /**
     * A new open file description of this same queue with other flags, through /proc/self/fd: the permission
     * check is the one open(2) makes, and the queue is this one even if its name was unlinked or reused.
     */
    int reopen(int flags, String operation) throws MqException {
        if (!descriptor.enter()) {
            throw closed(operation);
        }
        try {
            int newFd = PosixNative.open(NativeSupport.cString("/proc/self/fd/" + fd), flags);
            if (newFd < 0) {
                throw failure(operation);
            }
            return newFd;
        } finally {
            descriptor.exit();
        }
    }

    @Override
    public void close() throws MqException {
        int result = descriptor.close();
        if (result < 0) {
            throw closed("mq_close");
        }
        owner.forget(this);
        registration.forgetAll(); // the close removed our registration, if any
        statusReader.close();
        if (result > 0) {
            throw MqException.ofCode(result, "mq_close", name);
        }
    }

    private MqException failure(String operation) {
        return MqException.ofCode(Native.getLastError(), operation, name);
    }

    private MqException closed(String operation) {
        return new MqException(Errno.EBADF, operation, name);
    }

    private MqException invalid(String operation) {
        return new MqException(Errno.EINVAL, operation, name);
    }

    /** The kernel validates the timeout before it looks at the descriptor; keep that order after close. */
    private MqException closedTimed(String operation, Instant deadline) {
        return deadline != null && deadline.getEpochSecond() < 0 ? invalid(operation) : closed(operation);
    }

    /** Timeout, then priority, then descriptor: mq_timedsend's order. */
    private MqException closedSend(int priority, Instant deadline, String operation) {
        MqException e = closedTimed(operation, deadline);
        if (e.errno() == Errno.EBADF && Integer.compareUnsigned(priority, Mq.PRIO_MAX) >= 0) {
            return invalid(operation);
        }
        return e;
    }

    private static MqAttributes readAttributes(Scratch scratch, int offset) {
        ByteBuffer b = scratch.smallView;
        return new MqAttributes(b.getLong(offset + Layouts.MQ_FLAGS), b.getLong(offset + Layouts.MQ_MAXMSG),
                b.getLong(offset + Layouts.MQ_MSGSIZE), b.getLong(offset + Layouts.MQ_CURMSGS));
    }

    /** Writes {@code attr} as a struct mq_attr, padding zeroed, into a native-order buffer. */
    static void writeAttributes(ByteBuffer b, int offset, MqAttributes attr) {
        for (int i = 0; i < Layouts.MQ_ATTR_SIZE; i += Long.BYTES) {
            b.putLong(offset + i, 0);
        }
        b.putLong(offset + Layouts.MQ_FLAGS, attr.flags());
        b.putLong(offset + Layouts.MQ_MAXMSG, attr.maxMessages());
        b.putLong(offset + Layouts.MQ_MSGSIZE, attr.messageSize());
        b.putLong(offset + Layouts.MQ_CURMSGS, attr.currentMessages());
    }
}
