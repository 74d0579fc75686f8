package org.mqscope.monitor;

import java.time.Instant;
import java.util.List;
import org.mqscope.mq.PeekResult;

import org.mqscope.mq.MqException;

/**
 * Every queue of a backend at one instant, sorted by name; immutable, so it can be handed from the sampler thread
 * to the EDT as is.
 *
 * @param sequence counts passes from 1, so a consumer can tell a new batch from one it has seen
 * @param failure  why the queues could not be listed (e.g. /dev/mqueue not mounted), else null
 * @param focus    the messages of the focused queue read in the same pass (exact peeks only), so that the tree
 *                 and the message table show one sample; its sample in {@code queues} agrees with it. Null when
 *                 there is no focus. The same object as in the previous batch when nothing changed.
 */
public record SampleBatch(Instant at, long sequence, List<QueueSample> queues, MqException failure,
                          PeekResult focus) {

    public SampleBatch {
        queues = List.copyOf(queues);
    }

    /** A batch without a focused queue. */
    public SampleBatch(Instant at, long sequence, List<QueueSample> queues, MqException failure) {
        this(at, sequence, queues, failure, null);
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
