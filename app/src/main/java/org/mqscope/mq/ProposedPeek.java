package org.mqscope.mq;

/**
 * The two non-destructive peek interfaces proposed for Linux in 2026 and not merged: a backend that offers them
 * (today only the emulation) lets users compare their semantics. mqscope's message table uses
 * {@link MqQueue#snapshot()}, whose per-index semantics are those of MQ_PEEK.
 */
public interface ProposedPeek {

    /**
     * {@code mq_timedreceive2(..., MQ_PEEK, index)}: the message at {@code index} in receive order, not removed.
     * EBADF without read access, EMSGSIZE when {@code bufferSize} is below mq_msgsize, EAGAIN on an empty
     * queue, ENOENT when {@code index >= curmsgs} (a negative index counts as a huge unsigned one, as in
     * {@link MqQueue#peek}).
     */
    MqMessage mqTimedReceive2Peek(long bufferSize, long index) throws MqException;

    /**
     * {@code fcntl(fd, F_MQ_PEEK, &struct mq_peek_attr)}: copies at most {@code bufferLength} bytes of the message
     * at {@code index} (longer messages are truncated, the full length is reported), not removed. EBADF without
     * read access, EINVAL for a negative index or length, ENOMSG when {@code index >= curmsgs} (an empty queue
     * included).
     */
    FcntlPeek fcntlPeek(long index, int bufferLength) throws MqException;

    /** What F_MQ_PEEK fills in: the copied bytes (at most buf_len), the priority and the message's full length. */
    record FcntlPeek(byte[] data, int priority, long messageLength) {
        public boolean truncated() {
            return data.length < messageLength;
        }
    }
}
