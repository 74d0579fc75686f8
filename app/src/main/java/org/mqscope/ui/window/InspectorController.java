package org.mqscope.ui.window;

import org.mqscope.ui.core.Numbers;

import org.mqscope.ui.core.UiPrefs;
import org.mqscope.ui.core.IoExecutor;
import org.mqscope.ui.core.TaskSpec;
import org.mqscope.ui.core.IoExecutor.IoTask;
import org.mqscope.ui.core.ErrorText;
import org.mqscope.ui.core.QueueView;
import org.mqscope.ui.core.Dialogs;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.monitor.QueueSample;
import org.mqscope.monitor.SampleBatch;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.PeekMethod;
import org.mqscope.mq.PeekResult;
import org.mqscope.mq.PeekSupport;
import org.mqscope.ui.core.ErrorText.Explanation;
import org.mqscope.ui.actions.ActionSet;
import org.mqscope.ui.detail.DetailContent;
import org.mqscope.ui.detail.DetailPanel;
import org.mqscope.ui.messages.MessageTablePanel;
import org.mqscope.ui.notice.NoticeBar;
import org.mqscope.ui.peek.DrainReportText;
import org.mqscope.ui.status.StatusBar;

import javax.swing.SwingUtilities;
import java.awt.Component;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

/**
 * The selected queue and its messages: which peek method applies, live peeks (exact, about twice a second) or
 * peeks on demand (drain and restore, asked first), and the message shown in the detail pane. EDT-owned; every
 * backend call runs on mq-io.
 */
final class InspectorController implements QueueView {
    static final String READ_ONLY_PEEK = "Read-only mode: kernel peeks are off (they receive and re-send every "
            + "message).";
    /** Live peeks for exact peeks come with each sampling pass: about 2 Hz. */
    static final Duration LIVE_PERIOD = MainController.SAMPLE_PERIOD;
    /** Payloads up to this size are prepared for the detail pane on the EDT; bigger ones on mq-io. */
    static final int DETAIL_ON_EDT_MAX = 64 * 1024;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final IoExecutor io;
    private final MainController main;
    private final MessageTablePanel table;
    private final DetailPanel detail;
    private final NoticeBar notice;
    private final StatusBar status;
    private final ActionSet actions;
    private final Dialogs dialogs;
    private final UiPrefs prefs;
    private final Component parent;
    /** The last sampler peek shown: a batch carrying the same object has nothing new. */
    private PeekResult sampledPeek;

    private String queue;
    private PeekMethod method;
    /** Bumped when the queue or backend changes: answers for an older selection are dropped. */
    private int selection;
    private boolean peekInFlight;
    /** The queue whose first message the next peek that finds any selects, or null. */
    private String selectFirstMessageOf;
    /** A message a panel asked to select once its queue's next peek shows it; EDT only. */
    private PendingSelection pendingSelection;
    /** The messages on screen; read on mq-io to skip unchanged live peeks. */
    private volatile List<MqMessage> shown = List.of();
    /** The info line of the last peek shown, or null. */
    private String lastPeek;

    InspectorController(IoExecutor io, MainController main, MessageTablePanel table, DetailPanel detail,
                        NoticeBar notice, StatusBar status, ActionSet actions, Dialogs dialogs, UiPrefs prefs,
                        Component parent) {
        this.io = io;
        this.main = main;
        this.table = table;
        this.detail = detail;
        this.notice = notice;
        this.status = status;
        this.actions = actions;
        this.dialogs = dialogs;
        this.prefs = prefs;
        this.parent = parent;
        table.onSelect(this::messageSelected);
        table.onSelectedLeft(this::selectedMessageLeft);
        table.onRowsCopied(text -> status.setMessage("Copied " + (text.split("\n", -1).length - 2)
                + " rows as text (index, priority, size, body)."));
        table.onFreezeChanged(frozen -> {
            if (!frozen && method == PeekMethod.EXACT) {
                peekNow();
            } else if (frozen && lastPeek != null) {
                table.setInfo(lastPeek + " · frozen: press Freeze again to follow the queue");
            }
        });
        table.onFilterChanged(f -> detail.setHighlights(f.highlights()));
    }

    String queue() {
        return queue;
    }

    PeekMethod method() {
        return method;
    }

    /** A new backend is in use: nothing selected, and the status bar says how it peeks. */
    @Override
    public void backendChanged(BackendKind kind) {
        queueSelected(null);
        status.setPeek(kind == BackendKind.EMULATED ? "Peek: exact, live (~2 Hz)"
                : "Peek: exact where the BPF helper runs, else drain and restore (select a queue)");
    }

    /** The tree's selection changed. */
    @Override
    public void queueSelected(String name) {
        assert SwingUtilities.isEventDispatchThread();
        selection++;
        main.focusSampler(null);
        sampledPeek = null;
        queue = name;
        method = null;
        shown = List.of();
        lastPeek = null;
        detail.clear(null);
        notice.dismissUnlessAbout(name);
        actions.update(actions.state().withQueue(name, null));
        if (name == null) {
            table.clear("Messages", MessageTablePaneText.NO_QUEUE);
            return;
        }
        table.clear(main.titled(name), "Opening " + name + "…");
        int sel = selection;
        MqBackend backend = main.backend();
        io.run(() -> {
            try (MqQueue q = backend.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
                return q.peekSupport();
            }
        }, support -> {
            if (sel == selection) {
                supportKnown(support);
            }
        }, failure -> {
            if (sel == selection) {
                Explanation why = ErrorText.explain(failure);
                table.clear(main.titled(name), "Cannot open " + name + ": " + why.headline());
            }
        });
    }

    private void supportKnown(PeekSupport support) {
        method = support.method();
        actions.update(actions.state().withPeekMethod(method));
        // The kernel backend peeks exactly where its helper can run; the fallback says why not, in the tooltip.
        String why = support.available() ? support.reason() : null;
        status.setPeek(method == PeekMethod.EXACT ? "Peek: exact, live (~2 Hz)"
                : "Peek: drain and restore, on demand (F5)" + (why != null ? " (exact unavailable)" : ""), why);
        if (!support.available()) {
            table.clear(main.titled(queue), "Cannot peek " + queue + ": " + support.reason());
            return;
        }
        table.setFreezable(method == PeekMethod.EXACT);
        if (method == PeekMethod.EXACT) {
            peekNow();
            main.focusSampler(queue); // from now on the sampling passes bring its messages along
        } else {
            table.clear(main.titled(queue), main.readOnly() ? MessageTablePaneText.KERNEL_READ_ONLY : MessageTablePaneText.KERNEL);
        }
    }

    /** Read-only mode changed: a kernel queue's table says what is possible now. */
    @Override
    public void readOnlyChanged(boolean readOnly) {
        if (!readOnly) {
            status.clearMessageStartingWith("Read-only mode");
        }
        if (queue != null && method == PeekMethod.DRAIN_RESTORE && shown.isEmpty()) {
            table.clear(main.titled(queue), main.readOnly() ? MessageTablePaneText.KERNEL_READ_ONLY : MessageTablePaneText.KERNEL);
        }
    }

    /**
     * A sampling pass. A kernel peek is a picture of one moment: when the queue's depth has moved away from it, the
     * table says so (the emulation's live peeks follow by themselves).
     */
    @Override
    public void sampled(SampleBatch batch) {
        if (queue != null && method == PeekMethod.EXACT) {
            livePeek(batch);
            return;
        }
        if (queue == null || method != PeekMethod.DRAIN_RESTORE || peekInFlight || lastPeek == null) {
            return;
        }
        QueueSample s = batch.find(queue);
        if (s != null && s.attributesKnown() && s.currentMessages() != shown.size()) {
            table.setInfo(lastPeek + " · now " + s.currentMessages() + " in the queue: F5 to peek again");
        }
    }

    /** F5 or the Peek button: peek the selected queue now; on the kernel this asks first (unless told not to). */
    void peekRequested() {
        assert SwingUtilities.isEventDispatchThread();
        if (queue == null || method == null) {
            return;
        }
        if (method == PeekMethod.EXACT) {
            peekNow();
            return;
        }
        if (main.readOnly()) {
            status.setMessage(READ_ONLY_PEEK);
            return;
        }
        int sel = selection;
        String name = queue;
        MqBackend backend = main.backend();
        io.run(() -> {
            try (MqQueue q = backend.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
                return new PeekQuestion(q.getAttributes().currentMessages(), q.peekRisks());
            }
        }, question -> {
            if (sel != selection) {
                return;
            }
            // Risks belong to this queue now and are always asked; the general explanation may be skipped, and an
            // empty queue with nobody else on it has nothing to disturb.
            if (!question.risks().any() && (question.count() == 0 || !prefs.askBeforeKernelPeek())) {
                peekNow();
                return;
            }
            Dialogs.PeekAnswer answer = dialogs.confirmKernelPeek(parent, main.titled(name), PeekMethod.DRAIN_RESTORE,
                    question.risks().describe());
            if (answer.dontExplainAgain()) {
                prefs.setAskBeforeKernelPeek(false);
                actions.setSelected(org.mqscope.ui.actions.AppAction.EXPLAIN_KERNEL_PEEK, false);
            }
            if (answer.go() && sel == selection) {
                peekNow();
            }
        }, failure -> peekFailed(name, failure));
    }

    /** What the kernel peek question needs to know: how many messages would be drained, and who would notice. */
    private record PeekQuestion(long count, org.mqscope.mq.PeekRisks risks) {
    }

    /** The messages the sampling pass read with the tree's sample: the table moves with the tree, not apart. */
    private void livePeek(SampleBatch batch) {
        PeekResult r = batch.focus();
        QueueSample s = batch.find(queue);
        if (r == null || s == null || table.frozen() || peekInFlight || r == sampledPeek) {
            if (s == null && batch.failure() == null && !shown.isEmpty() && !table.frozen()) {
                table.clear(queue, queue + " is gone from the listing.");
                shown = List.of();
            }
            return;
        }
        sampledPeek = r;
        if (!r.messages().equals(shown) || shown.isEmpty()) {
            showPeek(queue, r);
        }
    }

    /** Peeks the selected queue now (the sampling passes bring the live updates of exact peeks). */
    private void peekNow() {
        int sel = selection;
        String name = queue;
        MqBackend backend = main.backend();
        List<MqMessage> before = shown;
        boolean drain = method == PeekMethod.DRAIN_RESTORE;
        peekInFlight = true;
        if (drain) {
            table.setInfo("Peeking by drain and restore…");
        }
        IoTask<PeekResult> task = () -> {
            try (MqQueue q = backend.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
                PeekResult r = q.snapshot();
                // An unchanged live peek repaints nothing: the comparison runs here, off the EDT.
                return !drain && r.messages().equals(before) && !before.isEmpty() ? null : r;
            }
        };
        Consumer<PeekResult> shownIfCurrent = result -> {
            peekInFlight = false;
            if (sel == selection && result != null) {
                showPeek(name, result);
            }
        };
        Consumer<Throwable> failed = failure -> {
            peekInFlight = false;
            if (sel == selection) {
                peekFailed(name, failure);
            }
        };
        // A drain and restore takes as long as the queue is deep: the long lane, so quick reads go on meanwhile.
        if (drain) {
            // A long task (shown in the status bar); journaled message by message, so it has no Cancel.
            io.tasks().start(TaskSpec.of("Peeking " + name + " by drain and restore"), progress -> {
                progress.note("Peeking " + name + " by drain and restore");
                return task.call();
            }, shownIfCurrent, failed);
        } else {
            io.run(task, shownIfCurrent, failed);
        }
    }

    private void showPeek(String name, PeekResult r) {
        shown = r.messages();
        String when = LocalTime.ofInstant(r.takenAt(), ZoneId.systemDefault()).format(CLOCK);
        String count = r.size() == 1 ? "1 message" : Numbers.grouped(r.size()) + " messages";
        String info = count + " · " + r.method().label() + (r.method() == PeekMethod.EXACT ? " (live)" : "")
                + " at " + when + (r.drain().unrestored() > 0 ? " · " + r.drain().unrestored()
                + " more held in a journal (not in the queue)" : "");
        lastPeek = info;
        table.showMessages(main.titled(name), info, r.messages(), r.size() == 0 ? name + " is empty." : null);
        if (r.method() == PeekMethod.DRAIN_RESTORE) {
            String headline = DrainReportText.headline(name, r);
            String details = String.join("\n", DrainReportText.details(r));
            if (!r.drain().complete()) {
                main.heldIn(name);
            }
            notice.showAbout(name, DrainReportText.worrying(r), headline, details);
            main.sampleSoon();
        }
        PendingSelection p = pendingSelection;
        if (p != null && p.queue().equals(name)) {
            pendingSelection = null;
            selectShown(p.which());
            selectFirstMessageOf = null; // the message asked for wins over the first one
        }
        if (name.equals(selectFirstMessageOf) && r.size() > 0) {
            selectFirstMessageOf = null;
            table.selectFirstRow();
        }
        refreshShownMessage();
    }

    /**
     * Selects the first shown message of {@code name} that {@code which} accepts: now if {@code name} is shown,
     * else when the next peek of it arrives.
     */
    void selectMessageWhenShown(String name, java.util.function.Predicate<MqMessage> which) {
        pendingSelection = null;
        if (name.equals(queue) && shown != null && selectShown(which)) {
            return;
        }
        pendingSelection = new PendingSelection(name, which);
    }

    private boolean selectShown(java.util.function.Predicate<MqMessage> which) {
        for (int row = 0; row < shown.size(); row++) {
            if (which.test(shown.get(row))) {
                int view = table.table().convertRowIndexToView(row); // the table may be sorted or filtered
                if (view < 0) {
                    return false;
                }
                table.table().setRowSelectionInterval(view, view);
                table.table().scrollRectToVisible(table.table().getCellRect(view, 0, true));
                return true;
            }
        }
        return false;
    }

    private record PendingSelection(String queue, java.util.function.Predicate<MqMessage> which) {
    }

    /** The first peek of {@code queue} that finds messages selects the first one (the demo's first impression). */
    void selectFirstMessageOnce(String queue) {
        selectFirstMessageOf = queue;
    }

    /** After new rows: if the selected row now holds another message, show that one. */
    private void refreshShownMessage() {
        int row = table.selectedModelRow();
        DetailContent c = detail.content();
        if (row >= 0 && (c == null || c.received() || !c.message().equals(table.model().messageAt(row)))) {
            if (c == null || !c.received()) {
                messageSelected(row);
            }
        }
    }

    private void peekFailed(String name, Throwable failure) {
        Explanation why = ErrorText.explain(failure);
        main.focusSampler(null);
        table.clear(main.titled(name), "Cannot peek " + name + ": " + why.headline());
        notice.showAbout(name, true, "Peek of " + name + " failed. " + why.headline(),
                MainController.joinLines(why.call(), why.detail()));
    }

    /** A row was selected in the table (its receive index; -1: none). */
    void messageSelected(int row) {
        if (row < 0) {
            if (detail.content() != null && !detail.content().received()) {
                detail.clear(null);
                actions.update(actions.state().withMessageShown(false));
            }
            return;
        }
        MqMessage m = table.model().messageAt(row);
        DetailContent c = detail.content();
        if (c != null && !c.received() && c.message() == m) {
            detail.retitle("Message #" + row + " of " + queue); // the same message, moved up the queue
            return;
        }
        show("Message #" + row + " of " + queue, m, false);
    }

    /** The selected message is not in the queue any more: it stays in the detail pane, marked so. */
    private void selectedMessageLeft(MqMessage m) {
        DetailContent c = detail.content();
        if (c != null && !c.received() && c.message() == m) {
            detail.retitle("No longer in " + queue + " (received or purged since)");
            status.setMessage("The message shown has left " + queue + "; it stays here until you select another.");
        }
    }

    /** A message taken out of the queue by Receive: shown in the detail pane, marked as no longer queued. */
    void showReceived(String name, MqMessage m) {
        table.table().clearSelection();
        show("Received from " + name + " (no longer in the queue)", m, true);
    }

    private void show(String heading, MqMessage m, boolean received) {
        if (m.size() <= DETAIL_ON_EDT_MAX) {
            detail.show(DetailContent.of(heading, m, received));
            actions.update(actions.state().withMessageShown(true));
            return;
        }
        int sel = selection;
        detail.clear("Preparing a " + Numbers.bytes(m.size()) + " message…");
        io.run(() -> DetailContent.of(heading, m, received), c -> {
            if (sel == selection) {
                detail.show(c);
                actions.update(actions.state().withMessageShown(true));
            }
        }, failure -> detail.clear("Cannot show this message: " + ErrorText.explain(failure).headline()));
    }

    /** After a receive or purge: peek again (exact) or say the table shows the state before (kernel). */
    void queueChanged(String name) {
        if (!name.equals(queue)) {
            return;
        }
        if (method == PeekMethod.EXACT) {
            peekNow();
        } else if (!shown.isEmpty()) {
            table.setInfo("Shows " + name + " before your change; peek again (F5) to see it now.");
        }
    }

    /** Ctrl+C: the shown message as the tab in front shows it. */
    void copy() {
        String text = detail.copyText();
        if (text != null) {
            Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(text), null);
            status.setMessage("Copied " + Numbers.grouped(text.length()) + " characters.");
        }
    }

    void stop() {
        main.focusSampler(null);
        selection++;
    }

    /** Texts of the message table when it has no rows. */
    static final class MessageTablePaneText {
        static final String NO_QUEUE = "Select a queue to list its messages here, in receive order.";
        static final String KERNEL = "Press F5 or Peek to read the messages. On the kernel a peek drains the queue "
                + "and restores it, so mqscope asks first.";
        static final String KERNEL_READ_ONLY = "Read-only mode: the kernel can only be peeked by draining and "
                + "restoring the queue, which read-only mode does not do.";

        private MessageTablePaneText() {
        }
    }
}
