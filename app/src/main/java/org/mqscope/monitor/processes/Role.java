package org.mqscope.monitor.processes;

/** What one process (or thread) is to a queue. */
public enum Role {
    /** Holds a descriptor of the queue open. */
    HOLDER("holder"),
    /** A thread waiting in mq_send/mq_timedsend for a free slot. */
    BLOCKED_SEND("blocked-send"),
    /** A thread waiting in mq_receive/mq_timedreceive for a message. */
    BLOCKED_RECEIVE("blocked-receive"),
    /** The process registered with mq_notify (NOTIFY_PID). */
    NOTIFY_OWNER("notify-owner");

    private final String word;

    Role(String word) {
        this.word = word;
    }

    /** The role as a command line prints it: "holder", "blocked-send", "blocked-receive", "notify-owner". */
    public String word() {
        return word;
    }

    public boolean blocked() {
        return this == BLOCKED_SEND || this == BLOCKED_RECEIVE;
    }
}
