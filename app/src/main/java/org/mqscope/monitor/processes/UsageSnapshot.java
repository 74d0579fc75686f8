package org.mqscope.monitor.processes;

import java.time.Instant;
import java.util.Map;

/**
 * One scan: who uses each queue of the listing. Immutable.
 *
 * @param queues      per queue name, only the queues the listing showed
 * @param processes   processes looked at
 * @param descriptors descriptors those processes hold (all of them, not only queue descriptors)
 * @param reread      processes whose descriptor table was read again in this scan (the others came from cache)
 * @param problem     why nothing could be scanned (e.g. no mqueue mount), else null
 */
public record UsageSnapshot(Instant at, Map<String, QueueUsage> queues, WaiterSource source, Visibility visibility,
                            int processes, int descriptors, int reread, String problem) {

    public UsageSnapshot {
        queues = Map.copyOf(queues);
    }

    static UsageSnapshot failed(Instant at, WaiterSource source, String problem) {
        return new UsageSnapshot(at, Map.of(), source, Visibility.ALL, 0, 0, 0, problem);
    }

    /** The usage of {@code queue}; a usage with nobody in it when the scan saw none. */
    public QueueUsage of(String queue) {
        QueueUsage u = queues.get(queue);
        return u != null ? u : QueueUsage.none(queue, source, visibility);
    }
}
