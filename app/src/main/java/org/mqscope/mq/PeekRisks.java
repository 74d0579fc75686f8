package org.mqscope.mq;

import java.util.ArrayList;
import java.util.List;

/**
 * What a drain-and-restore peek would disturb, as far as this process can see before it starts.
 *
 * @param notifyOwner  the process registered with mq_notify, or null: restoring into the emptied queue fires its
 *                     notification and consumes the registration
 * @param queueFull    curmsgs == maxmsg: blocked senders take the slots the drain frees, so their messages land
 *                     between ours
 * @param openers      other processes holding the queue open (only those /proc lets us see)
 */
public record PeekRisks(ProcessRef notifyOwner, boolean queueFull, List<ProcessRef> openers) {
    public static final PeekRisks NONE = new PeekRisks(null, false, List.of());

    public PeekRisks {
        openers = List.copyOf(openers);
    }

    public boolean any() {
        return notifyOwner != null || queueFull || !openers.isEmpty();
    }

    /** One sentence per risk, for the confirmation the UI shows before a kernel peek. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        if (notifyOwner != null) {
            out.add(notifyOwner + " is registered for notification: restoring the messages into the emptied queue "
                    + "fires it and removes the registration.");
        }
        if (queueFull) {
            out.add("The queue is full: senders blocked on it will take the slots the drain frees, so their "
                    + "messages end up among the restored ones and the order within a priority can change.");
        }
        if (!openers.isEmpty()) {
            out.add("Open in " + openers.size() + (openers.size() == 1 ? " other process" : " other processes")
                    + " (" + String.join(", ", openers.stream().map(ProcessRef::toString).toList())
                    + "): they can see the queue empty or partly filled, or receive a message "
                    + "while it is out.");
        }
        return out;
    }
}
