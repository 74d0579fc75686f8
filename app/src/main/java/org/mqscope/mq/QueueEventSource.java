package org.mqscope.mq;

import java.util.function.Consumer;

/**
 * A backend (or recorder) that reports {@link QueueEvent}s. Listeners are called on the thread that caused the
 * event, possibly while a queue's lock is held, in {@link QueueEvent#seq()} order per queue: they must be quick and
 * must not call the backend (hand the event to another thread or a ring, e.g. {@code EventRing}).
 */
public interface QueueEventSource {

    /** Starts reporting to {@code listener} until the returned subscription is closed. */
    Subscription subscribe(Consumer<QueueEvent> listener);

    /** Stops a listener; closing twice does nothing. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
