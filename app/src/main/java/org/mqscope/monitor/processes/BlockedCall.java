package org.mqscope.monitor.processes;

/**
 * A thread waiting in mq_timedsend or mq_timedreceive, as a {@link WaiterReader} finds it.
 *
 * @param send     true for a sender (waits for a free slot), false for a receiver (waits for a message)
 * @param fd       the descriptor the call was made on
 * @param size     the sender's message length, or the receiver's buffer length
 * @param priority the sender's priority; -1 for a receiver
 * @param timed    the call has a deadline
 */
public record BlockedCall(int pid, int tid, boolean send, int fd, long size, int priority, boolean timed) {
}
