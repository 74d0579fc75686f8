package org.mqscope.monitor;

import java.time.Instant;
import java.util.List;

import org.mqscope.mq.MqException;

/**
 * Every queue of a backend at one instant, sorted by name; immutable, so it can be handed from the sampler thread
 * to the EDT as is.
 *
 * @param sequence counts passes from 1, so a consumer can tell a new batch from one it has seen
 * @param failure  why the queues could not be listed (e.g. /dev/mqueue not mounted), else null
 */
public record SampleBatch(Instant at, long sequence, List<QueueSample> queues, MqException failure) {

    public SampleBatch {
        queues = List.copyOf(queues);
    }

    /** The sample of the queue with this name, or null. */
    public QueueSample find(String name) {
        for (QueueSample q : queues) {
            if (q.name().equals(name)) {
                return q;
            }
        }
        return null;
    }
}
