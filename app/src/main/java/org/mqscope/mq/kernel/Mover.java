package org.mqscope.mq.kernel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MoveResult;
import org.mqscope.mq.MoveRules;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.QueueNames;
import org.mqscope.mq.kernel.journal.Journal;

/**
 * Move on the kernel, one message at a time through a {@link Journal.Phase#MOVING} journal: receive from the
 * source straight into the journal and commit it, then send it on to the target marked in flight. A process
 * killed at any instant leaves each message in exactly one place: the source, the journal, or the target —
 * and {@code --recover} sends what the journal holds on to the target (it never goes back to the source, whose
 * order other processes may have changed meanwhile).
 */
final class Mover {
    /** The IPC namespace both queues are in. */
    private final IpcTarget namespace;
    private final Path journalDirectory;
    private final Duration patience;

    Mover(IpcTarget target, Path journalDirectory, Duration patience) {
        this.namespace = target;
        this.journalDirectory = journalDirectory;
        this.patience = patience;
    }

    MoveResult move(String source, String target, long limit) throws MqException {
        if (QueueNames.error(source) == null && QueueNames.canonical(source).equals(QueueNames.canonical(target))) {
            throw new MqException(Errno.EINVAL, "move", source, "source and target are the same queue");
        }
        try (PrivateDescriptor src = PrivateDescriptor.open(namespace, source, "move");
             PrivateDescriptor dst = PrivateDescriptor.open(namespace, target, "move")) {
            MqAttributes from = src.attributes();
            MqAttributes to = dst.attributes();
            MoveRules.checkSizes(from, to, source, target);
            Journal journal = createJournal(source, target, dst.mode(), to, from);
            try (journal) {
                DrainRestore toTarget = new DrainRestore(dst, journal);
                DrainRestore fromSource = new DrainRestore(src, journal);
                String stopped = null;
                while (journal.recordCount() < limit) {
                    to = dst.attributes();
                    if (to.currentMessages() >= to.maxMessages()) {
                        stopped = src.attributes().currentMessages() > 0 ? MoveRules.full(target, to) : null;
                        break;
                    }
                    if (fromSource.drain(1, src.status().qsize()) == 0) {
                        break; // the source is empty
                    }
                    if (toTarget.restore(patience) < journal.recordCount()) {
                        stopped = target + " stayed full for " + patience.toSeconds() + " s";
                        break;
                    }
                }
                long moved = journal.restored();
                long kept = journal.recordCount() - moved;
                if (kept == 0) {
                    journal.delete();
                    return new MoveResult(moved, stopped, 0, null);
                }
                return new MoveResult(moved, stopped, kept, journal.file().toString());
            } catch (IOException e) {
                throw new MqException(Errno.EIO, "move", source, "the journal " + journal.file() + " failed ("
                        + e.getMessage() + "); what it holds is sent on to " + target + " by mqscope --recover");
            }
        }
    }

    private Journal createJournal(String source, String target, int mode, MqAttributes to, MqAttributes from)
            throws MqException {
        try {
            return Journal.createMove(journalDirectory, source, target, mode, to.maxMessages(), from.messageSize(),
                    to.currentMessages(), 0);
        } catch (IOException e) {
            throw new MqException(Errno.EIO, "move", source, "cannot write the journal in " + journalDirectory
                    + " (" + e.getMessage() + "); nothing was moved");
        }
    }
}
