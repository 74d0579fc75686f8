package org.mqscope.mq;

import java.util.List;

/** The checks a recreate makes before it changes anything, shared by both backends and the UI's validation. */
public final class RecreateRules {
    private RecreateRules() {
    }

    /**
     * Why {@code messages} cannot go into a queue with {@code newAttrs}, as the exception recreate throws; null when
     * they fit. A non-positive maxmsg or msgsize is EINVAL, as mq_open would say.
     */
    public static MqException refusal(String name, List<MqMessage> messages, MqAttributes newAttrs) {
        if (newAttrs.maxMessages() <= 0 || newAttrs.messageSize() <= 0) {
            return new MqException(Errno.EINVAL, "recreate", name, "maxmsg and msgsize must be at least 1");
        }
        for (int i = 0; i < messages.size(); i++) {
            int size = messages.get(i).size();
            if (size > newAttrs.messageSize()) {
                return new MqException(Errno.EMSGSIZE, "recreate", name, "message " + (i + 1) + " of "
                        + messages.size() + " is " + size + " bytes, more than the new msgsize of "
                        + newAttrs.messageSize());
            }
        }
        if (messages.size() > newAttrs.maxMessages()) {
            return new MqException(Errno.ENOSPC, "recreate", name, "the queue holds " + messages.size()
                    + " messages, more than the new maxmsg of " + newAttrs.maxMessages());
        }
        return null;
    }
}
