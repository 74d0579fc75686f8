package org.mqscope.ui.transfer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javax.swing.SwingUtilities;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MessageRef;
import org.mqscope.mq.MoveProgress;
import org.mqscope.mq.MoveResult;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.PeekMethod;
import org.mqscope.mq.QueueInfo;
import org.mqscope.transfer.Copier;
import org.mqscope.transfer.Importer;
import org.mqscope.transfer.MessageFile;
import org.mqscope.transfer.MessageFiles;
import org.mqscope.ui.core.Numbers;
import org.mqscope.ui.core.QueueContext;
import org.mqscope.ui.core.TaskSpec;

/**
 * Queue → Export Messages…, Import Messages…, Copy/Move Messages to Queue…: the command line's export, import and
 * copy (org.mqscope.transfer) behind file choosers, run as the window's long tasks (progress and Cancel), with
 * the window's notices; a cancelled one says what it did and that nothing was lost. Quick checks run on mq-io.
 * Read-only mode allows only the export, and that only by exact peek.
 */
public final class TransferActions {
    /**
     * The rows selected in the message table.
     *
     * @param positions each message's place in receive order (0 = the next mq_receive would return)
     */
    public record Selection(List<MqMessage> messages, int[] positions) {
        public static final Selection NONE = new Selection(List.of(), new int[0]);
    }

    /** What Cancel does, as the progress window says it. */
    static final String STOPS_BETWEEN_SENDS = "stops after the message being sent; what was sent stays sent";
    static final String PUTS_BACK_WHAT_DID_NOT_MOVE = "stops between two messages: those the target took stay"
            + " there, the others go back to their places";
    static final String NOTHING_WRITTEN = "stops writing and keeps no partial file; the queue is not touched";

    /** An export's outcome: written, or cancelled before the file was whole (then nothing was written). */
    private record Exported(MessageFile file, boolean written) {
    }

    private final QueueContext ctx;
    private final Supplier<Selection> selection;
    private final TransferDialogs dialogs;

    public TransferActions(QueueContext ctx, Supplier<Selection> selection, TransferDialogs dialogs) {
        this.ctx = ctx;
        this.selection = selection;
        this.dialogs = dialogs;
    }

    /** Writes the selected queue's messages to a file; a drain and restore only after asking, never read-only. */
    public void exportMessages() {
        assert SwingUtilities.isEventDispatchThread();
        String queue = ctx.queue();
        if (queue == null) {
            return;
        }
        Path file = dialogs.exportFile(ctx.window(), queue);
        if (file == null) {
            return;
        }
        MqBackend backend = ctx.backend();
        ctx.io().run(() -> peekMethod(backend, queue), method -> {
            boolean drain = method != PeekMethod.EXACT;
            if (drain && ctx.readOnly()) {
                ctx.info("Export of " + queue + " needs a drain and restore here, which read-only mode forbids.");
                return;
            }
            if (drain && !dialogs.confirm(ctx.window(), "Export " + queue + " by drain and restore?",
                    "There is no exact peek here, so the export reads " + queue + " by "
                            + PeekMethod.DRAIN_RESTORE.label() + ": it " + PeekMethod.DRAIN_RESTORE.explanation()
                            + ". Every message is journaled first, so a crash loses nothing.", "Export")) {
                return;
            }
            ctx.io().tasks().start(TaskSpec.of("Exporting " + queue).counting("messages written")
                    .cancellable(NOTHING_WRITTEN).shownOver(ctx.window()), progress -> {
                        progress.note(drain ? "Reading " + queue + " by " + PeekMethod.DRAIN_RESTORE.label()
                                : "Reading " + queue);
                        MessageFile f = Copier.export(backend, queue, drain, progress::note);
                        return new Exported(f, MessageFiles.writeFile(file, f, progress::done,
                                progress::cancelled));
                    }, e -> {
                        if (e.written()) {
                            ctx.info("Exported " + count(e.file().messages().size()) + " of " + queue + " to "
                                    + file + " (" + e.file().header().read() + ").");
                        } else {
                            ctx.info("Export of " + queue + " cancelled: nothing written to " + file
                                    + "; nothing lost (" + queue + " keeps its " + count(e.file().messages().size())
                                    + ").");
                        }
                        if (drain) {
                            ctx.queueChanged(queue);
                        }
                    }, failure -> ctx.failed("Export of " + queue, failure));
        }, failure -> ctx.failed("Export of " + queue, failure));
    }

    /** Sends a message file's messages into the selected queue, in order, after checking they all fit. */
    public void importMessages() {
        assert SwingUtilities.isEventDispatchThread();
        String queue = ctx.queue();
        if (queue == null || ctx.readOnly()) {
            return;
        }
        Path file = dialogs.importFile(ctx.window(), queue);
        if (file == null) {
            return;
        }
        MqBackend backend = ctx.backend();
        ctx.io().tasks().start(TaskSpec.of("Importing " + file.getFileName() + " into " + queue)
                .counting("messages sent").cancellable(STOPS_BETWEEN_SENDS).shownOver(ctx.window()), progress -> {
                    progress.note("Reading " + file.getFileName());
                    MessageFile f;
                    try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        f = MessageFiles.read(r);
                    }
                    return Importer.send(backend, queue, f, progress::done, progress::cancelled);
                }, r -> finished("Import into " + queue, queue, r, "the file is unchanged"),
                failure -> ctx.failed("Import of " + file.getFileName() + " into " + queue, failure));
    }

    /**
     * Copies the selected rows to another queue (the source keeps them), or moves them: rows from the first one on
     * leave from the head of the queue; any other selection leaves by a drain-and-restore that skips it, asked
     * first with the risks the peek question lists. Journaled on the kernel.
     */
    public void copySelected(boolean move) {
        copySelected(move, null);
    }

    /** As {@link #copySelected(boolean)} to a queue already chosen (a drop on the tree). */
    public void copySelectedTo(boolean move, String target) {
        copySelected(move, target);
    }

    private void copySelected(boolean move, String chosenTarget) {
        assert SwingUtilities.isEventDispatchThread();
        String queue = ctx.queue();
        Selection sel = selection.get();
        if (queue == null || ctx.readOnly() || sel.messages().isEmpty()) {
            if (queue != null && sel.messages().isEmpty()) {
                ctx.info("Select the messages to " + (move ? "move" : "copy") + " in the table first.");
            }
            return;
        }
        String verb = move ? "Move" : "Copy";
        boolean fromTheMiddle = move && !fromTheHead(sel.positions());
        MqBackend backend = ctx.backend();
        ctx.io().run(() -> backend.list().stream().map(QueueInfo::name).filter(n -> !n.equals(queue)).toList(),
                names -> {
                    if (names.isEmpty()) {
                        ctx.info("There is no other queue to " + verb.toLowerCase() + " to.");
                        return;
                    }
                    String target = chosenTarget != null ? chosenTarget : dialogs.targetQueue(ctx.window(),
                            verb + " " + count(sel.messages().size()) + " of " + queue, names);
                    if (target == null || !names.contains(target)) {
                        return;
                    }
                    if (fromTheMiddle) {
                        askThenMoveSelected(backend, queue, target, sel);
                        return;
                    }
                    if (move && !dialogs.confirm(ctx.window(), "Move to " + target + "?", "The first "
                            + count(sel.messages().size()) + " of " + queue + " leave it for " + target
                            + ". If other processes received or sent meanwhile, those are the first ones now, "
                            + "which may differ from the rows shown.", "Move")) {
                        return;
                    }
                    if (move) {
                        move(backend, queue, target, sel.messages().size());
                    } else {
                        copy(backend, queue, target, sel);
                    }
                }, failure -> ctx.failed(verb + " from " + queue, failure));
    }

    private void copy(MqBackend backend, String queue, String target, Selection sel) {
        long[] numbers = new long[sel.positions().length];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = sel.positions()[i] + 1L;
        }
        ctx.io().tasks().start(TaskSpec.of("Copying to " + target).counting("messages sent")
                .cancellable(STOPS_BETWEEN_SENDS).shownOver(ctx.window()),
                progress -> Copier.copyMessages(backend, sel.messages(), numbers, target, progress::done,
                        progress::cancelled),
                r -> finished("Copy to " + target, target, r, queue + " keeps all of them"),
                failure -> ctx.failed("Copy from " + queue + " to " + target, failure));
    }

    private void move(MqBackend backend, String queue, String target, int n) {
        // A move is journaled message by message inside the backend: it cannot stop midway, so no Cancel.
        ctx.io().tasks().start(TaskSpec.of("Moving to " + target).shownOver(ctx.window()), progress -> {
            progress.note("Moving " + count(n) + " from " + queue);
            return backend.move(queue, target, n);
        }, r -> {
            ctx.info(moved(r, queue, target));
            ctx.queueChanged(queue);
            ctx.queueChanged(target);
        }, failure -> ctx.failed("Move from " + queue + " to " + target, failure));
    }

    /** Reads the source's risks on mq-io, asks, then moves the rows out of the middle with progress and Cancel. */
    private void askThenMoveSelected(MqBackend backend, String queue, String target, Selection sel) {
        List<MessageRef> refs = new java.util.ArrayList<>();
        for (int i = 0; i < sel.positions().length; i++) {
            refs.add(MessageRef.of(sel.positions()[i], sel.messages().get(i)));
        }
        boolean journaled = ctx.kind() == org.mqscope.ui.core.BackendKind.KERNEL;
        ctx.io().run(() -> {
            try (MqQueue q = backend.open(queue, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
                return q.peekRisks().describe();
            }
        }, risks -> {
            if (!dialogs.confirmSelectionMove(ctx.window(), queue, target, refs.size(), risks, journaled)) {
                return;
            }
            ctx.io().tasks().start(TaskSpec.of("Moving " + count(refs.size()) + " from " + queue + " to " + target)
                    .counting("steps").cancellable(PUTS_BACK_WHAT_DID_NOT_MOVE).shownOver(ctx.window()), progress -> {
                        progress.note("Taking every message of " + queue + " out and back, but the selected");
                        return backend.moveSelected(queue, target, refs, new MoveProgress() {
                            @Override
                            public void step(long done, long total) {
                                progress.done(done, total);
                            }

                            @Override
                            public boolean cancelled() {
                                return progress.cancelled();
                            }
                        });
                    }, r -> {
                        ctx.info(movedSelected(r, queue, target));
                        ctx.queueChanged(queue);
                        ctx.queueChanged(target);
                    }, failure -> {
                        ctx.queueChanged(queue);
                        ctx.failed("Move from " + queue + " to " + target, failure);
                    });
        }, failure -> ctx.failed("Move from " + queue + " to " + target, failure));
    }

    /** What a move out of the middle did: the rest went back into {@code queue}, or waits to. */
    static String movedSelected(MoveResult r, String queue, String target) {
        String s = "Moved " + count(r.moved()) + " from " + queue + " to " + target + ".";
        if (r.stopped() != null) {
            s += " Stopped: " + r.stopped() + ".";
        }
        if (r.kept() > 0) {
            s += " " + count(r.kept()) + " wait in " + r.journal() + " for room in " + queue
                    + " (mqscope --recover puts them back).";
        }
        return s;
    }

    static String moved(MoveResult r, String queue, String target) {
        String s = "Moved " + count(r.moved()) + " from " + queue + " to " + target + ".";
        if (r.kept() > 0) {
            s += " " + count(r.kept()) + " wait in " + r.journal() + " for room in " + target
                    + " (mqscope --recover sends them on).";
        } else if (r.stopped() != null) {
            s += " Stopped: " + r.stopped() + ".";
        }
        return s;
    }

    /** {@code kept}: why a cancel lost nothing ("the file is unchanged"). */
    private void finished(String operation, String queue, Importer.Result r, String kept) {
        ctx.queueChanged(queue);
        if (r.failure() != null) {
            ctx.failed(operation + " stopped after " + r.sent() + " of " + r.total()
                    + (r.failedLine() > 0 ? " (at " + r.failedLine() + ")" : ""), r.failure());
        } else if (r.cancelled()) {
            ctx.info(cancelled(operation, r, kept));
        } else {
            ctx.info(operation + ": " + r.describe(queue) + ".");
        }
    }

    /** "Copy to /dst cancelled: sent 312 of 1,000 messages; nothing lost (/src keeps all of them)." */
    static String cancelled(String operation, Importer.Result r, String kept) {
        return operation + " cancelled: sent " + Numbers.grouped(r.sent()) + " of " + count(r.total())
                + "; nothing lost (" + kept + ").";
    }

    static boolean fromTheHead(int[] positions) {
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] != i) {
                return false;
            }
        }
        return positions.length > 0;
    }

    private static PeekMethod peekMethod(MqBackend backend, String queue) throws org.mqscope.mq.MqException {
        try (MqQueue q = backend.open(queue, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
            return q.peekSupport().method();
        }
    }

    private static String count(long n) {
        return Numbers.grouped(n) + (n == 1 ? " message" : " messages");
    }
}
