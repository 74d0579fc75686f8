package org.mqscope.monitor.processes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mqscope.monitor.QueueSample;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqLimits;

/**
 * A queue nobody uses: no holder, no waiter, no notify owner, and no send or receive for a while. It still charges
 * its creator's RLIMIT_MSGQUEUE until it is unlinked (a frequent cause of EMFILE on mq_open).
 *
 * @param idle        time since the last send or receive (mtime)
 * @param chargeBytes what it charges against RLIMIT_MSGQUEUE, -1 when its attributes could not be read
 * @param uid         the owner, who is charged
 */
public record StaleQueue(String name, Instant lastActivity, Duration idle, long chargeBytes, int uid) {

    /**
     * The stale queues of a scan, longest idle first. A queue whose last activity is unknown is never stale; with
     * incomplete {@link Visibility} a hidden process may still hold one, which the caller must say.
     */
    public static List<StaleQueue> find(UsageSnapshot usage, List<QueueSample> samples, Duration idleFor,
                                        Instant now) {
        List<StaleQueue> out = new ArrayList<>();
        for (QueueSample s : samples) {
            QueueUsage u = usage.queues().get(s.name());
            if (u == null || u.inUse() || u.lastActivity() == null) {
                continue;
            }
            Duration idle = Duration.between(u.lastActivity(), now);
            if (idle.compareTo(idleFor) < 0) {
                continue;
            }
            long charge = s.attributesKnown()
                    ? MqLimits.charge(s.attributes().maxMessages(), s.attributes().messageSize()) : -1;
            out.add(new StaleQueue(s.name(), u.lastActivity(), idle, charge, s.info().uid()));
        }
        out.sort(Comparator.comparing(StaleQueue::idle).reversed().thenComparing(StaleQueue::name));
        return out;
    }

    /**
     * Unlinks exactly the queues named, in order, each on its own: one failure does not stop the others. Off the
     * EDT. Returns per name null (unlinked) or the failure.
     */
    public static Map<String, MqException> unlink(MqBackend backend, List<String> ticked) {
        Map<String, MqException> out = new LinkedHashMap<>();
        for (String name : ticked) {
            try {
                backend.unlink(name);
                out.put(name, null);
            } catch (MqException e) {
                out.put(name, e);
            }
        }
        return out;
    }
}
