package org.mqscope.mq;

import java.time.Instant;
import java.util.List;

/** What a backend living in this JVM can tell about the users of its queues (see {@link MqBackend#inProcessUsers}). */
public interface InProcessUsers {

    /**
     * The descriptors and blocked calls on {@code name} (waiters in wake-up order), and the last successful send or
     * receive; null when no queue has that name.
     */
    Uses uses(String name);

    /** @param lastActivity the last successful send or receive (creation until the first) */
    record Uses(List<InProcessUse> uses, Instant lastActivity) {
        public Uses {
            uses = List.copyOf(uses);
        }
    }
}
