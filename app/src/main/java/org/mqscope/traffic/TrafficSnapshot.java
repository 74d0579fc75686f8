package org.mqscope.traffic;

import java.util.List;

/**
 * Every lane of a {@link TrafficGenerator} at one instant, in the order they were added. Immutable.
 *
 * @param nanoTime {@link System#nanoTime()} when taken, to turn two snapshots into rates
 */
public record TrafficSnapshot(long nanoTime, List<LaneStats> lanes) {

    public TrafficSnapshot {
        lanes = List.copyOf(lanes);
    }

    /** The lane on {@code queue}, or null. */
    public LaneStats find(String queue) {
        for (LaneStats s : lanes) {
            if (s.queue().equals(queue)) {
                return s;
            }
        }
        return null;
    }

    public boolean anyRunning() {
        return lanes.stream().anyMatch(LaneStats::running);
    }
}
