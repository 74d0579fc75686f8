package org.mqscope.demo;

import org.mqscope.traffic.TrafficGenerator;
import org.mqscope.traffic.PriorityMix;
import org.mqscope.traffic.PayloadKind;
import org.mqscope.traffic.Pattern;
import org.mqscope.traffic.LaneSpec;
import org.mqscope.mq.MqException;

import java.util.List;

/**
 * The traffic {@code --demo} starts on the queues of {@link DemoQueues}: /orders filled faster than it is drained
 * until it is 90% full, then drained in a burst (and again); /telemetry steady at 20 frames/s each way; /logs in
 * bursts of 40 lines/s for one second in four, read at 10/s; /alerts a trickle at the extreme priorities.
 * Deterministic seeds, so the same priorities and payloads come every run.
 */
public final class ClassroomScenario {
    private static final long SEED = 20260523L;

    private ClassroomScenario() {
    }

    /** The lanes, one per queue, all on queues in {@link DemoQueues#NAMES}. */
    public static List<LaneSpec> lanes() {
        return List.of(
                new LaneSpec(DemoQueues.ORDERS, 6, 2, PriorityMix.BANDS, 0, PayloadKind.ORDERS, Pattern.FILL_AND_DRAIN,
                        false, SEED),
                new LaneSpec(DemoQueues.TELEMETRY, 20, 20, PriorityMix.CONSTANT, 0, PayloadKind.FRAMES, Pattern.STEADY,
                        false, SEED + 1),
                new LaneSpec(DemoQueues.LOGS, 40, 10, PriorityMix.SPREAD, 0, PayloadKind.LOG_LINES, Pattern.BURSTS,
                        true, SEED + 2),
                new LaneSpec(DemoQueues.ALERTS, 0.5, 0.5, PriorityMix.EXTREMES, 0, PayloadKind.ALERTS, Pattern.STEADY,
                        true, SEED + 3));
    }

    /** Configures every lane in {@code generator} and starts them. */
    public static void start(TrafficGenerator generator) throws MqException {
        lanes().forEach(generator::configure);
        generator.startAll();
    }
}
