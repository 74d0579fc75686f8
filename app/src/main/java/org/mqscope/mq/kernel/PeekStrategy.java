package org.mqscope.mq.kernel;

import org.mqscope.mq.Errno;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.PeekMethod;
import org.mqscope.mq.PeekResult;
import org.mqscope.mq.PeekRisks;
import org.mqscope.mq.PeekSupport;

/**
 * How the kernel backend reads a queue without (or while undoing) consuming it. Linux has no peek call, so there are
 * two: {@link ExactPeek} reads the queue in place through the mqpeek BPF helper where it can run, and
 * {@link DrainRestorePeek} is the fallback. {@link KernelBackend} chooses once, on first use. If one of the 2026
 * proposals (mq_timedreceive2 with MQ_PEEK, or fcntl F_MQ_PEEK) is merged with an assigned number, another exact
 * strategy slots in here; nothing probes unassigned system call or fcntl numbers.
 */
interface PeekStrategy {

    PeekMethod method();

    /** Whether this queue can be peeked with this strategy, and if not, why. Never throws. */
    PeekSupport support(KernelQueue queue);

    /** What peeking would disturb, as far as can be seen beforehand. */
    PeekRisks risks(KernelQueue queue) throws MqException;

    /** Every message in receive order. */
    PeekResult snapshot(KernelQueue queue) throws MqException;

    /**
     * The message at {@code index} in receive order, with MQ_PEEK's errors (EAGAIN on an empty queue, ENOENT past
     * the end). By default from a whole snapshot.
     */
    default MqMessage peek(KernelQueue queue, long index) throws MqException {
        PeekResult r = snapshot(queue);
        if (r.size() == 0) {
            throw new MqException(Errno.EAGAIN, "peek", queue.name());
        }
        if (index < 0 || index >= r.size()) {
            throw new MqException(Errno.ENOENT, "peek", queue.name());
        }
        return r.messages().get((int) index);
    }
}
