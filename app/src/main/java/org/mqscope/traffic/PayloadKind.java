package org.mqscope.traffic;

/** What a producer's messages look like; the same kinds the demo queues are seeded with. */
public enum PayloadKind {
    ORDERS("JSON orders"),
    LOG_LINES("Log lines"),
    FRAMES("Binary frames (40 B)"),
    ALERTS("Alert texts");

    private final String label;

    PayloadKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
