package org.mqscope.monitor;

import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.QueueInfo;

/**
 * One queue at one instant: what the listing says (name, QSIZE, notification, mode, owner) and, where this process
 * may open the queue for reading, its attributes (maxmsg, msgsize, curmsgs).
 *
 * @param attributes null when the queue could not be opened read-only; {@code problem} then says why
 * @param problem    e.g. "EACCES (Permission denied)", or null
 */
public record QueueSample(QueueInfo info, MqAttributes attributes, String problem) {

    public String name() {
        return info.name();
    }

    public boolean attributesKnown() {
        return attributes != null;
    }

    /** curmsgs, or -1 when unknown. */
    public long currentMessages() {
        return attributes == null ? -1 : attributes.currentMessages();
    }

    /** maxmsg, or -1 when unknown. */
    public long maxMessages() {
        return attributes == null ? -1 : attributes.maxMessages();
    }

    /** QSIZE, or -1 when the status line could not be read. */
    public long qsize() {
        return info.qsize();
    }
}
