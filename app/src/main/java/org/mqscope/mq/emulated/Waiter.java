package org.mqscope.mq.emulated;

import java.util.ArrayList;
import java.util.concurrent.locks.LockSupport;

import org.mqscope.mq.MqMessage;

/**
 * A thread blocked in send or receive. A sender's waiter carries its message; a receiver's waiter gets one
 * handed over. {@code ready} is written last, after the message, and read without the lock by the waiting thread:
 * a hand-off that races with the deadline or an interrupt wins, as STATE_READY does in the kernel.
 * <p>
 * The waiting thread may spin a little before it parks; {@code parking} tells the waker whether an unpark is
 * needed at all. Both flags are volatile, so of "waiter: parking, then read ready" and "waker: ready, then read
 * parking" at least one side sees the other's write: either the waiter sees {@code ready} or the waker unparks.
 */
final class Waiter {
    final Thread thread = Thread.currentThread();
    /** Java thread priority stands in for the kernel's task priority when choosing whom to serve first. */
    final int priority = thread.getPriority();
    MqMessage message;
    volatile boolean ready;
    volatile boolean parking;
    /** Who waits, for {@link QueueInode#uses()}: the process, the buffer (or message) length, a deadline or not. */
    final Credentials who;
    final long size;
    final boolean timed;
    /** Who is waiting, for the events its waker reports, and the call it is blocked in; null while nobody listens. */
    final String actor;
    final String call;

    Waiter(MqMessage message, Credentials who, long size, boolean timed, String actor, String call) {
        this.message = message;
        this.who = who;
        this.size = size;
        this.timed = timed;
        this.actor = actor;
        this.call = call;
    }

    /** Marks the hand-off done; under the queue's lock. Call {@link #wake} once the lock is released. */
    void complete(MqMessage m) {
        message = m;
        ready = true;
    }

    /**
     * Unparks the thread if it went (or is going) to sleep. Called after the queue's lock is released, so the
     * woken thread does not run straight into a lock its waker still holds, and the futex wake-up is not paid
     * for inside the critical section.
     */
    void wake() {
        if (parking) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Waiters of one direction in service order: higher thread priority first, FIFO among equals. Guarded by the
     * queue's lock.
     */
    static final class List {
        private final ArrayList<Waiter> waiters = new ArrayList<>();

        boolean isEmpty() {
            return waiters.isEmpty();
        }

        int size() {
            return waiters.size();
        }

        void add(Waiter w) {
            int i = 0;
            while (i < waiters.size() && waiters.get(i).priority >= w.priority) {
                i++;
            }
            waiters.add(i, w);
        }

        boolean isFirst(Waiter w) {
            return !waiters.isEmpty() && waiters.get(0) == w;
        }

        /** The waiters in service order. */
        java.util.List<Waiter> inOrder() {
            return java.util.List.copyOf(waiters);
        }

        Waiter pollFirst() {
            return waiters.isEmpty() ? null : waiters.remove(0);
        }

        void remove(Waiter w) {
            waiters.remove(w);
        }
    }
}
