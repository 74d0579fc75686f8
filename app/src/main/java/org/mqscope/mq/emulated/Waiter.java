package org.mqscope.mq.emulated;

import java.util.ArrayList;

import org.mqscope.mq.MqMessage;

/**
 * A thread blocked in send or receive. A sender's waiter carries its message; a receiver's waiter gets one
 * handed over. {@code ready} is written last, after the message, and read without the lock by the waiting thread:
 * a hand-off that races with the deadline or an interrupt wins, as STATE_READY does in the kernel.
 */
final class Waiter {
    final Thread thread = Thread.currentThread();
    /** Java thread priority stands in for the kernel's task priority when choosing whom to serve first. */
    final int priority = thread.getPriority();
    MqMessage message;
    volatile boolean ready;

    Waiter(MqMessage message) {
        this.message = message;
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

        Waiter pollFirst() {
            return waiters.isEmpty() ? null : waiters.remove(0);
        }

        void remove(Waiter w) {
            waiters.remove(w);
        }
    }
}
