package org.mqscope.mq;

import java.time.Duration;
import java.time.Instant;

/**
 * An open message queue descriptor (mqd_t). The O_NONBLOCK flag belongs to this open description: another
 * {@link MqBackend#open} of the same queue has its own. After {@link #close()} every call fails with EBADF.
 * <p>
 * Deadlines are absolute wall-clock (CLOCK_REALTIME) instants, as mq_timedsend(3) takes them; a null deadline
 * blocks without limit, as mq_send(3) does. A deadline before the epoch is EINVAL, always checked first.
 * <p>
 * {@link MqException#operation()} names the C call: "mq_send"/"mq_receive" for the calls without a deadline,
 * "mq_timedsend"/"mq_timedreceive" with one, then "mq_getattr", "mq_setattr", "mq_notify", "poll", "read",
 * "mq_close", and "peek" for {@link #peek}/{@link #snapshot}.
 */
public interface MqQueue extends AutoCloseable {

    /** The name the queue was opened with, with its leading slash. */
    String name();

    /** The oflag the descriptor was opened with. */
    int oflag();

    /** False once {@link #close()} has run. */
    boolean isOpen();

    /** mq_send(3). Priority is taken as unsigned: anything outside 0..32767 is EINVAL. */
    void send(byte[] body, int priority) throws MqException;

    /** mq_timedsend(3) with an absolute deadline; null blocks without limit. */
    void timedSend(byte[] body, int priority, Instant deadline) throws MqException;

    /** mq_receive(3) with a buffer of exactly mq_msgsize bytes. */
    MqMessage receive() throws MqException;

    /** mq_receive(3) with a buffer of {@code bufferSize} bytes: EMSGSIZE when smaller than mq_msgsize. */
    MqMessage receive(long bufferSize) throws MqException;

    /** mq_timedreceive(3) with a buffer of mq_msgsize bytes and an absolute deadline; null blocks without limit. */
    MqMessage timedReceive(Instant deadline) throws MqException;

    /** mq_timedreceive(3) with a buffer of {@code bufferSize} bytes. */
    MqMessage timedReceive(long bufferSize, Instant deadline) throws MqException;

    /** mq_getattr(3). {@code flags} is 0 or O_NONBLOCK of this open description. */
    MqAttributes getAttributes() throws MqException;

    /**
     * mq_setattr(3): only O_NONBLOCK in {@code attr.flags()} takes effect; any other flag bit is EINVAL.
     * Returns the attributes as they were before the change.
     */
    MqAttributes setAttributes(MqAttributes attr) throws MqException;

    /** mq_notify(3): registers this process, or with null removes its registration. */
    void notify(Notification notification) throws MqException;

    /**
     * poll(2) on the descriptor: which of {@link Mq#POLLIN}/{@link Mq#POLLOUT} in {@code events} are ready, waiting
     * up to {@code timeout} for one (zero: just look; null or negative: without limit). POLLIN iff a message is queued, POLLOUT iff a slot is free,
     * whatever the access mode.
     */
    int poll(int events, Duration timeout) throws MqException;

    /** read(2) on the descriptor: the status line, as /dev/mqueue shows it. Needs read access (else EBADF). */
    String readStatus() throws MqException;

    /**
     * The message at {@code index} in receive order (0 is what mq_receive would return next), not consumed, with
     * MQ_PEEK's errors: EBADF without read access, EAGAIN on an empty queue, ENOENT when {@code index >= curmsgs}
     * (a negative index counts as a huge unsigned one). On the kernel this is a whole drain-and-restore.
     */
    MqMessage peek(long index) throws MqException;

    /**
     * Every message in receive order, and how they were taken: {@link PeekMethod#EXACT} changes nothing;
     * {@link PeekMethod#DRAIN_RESTORE} receives them all and sends them back, journaled (see {@link #peekRisks()}).
     * EBADF without read access; on the kernel, EACCES without write permission (drain-and-restore needs O_RDWR).
     */
    PeekResult snapshot() throws MqException;

    /** Which method {@link #snapshot()} uses here, and whether it can (if not, why in words). Never throws. */
    PeekSupport peekSupport();

    /** What a snapshot would disturb, as far as can be seen now ({@link PeekRisks#NONE} for an exact peek). */
    PeekRisks peekRisks() throws MqException;

    /**
     * True once the queue's name has been removed (mq_unlink) while this descriptor keeps the queue alive; a new
     * queue may meanwhile have the same name.
     */
    boolean unlinked() throws MqException;

    /** mq_close(3). Removes this process's notification registration on the queue, if any. EBADF when closed. */
    @Override
    void close() throws MqException;
}
