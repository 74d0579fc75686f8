package org.mqscope.mq.emulated;

import org.mqscope.threads.Workers;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

import org.mqscope.mq.Notification;

/**
 * Delivers fired notifications outside the queue's lock: SIGEV_THREAD callbacks on a thread of their own (as
 * glibc's helper starts a new thread), SIGEV_SIGNAL to the owner process's signal handler, if it installed one.
 */
final class NotificationDelivery {
    private static final ExecutorService THREADS = Workers.pool(Workers.Intent.EMULATED_NOTIFY);

    private final Map<Integer, Consumer<DeliveredSignal>> handlers = new ConcurrentHashMap<>();

    void setHandler(int pid, Consumer<DeliveredSignal> handler) {
        if (handler == null) {
            handlers.remove(pid);
        } else {
            handlers.put(pid, handler);
        }
    }

    void deliver(Registration r, String queue, Credentials sender) {
        Notification n = r.notification();
        switch (n.method()) {
            case Notification.SIGEV_THREAD -> {
                if (n.callback() != null) {
                    THREADS.execute(n.callback());
                }
            }
            case Notification.SIGEV_SIGNAL -> {
                Consumer<DeliveredSignal> h = handlers.get(r.ownerPid());
                if (n.signo() != 0 && h != null) {
                    DeliveredSignal s = new DeliveredSignal(queue, n.signo(), n.value(), sender.pid(), sender.uid());
                    THREADS.execute(() -> h.accept(s));
                }
            }
            default -> { } // SIGEV_NONE: the registration is consumed, nothing delivered
        }
    }

    /** A notification registration: the owning process, what it asked for, and who registered (for events). */
    record Registration(int ownerPid, Notification notification, String actor) {
    }

}
