package org.mqscope.mq;

import java.util.List;

/**
 * What a queue's readers and writers cannot see through the mq_* calls: the tasks blocked in it and the process
 * registered for notification, as the kernel keeps them. The exact kernel peek reads them with the messages; other
 * peeks leave them {@link #UNKNOWN}.
 *
 * @param known          false when the peek could not see them (then the lists are empty and the owner null)
 * @param senders        tasks blocked in mq_send on the full queue, in the order the kernel will wake them
 * @param receivers      tasks blocked in mq_receive on the empty queue, in wake order
 * @param sendersTotal   how many senders are blocked; more than {@code senders.size()} when the list was cut short
 * @param receiversTotal how many receivers are blocked, likewise
 * @param notifyOwner    the mq_notify registration, or null when none
 */
public record QueueWaiters(boolean known, List<BlockedTask> senders, List<BlockedTask> receivers, int sendersTotal,
                           int receiversTotal, NotifyOwner notifyOwner) {

    public static final QueueWaiters UNKNOWN = new QueueWaiters(false, List.of(), List.of(), 0, 0, null);

    public QueueWaiters {
        senders = List.copyOf(senders);
        receivers = List.copyOf(receivers);
    }

    /**
     * A task blocked in the queue. Pids are those of the initial pid namespace.
     *
     * @param size     for a sender, the length of the message it waits to put in; -1 for a receiver
     * @param priority for a sender, that message's priority; -1 for a receiver
     */
    public record BlockedTask(int pid, int tid, long size, int priority) {
        public boolean sending() {
            return size >= 0;
        }
    }

    /**
     * The process registered with mq_notify.
     *
     * @param method {@link Notification#SIGEV_SIGNAL}, {@link Notification#SIGEV_NONE} or
     *               {@link Notification#SIGEV_THREAD}
     * @param signal the signal number for SIGEV_SIGNAL
     */
    public record NotifyOwner(int pid, int method, int signal) {
        public String describe() {
            return switch (method) {
                case Notification.SIGEV_SIGNAL -> "signal " + signal;
                case Notification.SIGEV_NONE -> "none";
                case Notification.SIGEV_THREAD -> "thread";
                default -> "method " + method;
            };
        }
    }
}
