package org.mqscope.traffic;

/** How a lane's rates vary over time. */
public enum Pattern {
    /** Both sides at their rates all the time. */
    STEADY("Steady", "producer and consumer at their rates all the time"),
    /** The producer sends for one second in every four, at its rate; the consumer is steady. */
    BURSTS("Bursts", "producer sends 1 s in every 4 s at its rate; consumer steady"),
    /**
     * The consumer drains at {@link #DRAIN_FACTOR} times its rate once the queue is {@link #DRAIN_ABOVE} full,
     * until it is down to {@link #DRAIN_BELOW}: the depth climbs, then drops in a burst.
     */
    FILL_AND_DRAIN("Fill, then drain", "consumer drains at 15× its rate from 90% full down to 25%");

    public static final long BURST_ON_MILLIS = 1000;
    public static final long BURST_CYCLE_MILLIS = 4000;
    public static final double DRAIN_FACTOR = 15;
    public static final double DRAIN_ABOVE = 0.90;
    public static final double DRAIN_BELOW = 0.25;

    private final String label;
    private final String description;

    Pattern(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** For {@link #BURSTS}: whether the producer is in its on-phase {@code elapsedMillis} after the lane started. */
    public boolean producing(long elapsedMillis) {
        return this != BURSTS || elapsedMillis % BURST_CYCLE_MILLIS < BURST_ON_MILLIS;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return label;
    }
}
