package org.mqscope.traffic;

import org.mqscope.mq.Mq;

import java.util.Objects;

/**
 * What runs on one queue: a producer and a consumer with their rates (messages per second; 0 stops that side),
 * the producer's priorities and payloads, the pattern over time, and whether the calls are non-blocking
 * (O_NONBLOCK: EAGAIN when full or empty) or timed (ETIMEDOUT after a short deadline). Immutable.
 */
public record LaneSpec(String queue, double producerRate, double consumerRate, PriorityMix mix, int priority,
                       PayloadKind payload, Pattern pattern, boolean nonBlocking, long seed) {
    /** The highest rate either side takes, per second. */
    public static final double MAX_RATE = 10_000;

    public LaneSpec {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(mix, "mix");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(pattern, "pattern");
        checkRate("producer rate", producerRate);
        checkRate("consumer rate", consumerRate);
        if (priority < 0 || priority >= Mq.PRIO_MAX) {
            throw new IllegalArgumentException("priority " + priority + " is outside 0.." + (Mq.PRIO_MAX - 1));
        }
    }

    /** A steady lane at 10 messages/s each way, priorities in bands, payload JSON orders, timed calls. */
    public static LaneSpec of(String queue) {
        return new LaneSpec(queue, 10, 10, PriorityMix.BANDS, 0, PayloadKind.ORDERS, Pattern.STEADY, false,
                queue.hashCode());
    }

    public LaneSpec withRates(double producer, double consumer) {
        return new LaneSpec(queue, producer, consumer, mix, priority, payload, pattern, nonBlocking, seed);
    }

    public LaneSpec withMix(PriorityMix newMix, int newPriority) {
        return new LaneSpec(queue, producerRate, consumerRate, newMix, newPriority, payload, pattern, nonBlocking,
                seed);
    }

    public LaneSpec withPayload(PayloadKind newPayload) {
        return new LaneSpec(queue, producerRate, consumerRate, mix, priority, newPayload, pattern, nonBlocking, seed);
    }

    public LaneSpec withPattern(Pattern newPattern) {
        return new LaneSpec(queue, producerRate, consumerRate, mix, priority, payload, newPattern, nonBlocking, seed);
    }

    public LaneSpec withNonBlocking(boolean on) {
        return new LaneSpec(queue, producerRate, consumerRate, mix, priority, payload, pattern, on, seed);
    }

    private static void checkRate(String what, double rate) {
        if (!(rate >= 0 && rate <= MAX_RATE)) {
            throw new IllegalArgumentException(what + " " + rate + " is outside 0.." + (long) MAX_RATE + " per second");
        }
    }
}
