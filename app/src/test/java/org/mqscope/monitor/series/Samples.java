package org.mqscope.monitor.series;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.mqscope.monitor.QueueSample;
import org.mqscope.monitor.SampleBatch;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.QueueInfo;

/** Sample batches built by hand: "/a" with curmsgs c of maxmsg m and QSIZE q, at a given millisecond. */
final class Samples {
    private Samples() {
    }

    static QueueSample queue(String name, long curmsgs, long maxmsg, long qsize) {
        return new QueueSample(new QueueInfo(name, qsize, 0, 0, 0, 0600, 0, 0),
                new MqAttributes(0, maxmsg, 64, curmsgs), null);
    }

    static QueueSample unreadable(String name) {
        return new QueueSample(new QueueInfo(name, -1, 0, 0, 0, 0600, 0, 0), null, "EACCES (Permission denied)");
    }

    static SampleBatch batch(long atMillis, QueueSample... queues) {
        return new SampleBatch(Instant.ofEpochMilli(atMillis), atMillis, new ArrayList<>(List.of(queues)), null);
    }
}
