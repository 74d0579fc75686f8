package org.mqscope.monitor.processes;

import java.util.List;
import java.util.Map;

/**
 * Finds the threads blocked on queues. {@link SyscallWaiters} reads /proc; a reader of the kernel's own wait lists
 * can replace it (the scanner reports whichever {@link #source()} it used).
 */
public interface WaiterReader {

    WaiterSource source();

    /**
     * The blocked calls on the queues held open by the given processes, per queue, in wake-up order where the
     * source knows it.
     *
     * @param queueFds per pid, the descriptors that refer to a queue and which queue each is
     * @param denied   counts the processes whose threads could not be read (ptrace rules)
     */
    Map<QueueKey, List<BlockedCall>> read(Map<Integer, Map<Integer, QueueKey>> queueFds, int[] denied);
}
