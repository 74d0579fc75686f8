package org.mqscope.transfer;

import java.util.function.Consumer;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.PeekMethod;
import org.mqscope.mq.PeekResult;
import org.mqscope.mq.PeekSupport;
import org.mqscope.mq.QueueInfo;

/**
 * Reads every message of a queue without consuming it: with the backend's exact peek where it has one; with a
 * drain-and-restore only when the caller allows it (it receives every message and sends it back, which other
 * processes can see), and never silently.
 */
public final class QueueReading {
    private QueueReading() {
    }

    /**
     * @param allowDrain  whether a drain-and-restore may be used when no exact peek is available
     * @param notice      told, before a drain starts, what it does (the command line prints it on stderr)
     */
    public static PeekResult read(MqBackend backend, String name, boolean allowDrain, Consumer<String> notice)
            throws MqException, TransferRefused {
        try (MqQueue q = backend.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
            PeekSupport support = q.peekSupport();
            if (support.method() == PeekMethod.EXACT && support.available()) {
                return q.snapshot();
            }
            if (!allowDrain) { // said before asking for write access, which a drain needs and a reader may lack
                throw new TransferRefused(name, "no exact peek here, and reading the messages otherwise means a "
                        + PeekMethod.DRAIN_RESTORE.label() + ", which " + PeekMethod.DRAIN_RESTORE.explanation()
                        + "; add --allow-drain to accept that");
            }
        }
        try (MqQueue q = backend.open(name, Mq.O_RDWR | Mq.O_NONBLOCK)) {
            PeekSupport support = q.peekSupport();
            if (support.method() == PeekMethod.EXACT && support.available()) {
                return q.snapshot();
            }
            if (!support.available()) {
                throw new TransferRefused(name, "cannot peek: " + support.reason());
            }
            notice.accept("reading " + name + " by " + PeekMethod.DRAIN_RESTORE.label() + ": it "
                    + PeekMethod.DRAIN_RESTORE.explanation() + " (journaled: mqscope --recover puts back what a"
                    + " crash interrupts)");
            PeekResult r = q.snapshot();
            if (!r.drain().complete()) {
                notice.accept(r.drain().unrestored() + " messages could not go back into " + name
                        + " (others refilled it) and wait in " + r.drain().journal() + "; run mqscope --recover");
            }
            return r;
        }
    }

    /** The queue's listing entry (mode, owner), or null when it is not listed. */
    public static QueueInfo info(MqBackend backend, String name) throws MqException {
        for (QueueInfo i : backend.list()) {
            if (i.name().equals(name)) {
                return i;
            }
        }
        return null;
    }
}
