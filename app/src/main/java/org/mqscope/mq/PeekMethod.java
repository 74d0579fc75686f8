package org.mqscope.mq;

/** How a snapshot of a queue's messages was taken. */
public enum PeekMethod {
    /** Read in place, nothing touched: the emulation, or a kernel with a peek interface. */
    EXACT("exact peek", "reads the messages in place; nothing in the queue changes"),
    /**
     * Received every message and sent them back in the same order, journaled to disk. Linux has no
     * non-destructive read for POSIX queues, so on a stock kernel this is the only way to see the messages.
     */
    DRAIN_RESTORE("drain and restore",
            "receives every message and sends it back in the same order; other processes can see the queue "
                    + "empty or partly filled meanwhile, and a registered notification fires on the restore");

    private final String label;
    private final String explanation;

    PeekMethod(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    public String label() {
        return label;
    }

    public String explanation() {
        return explanation;
    }
}
