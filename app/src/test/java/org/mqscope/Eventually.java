package org.mqscope;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Waits for a state the test can observe (a counter reached, a descriptor count, a thread gone) instead of
 * sleeping for a guessed time: returns as soon as it holds, fails naming it when it does not within the limit,
 * so a loaded machine only makes the test slower, never wrong.
 */
public final class Eventually {
    public static final Duration LIMIT = Duration.ofSeconds(15);
    private static final long POLL_MILLIS = 5;

    private Eventually() {
    }

    /** Waits up to {@link #LIMIT} for {@code condition}. */
    public static void until(String what, Callable<Boolean> condition) throws Exception {
        until(what, LIMIT, condition);
    }

    public static void until(String what, Duration limit, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() - deadline > 0) {
                fail("waited " + limit.toMillis() + " ms for " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
