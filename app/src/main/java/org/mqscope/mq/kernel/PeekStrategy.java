package org.mqscope.mq.kernel;

import org.mqscope.mq.MqException;
import org.mqscope.mq.PeekMethod;
import org.mqscope.mq.PeekResult;
import org.mqscope.mq.PeekRisks;
import org.mqscope.mq.PeekSupport;

/**
 * How the kernel backend reads a queue without (or while undoing) consuming it. Today's kernels offer no peek,
 * so {@link DrainRestorePeek} is the only one; if one of the 2026 proposals (mq_timedreceive2 with MQ_PEEK, or
 * fcntl F_MQ_PEEK) is merged with an assigned number, an exact strategy slots in here and is chosen once at start-up.
 * Nothing probes unassigned system call or fcntl numbers.
 */
interface PeekStrategy {

    PeekMethod method();

    /** Whether this queue can be peeked with this strategy, and if not, why. Never throws. */
    PeekSupport support(KernelQueue queue);

    /** What peeking would disturb, as far as can be seen beforehand. */
    PeekRisks risks(KernelQueue queue) throws MqException;

    /** Every message in receive order. */
    PeekResult snapshot(KernelQueue queue) throws MqException;
}
