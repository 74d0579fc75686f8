package org.mqscope.mq;

/**
 * The checks mq_open makes when O_CREAT creates a queue that does not exist yet, in the kernel's order
 * (mqueue_create_attr, then mqueue_get_inode): queues_max, then the attributes, then RLIMIT_MSGQUEUE. Shared by the
 * emulation and the UI's validation, so the two cannot drift apart.
 */
public final class CreateRules {

    /** The first check a creation fails, with the errno the kernel gives for it. */
    public enum Refusal {
        /** queues_max queues exist already (and no CAP_SYS_RESOURCE). */
        QUEUES_MAX(Errno.ENOSPC),
        MAXMSG_NOT_POSITIVE(Errno.EINVAL),
        MSGSIZE_NOT_POSITIVE(Errno.EINVAL),
        /** Above msg_max, or above the hard cap with CAP_SYS_RESOURCE. */
        MAXMSG_ABOVE_LIMIT(Errno.EINVAL),
        /** Above msgsize_max, or above the hard cap with CAP_SYS_RESOURCE. */
        MSGSIZE_ABOVE_LIMIT(Errno.EINVAL),
        /** The user's charge plus this queue's would pass RLIMIT_MSGQUEUE. */
        RLIMIT(Errno.EMFILE);

        private final Errno errno;

        Refusal(Errno errno) {
            this.errno = errno;
        }

        public Errno errno() {
            return errno;
        }
    }

    private CreateRules() {
    }

    /**
     * Why creating a queue with {@code attrOrNull} (null: the defaults, which are valid by construction) fails, or
     * null when it succeeds.
     *
     * @param queueCount     queues in the namespace, unlinked ones still open included
     * @param chargedBytes   RLIMIT_MSGQUEUE bytes the creating user's queues are charged already
     * @param capSysResource the creator has CAP_SYS_RESOURCE: only the hard caps bound the attributes, and
     *                       queues_max does not apply (RLIMIT_MSGQUEUE still does)
     */
    public static Refusal refusal(MqAttributes attrOrNull, MqLimits limits, long queueCount, long chargedBytes,
                                  boolean capSysResource) {
        if (queueCount >= limits.queuesMax() && !capSysResource) {
            return Refusal.QUEUES_MAX;
        }
        MqAttributes a = attrOrNull == null ? limits.defaultAttributes() : attrOrNull;
        if (attrOrNull != null) {
            if (a.maxMessages() <= 0) {
                return Refusal.MAXMSG_NOT_POSITIVE;
            }
            if (a.messageSize() <= 0) {
                return Refusal.MSGSIZE_NOT_POSITIVE;
            }
            if (a.maxMessages() > maxMessagesLimit(limits, capSysResource)) {
                return Refusal.MAXMSG_ABOVE_LIMIT;
            }
            if (a.messageSize() > messageSizeLimit(limits, capSysResource)) {
                return Refusal.MSGSIZE_ABOVE_LIMIT;
            }
        }
        long charge = MqLimits.charge(a.maxMessages(), a.messageSize());
        return chargedBytes + charge > limits.rlimitMsgqueue() ? Refusal.RLIMIT : null;
    }

    /** The largest maxmsg a creation may ask for: msg_max, or HARD_MSGMAX with CAP_SYS_RESOURCE. */
    public static long maxMessagesLimit(MqLimits limits, boolean capSysResource) {
        return capSysResource ? Mq.HARD_MSGMAX : limits.msgMax();
    }

    /** The largest msgsize a creation may ask for: msgsize_max, or HARD_MSGSIZEMAX with CAP_SYS_RESOURCE. */
    public static long messageSizeLimit(MqLimits limits, boolean capSysResource) {
        return capSysResource ? Mq.HARD_MSGSIZEMAX : limits.msgsizeMax();
    }
}
