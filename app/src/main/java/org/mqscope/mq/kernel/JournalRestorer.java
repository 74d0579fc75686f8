package org.mqscope.mq.kernel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.RecoveryReport;
import org.mqscope.mq.StatusLine;
import org.mqscope.mq.kernel.journal.Journal;

/**
 * Finishes drain-and-restore peeks whose process died: for a journal still in its drain, first settles a message
 * caught between receive and commit, then drains what is left of the queue into the journal (so the restore
 * recreates the exact order), then restores; for a journal in its restore, first settles the send that was in
 * flight from the queue's curmsgs and QSIZE, then restores the rest. A journal is deleted only when empty.
 */
final class JournalRestorer {
    private final Path directory;
    private final IpcTarget namespace;

    JournalRestorer(Path directory, IpcTarget namespace) {
        this.directory = directory;
        this.namespace = namespace;
    }

    RecoveryReport recoverAll(boolean includeInDoubt) {
        List<RecoveryReport.Entry> entries = new ArrayList<>();
        List<Path> files;
        try {
            files = Journal.list(directory);
        } catch (IOException e) {
            return new RecoveryReport(List.of(new RecoveryReport.Entry(directory.toString(), null, "?", 0, 0,
                    "cannot list the journal directory: " + e.getMessage())));
        }
        for (Path file : files) {
            RecoveryReport.Entry e = recover(file, includeInDoubt);
            if (e != null) {
                entries.add(e);
            }
        }
        return new RecoveryReport(entries);
    }

    /** Null when the journal belongs to a peek still running, or held nothing. */
    RecoveryReport.Entry recover(Path file, boolean includeInDoubt) {
        Journal journal;
        try {
            journal = Journal.open(file);
        } catch (IOException e) {
            return unreadable(file, e);
        }
        if (journal == null) {
            return null; // locked: its peek is running right now
        }
        String queue = journal.queue();
        try (journal) {
            long restoredBefore = journal.restored();
            long[] missing = {journal.recordCount() - restoredBefore};
            try (PrivateDescriptor d = descriptorFor(journal)) {
                String doubt = settle(journal, d, includeInDoubt, missing);
                if (doubt != null) {
                    return new RecoveryReport.Entry(file.toString(), origin(journal), queue, 0,
                            journal.selection().toSource(journal.recordCount()) - journal.selection().toSource(restoredBefore), doubt);
                }
                long restored = new DrainRestore(d, journal).restore(DrainRestore.RESTORE_PATIENCE);
                return entry(file, journal, restoredBefore, missing[0], restored, null);
            } catch (MqException e) {
                return entry(file, journal, restoredBefore, missing[0], journal.restored(), explain(e, queue));
            }
        } catch (IOException e) {
            return unreadable(file, e);
        }
    }

    /**
     * Counts what went back: the journal's records come back in order, the missing ones first, then those the
     * recovery drained from the queue itself (still there, or sent by others meanwhile) to keep the order.
     */
    private static RecoveryReport.Entry entry(Path file, Journal journal, long restoredBefore, long missingRecords,
                                              long restoredNow, String problem) throws IOException {
        // A selection move's records that went to its target are neither missing from the source nor put back.
        long before = journal.selection().toSource(restoredBefore);
        long missing = journal.selection().toSource(restoredBefore + missingRecords) - before;
        long back = journal.selection().toSource(restoredNow) - before;
        long kept = journal.selection().toSource(journal.recordCount()) - journal.selection().toSource(restoredNow);
        long requeued = journal.selection().toSource(journal.recordCount()) - before - missing;
        if (kept == 0 && problem == null) {
            journal.delete();
        } else if (problem == null) {
            problem = "EAGAIN: the queue stayed full for " + DrainRestore.RESTORE_PATIENCE.toSeconds() + " s"
                    + (requeued > 0 ? " (some of what is kept was in the queue, or sent by other programs, when the"
                    + " recovery drained it)" : "") + "; mqscope puts them back once the queue has room (Queue →"
                    + " Restore Held Messages, or mqscope --recover)";
        }
        return new RecoveryReport.Entry(file.toString(), origin(journal), journal.queue(), Math.min(back, missing),
                kept, problem, Math.max(0, back - missing));
    }

    /**
     * What a journal is kept for, with its queues. A journal written before recreates marked themselves from the
     * start reads as a peek while it drains, as does a recreate's drain from such a build.
     */
    static RecoveryReport.Origin origin(Journal journal) {
        if (journal.selectionTarget() != null) {
            return RecoveryReport.Origin.selectionMove(journal.queue(), journal.selectionTarget());
        }
        if (journal.source() != null) {
            return RecoveryReport.Origin.move(journal.source(), journal.queue());
        }
        return journal.recreateTarget() != null ? RecoveryReport.Origin.recreate(journal.queue())
                : RecoveryReport.Origin.peek(journal.queue());
    }

    /**
     * The queue to restore into. A recreate that died after its unlink left no queue under the name: create it,
     * with the new attributes if the kernel takes them, else as it was.
     */
    private PrivateDescriptor descriptorFor(Journal journal) throws MqException {
        String queue = journal.queue();
        try {
            return PrivateDescriptor.open(namespace, queue, "recover");
        } catch (MqException e) {
            long[] target = journal.recreateTarget();
            if (e.errno() != Errno.ENOENT || journal.phase() != Journal.Phase.RECREATING || target == null) {
                throw e;
            }
            try {
                return PrivateDescriptor.create(namespace, queue, journal.mode(), target[0], target[1], "recover");
            } catch (MqException refused) {
                return PrivateDescriptor.create(namespace, queue, journal.mode(), journal.maxMessages(), journal.messageSize(),
                        "recover");
            }
        }
    }

    /**
     * Brings the journal to a state the restore loop can continue from. Returns why it cannot, or null;
     * {@code missing[0]} counts the messages missing from the queue (a staged one joins them).
     */
    private String settle(Journal journal, PrivateDescriptor d, boolean includeInDoubt, long[] missing)
            throws MqException, IOException {
        if (journal.phase() == Journal.Phase.MOVING) {
            settleMoveReceive(journal);
        }
        if (journal.phase() == Journal.Phase.SELECTING) {
            return SelectionMover.finishSelecting(namespace, journal, includeInDoubt, DrainRestore.RESTORE_PATIENCE);
        }
        if (journal.phase() == Journal.Phase.DRAINING) {
            // A selection move killed before its selection checked out is rolled back: everything goes back.
            journal.selection().keep(0);
            StatusLine now = d.status();
            Journal.StagedMessage staged = journal.uncommittedStaged();
            if (staged != null) {
                journal.commitRecovered(staged, stagedLength(staged, now.qsize()));
                missing[0]++; // received when the peek died: missing from the queue like the committed ones
            }
            MqAttributes a = d.attributes();
            new DrainRestore(d, journal).drain(a.currentMessages() + a.maxMessages(), d.status().qsize());
            return null;
        }
        if (journal.phase() == Journal.Phase.RECREATING) {
            return null; // nothing was sent yet in a recreate that had not reached its restore
        }
        return settleInFlight(journal, d, includeInDoubt);
    }

    /**
     * Settles the send marked in flight into {@code d}'s queue from its curmsgs and QSIZE: counted as done when they
     * grew by exactly that message, as not done when unchanged; otherwise in doubt, which is said (returned) unless
     * {@code includeInDoubt}. Null when there is nothing in doubt.
     */
    static String settleInFlight(Journal journal, PrivateDescriptor d, boolean includeInDoubt)
            throws MqException, IOException {
        Journal.InFlight f = journal.inFlight();
        if (f == null) {
            return null;
        }
        long length = journal.recordLength((int) f.index());
        long curmsgs = d.attributes().currentMessages();
        long qsize = d.status().qsize();
        boolean toTarget = journal.phase() == Journal.Phase.SELECTING;
        if (curmsgs == f.curmsgsBefore() + 1 && qsize == f.qsizeBefore() + length) {
            // the send happened before the process died
            if (toTarget) {
                journal.selection().markSent(journal.selection().sent() + 1);
            } else {
                journal.markRestored(f.index() + 1);
            }
        } else if (!(curmsgs == f.curmsgsBefore() && qsize == f.qsizeBefore()) && !includeInDoubt) {
            return "message " + (f.index() + 1) + " of " + journal.recordCount() + " was being sent to " + d.name
                    + " when the " + (toTarget ? "move" : "peek") + " died and that queue has changed since, so it"
                    + " may already be there; run mqscope --recover --include-in-doubt to send it (and the rest)"
                    + " anyway";
        }
        // Otherwise the queue is as it was before that send: it did not happen (or went straight to a receiver
        // that was blocked at that instant, which leaves no trace to tell by).
        return null;
    }

    /**
     * A move killed between a receive from its source and the commit: the message is in the staging slot only.
     * Its length comes from the source's QSIZE when the source can still be read, else the slot's shortest.
     * Unlike a peek's, the rest of the source is not drained: a move sends on only what it took.
     */
    private void settleMoveReceive(Journal journal) throws IOException {
        Journal.StagedMessage staged = journal.uncommittedStaged();
        if (staged == null) {
            return;
        }
        int length = staged.shortestLength();
        String source = journal.source();
        if (source != null) {
            try (PrivateDescriptor s = PrivateDescriptor.open(namespace, source, "recover")) {
                length = stagedLength(staged, s.status().qsize());
            } catch (MqException gone) {
                // the source was removed since: the shortest length the slot allows is the best guess left
            }
        }
        journal.commitRecovered(staged, length);
    }

    /**
     * The length of a message caught in the staging slot: the QSIZE it took out of the queue when that agrees with
     * where the filler starts again, else the shortest length the slot allows (the filler's first byte differs from
     * the message's next one with probability 255/256).
     */
    static int stagedLength(Journal.StagedMessage staged, long qsizeNow) {
        long byQsize = staged.qsizeBefore() - qsizeNow;
        if (byQsize >= staged.shortestLength() && byQsize <= staged.longestLength()) {
            return (int) byQsize;
        }
        return staged.shortestLength();
    }

    private static String explain(MqException e, String queue) {
        if (e.errno() == Errno.ENOENT) {
            return "ENOENT: " + queue + " no longer exists; create it again (same name) and run mqscope --recover";
        }
        if (e.errno() == Errno.EACCES) {
            return "EACCES: you lack read+write permission on " + queue + "; run mqscope --recover as its owner";
        }
        return e.errno().name() + ": " + e.errno().description() + " (" + e.operation() + ")";
    }

    private static RecoveryReport.Entry unreadable(Path file, IOException e) {
        try {
            if (Files.size(file) == 0 || isBlankHeader(file)) {
                Files.deleteIfExists(file); // created, then died before a single message was taken
                return null;
            }
        } catch (IOException ignored) {
            // fall through and report it
        }
        return new RecoveryReport.Entry(file.toString(), null, "?", 0, 0,
                "cannot read the journal: " + e.getMessage());
    }

    private static boolean isBlankHeader(Path file) throws IOException {
        try (var ch = java.nio.channels.FileChannel.open(file)) {
            ByteBuffer b = ByteBuffer.allocate(8);
            ch.read(b, 0);
            return b.getLong(0) == 0;
        }
    }
}
