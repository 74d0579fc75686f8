package org.mqscope.transfer;

import java.util.List;

/**
 * An export, import or copy refused before it changed anything (or a peek that would need a drain nobody allowed):
 * every reason in words, one per line.
 */
public final class TransferRefused extends Exception {
    private static final long serialVersionUID = 1L;

    private final String queue;
    private final List<String> reasons;

    public TransferRefused(String queue, List<String> reasons) {
        super(String.join("; ", reasons));
        this.queue = queue;
        this.reasons = List.copyOf(reasons);
    }

    public TransferRefused(String queue, String reason) {
        this(queue, List.of(reason));
    }

    /** The queue concerned, with its leading slash. */
    public String queue() {
        return queue;
    }

    public List<String> reasons() {
        return reasons;
    }
}
