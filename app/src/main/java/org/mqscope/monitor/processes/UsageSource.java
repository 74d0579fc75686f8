package org.mqscope.monitor.processes;

import java.util.List;

import org.mqscope.mq.QueueInfo;

/** Where the users of a backend's queues come from: /proc for the kernel, the emulation's own books for it. */
interface UsageSource {

    /**
     * Scans once. Call from one thread at a time, never the EDT.
     *
     * @param listing the backend's listing when the caller has one (its status lines give the notify owners
     *                without opening the queue files again), else null
     * @param focus   a queue whose holders' open modes are read afresh (others' may be up to a full re-read old),
     *                or null
     */
    UsageSnapshot scan(List<QueueInfo> listing, String focus);
}
