package org.mqscope.mq.kernel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MessageRef;
import org.mqscope.mq.MoveProgress;
import org.mqscope.mq.MoveResult;
import org.mqscope.mq.MoveRules;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.StatusLine;
import org.mqscope.mq.kernel.journal.Journal;

/**
 * Moving selected messages out of the middle of a kernel queue: a drain-and-restore that skips them, journaled at
 * every step in one journal with a plan of which drained messages go to the target.
 * <ol>
 * <li>{@link Journal.Phase#DRAINING}: every message of the source is received into the journal (as a peek does);
 * then the planned places are checked against the selection. A mismatch (the source changed since it was read)
 * calls the plan off: everything goes back and the move refuses with ESTALE. A kill here is rolled back by
 * recovery the same way.</li>
 * <li>{@link Journal.Phase#SELECTING}: the planned messages are sent to the target in receive order, each marked
 * in flight with the target's curmsgs and QSIZE first. A target that stays full calls off the rest of the plan
 * (those go back to their places). A kill here is rolled forward: recovery settles the send in flight from the
 * target's counters and sends the rest of the plan on.</li>
 * <li>{@link Journal.Phase#RESTORING}: the other messages go back into the source in their order, as after a
 * peek, and the journal is deleted once every message is in one queue.</li>
 * </ol>
 */
final class SelectionMover {
    private final IpcTarget namespace;
    private final Path journalDirectory;
    private final Duration patience;

    SelectionMover(IpcTarget namespace, Path journalDirectory, Duration patience) {
        this.namespace = namespace;
        this.journalDirectory = journalDirectory;
        this.patience = patience;
    }

    MoveResult move(String source, String target, List<MessageRef> selection, MoveProgress progress)
            throws MqException {
        MoveRules.checkDistinct(source, target);
        List<MessageRef> sorted = selection.stream()
                .sorted(java.util.Comparator.comparingLong(MessageRef::position)).toList();
        try (PrivateDescriptor src = PrivateDescriptor.open(namespace, source, "move");
             PrivateDescriptor dst = PrivateDescriptor.open(namespace, target, "move")) {
            MqAttributes from = src.attributes();
            StatusLine fromStatus = src.status();
            MoveRules.checkSelection(sorted, from, dst.attributes(), source, target);
            Journal journal = createJournal(src, target, from, fromStatus, sorted);
            try (journal) {
                return run(journal, src, dst, sorted, from, fromStatus, progress);
            } catch (IOException e) {
                throw new MqException(Errno.EIO, "move", source, "the journal " + journal.file() + " failed ("
                        + e.getMessage() + "); mqscope --recover puts every message it holds where it belongs");
            }
        }
    }

    private MoveResult run(Journal journal, PrivateDescriptor src, PrivateDescriptor dst, List<MessageRef> sorted,
                           MqAttributes from, StatusLine fromStatus, MoveProgress progress)
            throws MqException, IOException {
        MqException refused = null;
        String stopped = null;
        long total = 0;
        try {
            new DrainRestore(src, journal).drain(from.currentMessages() + from.maxMessages(), fromStatus.qsize());
            total = 2L * journal.recordCount();
            progress.step(journal.recordCount(), total);
            refused = mismatch(journal, sorted, src.name);
            if (refused == null && progress.cancelled()) {
                stopped = MoveRules.cancelled(0, src.name);
            } else if (refused == null) {
                journal.beginSelecting();
                long drained = journal.recordCount();
                long steps = total;
                long sent = new DrainRestore(dst, journal).sendSelected(patience, () -> {
                    progress.step(drained + journal.selection().sent(), steps); // asked before each send
                    return progress.cancelled();
                });
                if (sent < sorted.size() && progress.cancelled()) {
                    stopped = MoveRules.cancelled(sent, src.name);
                } else if (sent < sorted.size()) {
                    stopped = dst.name + " stayed full for " + patience.toSeconds() + " s after taking " + sent
                            + " of the " + sorted.size() + "; the others are back in their places in " + src.name;
                }
            }
        } finally {
            // Whatever happened, nothing stays planned for the target that it did not take: back into the source.
            journal.selection().keep(journal.selection().sent());
            new DrainRestore(src, journal).restore(patience);
        }
        progress.step(total, total);
        long moved = journal.selection().sent();
        long kept = journal.selection().toSource(journal.recordCount()) - journal.selection().toSource(journal.restored());
        String file = journal.file().toString();
        if (kept == 0) {
            journal.delete();
        }
        if (refused != null) {
            throw kept == 0 ? refused : new MqException(Errno.ESTALE, "move", src.name, refused.detail() + "; "
                    + kept + " of them wait in " + file + " for room (mqscope --recover puts them back)");
        }
        return new MoveResult(moved, stopped, kept, kept == 0 ? null : file);
    }

    /** ESTALE for the first planned place that holds another message than the one selected, or null. */
    private static MqException mismatch(Journal journal, List<MessageRef> sorted, String source) throws IOException {
        for (MessageRef r : sorted) {
            if (r.position() >= journal.recordCount()) {
                return MoveRules.mismatch(source, r, null);
            }
            var m = journal.message((int) r.position());
            if (!r.matches(m)) {
                return MoveRules.mismatch(source, r, m);
            }
        }
        return null;
    }

    private Journal createJournal(PrivateDescriptor src, String target, MqAttributes a, StatusLine s,
                                  List<MessageRef> sorted) throws MqException {
        long[] positions = sorted.stream().mapToLong(MessageRef::position).toArray();
        try {
            return Journal.createSelection(journalDirectory, src.name, target, src.mode(), a.maxMessages(),
                    a.messageSize(), a.currentMessages(), s.qsize(), positions);
        } catch (IOException e) {
            throw new MqException(Errno.EIO, "move", src.name, "cannot write the journal in " + journalDirectory
                    + " (" + e.getMessage() + "); nothing was moved");
        }
    }

    /**
     * Recovery of a selection move killed in {@link Journal.Phase#SELECTING}: settles the send that was in flight
     * from the target's counters, sends the rest of the plan on, and calls off what the target cannot take (it goes
     * back into the source with the rest). Returns why the in-flight send cannot be settled, or null.
     */
    static String finishSelecting(IpcTarget namespace, Journal journal, boolean includeInDoubt, Duration patience)
            throws IOException, MqException {
        String target = journal.selectionTarget();
        try (PrivateDescriptor dst = PrivateDescriptor.open(namespace, target, "recover")) {
            String doubt = JournalRestorer.settleInFlight(journal, dst, includeInDoubt);
            if (doubt != null) {
                return doubt;
            }
            new DrainRestore(dst, journal).sendSelected(patience, () -> false);
        } catch (MqException gone) {
            if (gone.errno() != Errno.ENOENT && gone.errno() != Errno.EACCES) {
                throw gone;
            }
            // The target is gone or closed to us: what it has not taken goes back into the source.
        }
        journal.selection().keep(journal.selection().sent());
        return null;
    }
}
