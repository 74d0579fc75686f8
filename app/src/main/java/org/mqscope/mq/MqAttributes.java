package org.mqscope.mq;

/**
 * {@code struct mq_attr}: {@code mq_flags} (0 or {@link Mq#O_NONBLOCK}), {@code mq_maxmsg}, {@code mq_msgsize},
 * {@code mq_curmsgs}. When creating a queue only maxMessages and messageSize count; the others are ignored.
 */
public record MqAttributes(long flags, long maxMessages, long messageSize, long currentMessages) {

    /** Attributes for {@code mq_open(O_CREAT)}: capacity and message size, everything else zero. */
    public static MqAttributes of(long maxMessages, long messageSize) {
        return new MqAttributes(0, maxMessages, messageSize, 0);
    }

    /** Attributes for {@code mq_setattr}: only the O_NONBLOCK flag is looked at. */
    public static MqAttributes flags(long flags) {
        return new MqAttributes(flags, 0, 0, 0);
    }

    public boolean nonBlocking() {
        return (flags & Mq.O_NONBLOCK) != 0;
    }
}
