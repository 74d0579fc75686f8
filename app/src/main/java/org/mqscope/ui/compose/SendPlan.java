package org.mqscope.ui.compose;

import org.mqscope.ui.core.Numbers;

import org.mqscope.mq.Mq;

import java.io.IOException;
import java.time.Duration;

/**
 * What to send: N messages of one payload to one queue, at one priority, with a pause between them, either
 * waiting for room up to {@code timeout} (mq_timedsend) or not at all (O_NONBLOCK: {@code timeout} null). There is
 * no plan that waits forever.
 */
public record SendPlan(String queue, PayloadSource source, int priority, long count, Duration interval,
                       Duration timeout) {
    public static final int PRIORITY_MAX = Mq.PRIO_MAX - 1;
    public static final long COUNT_MAX = 1_000_000;
    public static final Duration INTERVAL_MAX = Duration.ofMinutes(1);
    public static final Duration TIMEOUT_MAX = Duration.ofMinutes(10);

    /** The payload, read when the send starts (off the EDT: a file is read there), knowing the queue's msgsize. */
    @FunctionalInterface
    public interface PayloadSource {
        Payload load(long msgsize) throws ComposeException, IOException;
    }

    /** Checks every field, naming the field and the errno mq_send would give where it would give one. */
    public SendPlan {
        if (priority < 0 || priority > PRIORITY_MAX) {
            throw new IllegalArgumentException(priorityProblem(priority));
        }
        if (count < 1 || count > COUNT_MAX) {
            throw new IllegalArgumentException(countProblem(count));
        }
        if (interval.isNegative() || interval.compareTo(INTERVAL_MAX) > 0) {
            throw new IllegalArgumentException("Interval: must be 0.." + INTERVAL_MAX.toMillis() + " ms");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero() || timeout.compareTo(TIMEOUT_MAX) > 0)) {
            throw new IllegalArgumentException("Timeout: must be 1.." + TIMEOUT_MAX.toMillis() + " ms");
        }
    }

    /** Null when {@code priority} is one mq_send takes, else why not. */
    public static String priorityProblem(long priority) {
        return priority < 0 || priority > PRIORITY_MAX
                ? "Priority: EINVAL — must be 0.." + PRIORITY_MAX + ", not " + priority : null;
    }

    public static String countProblem(long count) {
        return count < 1 || count > COUNT_MAX ? "Count: must be 1.." + Numbers.grouped(COUNT_MAX) : null;
    }

    public boolean nonBlocking() {
        return timeout == null;
    }

    /** mq_open flags of the sender's own descriptor. */
    public int openFlags() {
        return Mq.O_WRONLY | (nonBlocking() ? Mq.O_NONBLOCK : 0);
    }
}
