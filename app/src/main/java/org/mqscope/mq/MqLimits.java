package org.mqscope.mq;

/**
 * The system limits that govern queue creation: the sysctls under /proc/sys/fs/mqueue and RLIMIT_MSGQUEUE.
 */
public record MqLimits(long msgMax, long msgsizeMax, long msgDefault, long msgsizeDefault, long queuesMax,
                       long rlimitMsgqueue) {

    /** Linux defaults: msg_max 10, msgsize_max 8192, msg_default 10, msgsize_default 8192, queues_max 256,
     *  RLIMIT_MSGQUEUE 819200 bytes. */
    /** RLIMIT_MSGQUEUE when getrlimit reports RLIM_INFINITY. */
    public static final long RLIM_INFINITY = Long.MAX_VALUE;

    public static final MqLimits LINUX_DEFAULTS = new MqLimits(10, 8192, 10, 8192, 256, 819200);

    /** Size of the kernel's {@code struct msg_msg} and {@code struct posix_msg_tree_node} on 64-bit Linux. */
    static final long MSG_OVERHEAD = 48;
    static final long TREE_NODE_SIZE = 48;

    public MqLimits {
        if (msgMax < 1 || msgMax > Mq.HARD_MSGMAX) {
            throw new IllegalArgumentException("msg_max must be in 1.." + Mq.HARD_MSGMAX + ": " + msgMax);
        }
        if (msgsizeMax < 128 || msgsizeMax > Mq.HARD_MSGSIZEMAX) {
            throw new IllegalArgumentException("msgsize_max must be in 128.." + Mq.HARD_MSGSIZEMAX + ": " + msgsizeMax);
        }
        if (msgDefault < 1 || msgDefault > Mq.HARD_MSGMAX) {
            throw new IllegalArgumentException("msg_default must be in 1.." + Mq.HARD_MSGMAX + ": " + msgDefault);
        }
        if (msgsizeDefault < 128 || msgsizeDefault > Mq.HARD_MSGSIZEMAX) {
            throw new IllegalArgumentException("msgsize_default must be in 128.." + Mq.HARD_MSGSIZEMAX + ": "
                    + msgsizeDefault);
        }
        if (rlimitMsgqueue < 0) {
            throw new IllegalArgumentException("RLIMIT_MSGQUEUE must not be negative: " + rlimitMsgqueue);
        }
    }

    /** Attributes a queue gets when mq_open(O_CREAT) is called without attributes. */
    public MqAttributes defaultAttributes() {
        return MqAttributes.of(Math.min(msgMax, msgDefault), Math.min(msgsizeMax, msgsizeDefault));
    }

    /**
     * Bytes charged against the creator's RLIMIT_MSGQUEUE for a queue of this capacity (Linux ≥ 3.5, 64-bit):
     * {@code maxmsg * msgsize + 48 * maxmsg + 48 * min(maxmsg, 32768)}. The charge is fixed at creation and held
     * until the queue is unlinked and its last descriptor closed.
     */
    public static long charge(long maxMessages, long messageSize) {
        return maxMessages * messageSize + MSG_OVERHEAD * maxMessages
                + TREE_NODE_SIZE * Math.min(maxMessages, Mq.PRIO_MAX);
    }

    public MqLimits withMsgMax(long v) {
        return new MqLimits(v, msgsizeMax, msgDefault, msgsizeDefault, queuesMax, rlimitMsgqueue);
    }

    public MqLimits withMsgsizeMax(long v) {
        return new MqLimits(msgMax, v, msgDefault, msgsizeDefault, queuesMax, rlimitMsgqueue);
    }

    public MqLimits withQueuesMax(long v) {
        return new MqLimits(msgMax, msgsizeMax, msgDefault, msgsizeDefault, v, rlimitMsgqueue);
    }

    public MqLimits withRlimitMsgqueue(long v) {
        return new MqLimits(msgMax, msgsizeMax, msgDefault, msgsizeDefault, queuesMax, v);
    }
}
