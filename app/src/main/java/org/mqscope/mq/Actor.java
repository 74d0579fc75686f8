package org.mqscope.mq;

/**
 * The name a thread's queue calls are recorded under ("producer A", "consumer 2"), for activity timelines. Scoped:
 * {@code try (Actor.Scope s = Actor.named("producer A")) { ... }}; without a scope, the thread's own name.
 */
public final class Actor {
    private static final ThreadLocal<String> NAME = new ThreadLocal<>();

    private Actor() {
    }

    /** The current thread's actor name. */
    public static String current() {
        String n = NAME.get();
        return n != null ? n : Thread.currentThread().getName();
    }

    /** Names the current thread's calls {@code name} until the scope is closed (then the previous name again). */
    public static Scope named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an actor needs a name");
        }
        String previous = NAME.get();
        NAME.set(name);
        return new Scope(previous);
    }

    /** Restores the previous name on close; close it on the thread that opened it. */
    public static final class Scope implements AutoCloseable {
        private final String previous;

        private Scope(String previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (previous == null) {
                NAME.remove();
            } else {
                NAME.set(previous);
            }
        }
    }
}
