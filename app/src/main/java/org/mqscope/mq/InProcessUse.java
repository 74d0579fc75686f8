package org.mqscope.mq;

/**
 * One use of a queue inside this JVM, as a backend that lives in-process (the emulation) knows it: an open
 * descriptor, or a thread blocked in send or receive. The emulation has no descriptor numbers and no processes
 * besides the ones it pretends to be ({@code pid}), so a use names the thread instead.
 *
 * @param pid      the (emulated) process the descriptor belongs to
 * @param uid      its uid
 * @param thread   for a blocked call the waiting thread's name; for a descriptor the thread that opened it
 * @param oflag    the descriptor's oflag (O_NONBLOCK as it is now)
 * @param size     a blocked sender's message length, a blocked receiver's buffer length, else -1
 * @param priority a blocked sender's message priority, else -1
 * @param timed    a blocked call with a deadline
 */
public record InProcessUse(Kind kind, int pid, int uid, String thread, int oflag, long size, int priority,
                           boolean timed) {

    public enum Kind { OPEN, BLOCKED_SEND, BLOCKED_RECEIVE }
}
