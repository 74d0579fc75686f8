package org.mqscope.ui.window;

import org.mqscope.ui.core.UiPrefs;
import org.mqscope.ui.core.IoExecutor;
import org.mqscope.ui.core.ErrorText;
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
import javax.swing.Timer;
import java.awt.Component;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The selected queue and its messages: which peek method applies, live peeks (exact, about twice a second) or
 * peeks on demand (drain and restore, asked first), and the message shown in the detail pane. EDT-owned; every
 * backend call runs on mq-io.
 */
final class InspectorController {
    /** Live peek period for exact peeks: about 2 Hz. */
    static final Duration LIVE_PERIOD = Duration.ofMillis(500);
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
    private final Timer live;

    private String queue;
    private PeekMethod method;
    /** Bumped when the queue or backend changes: answers for an older selection are dropped. */
    private int selection;
    private boolean peekInFlight;
    private boolean selectFirstMessage;
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
        live = new Timer((int) LIVE_PERIOD.toMillis(), e -> livePeek());
        live.setRepeats(true);
        table.onSelect(this::messageSelected);
    }

    String queue() {
        return queue;
    }

    PeekMethod method() {
        return method;
    }

    /** A new backend is in use: nothing selected, and the status bar says how it peeks. */
    void backendChanged() {
        queueSelected(null);
        BackendKind kind = main.currentKind();
        status.setPeek(kind == BackendKind.EMULATED ? "Peek: exact, live (~2 Hz)"
                : "Peek: drain and restore, on demand (F5)");
    }

    /** The tree's selection changed. */
    void queueSelected(String name) {
        assert SwingUtilities.isEventDispatchThread();
        selection++;
        live.stop();
        queue = name;
        method = null;
        shown = List.of();
        lastPeek = null;
        detail.clear(null);
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
        if (!support.available()) {
            table.clear(main.titled(queue), "Cannot peek " + queue + ": " + support.reason());
            return;
        }
        if (method == PeekMethod.EXACT) {
            peekNow();
            live.start();
        } else {
            table.clear(main.titled(queue), main.readOnly() ? MessageTablePaneText.KERNEL_READ_ONLY : MessageTablePaneText.KERNEL);
        }
    }

    /** Read-only mode changed: a kernel queue's table says what is possible now. */
    void readOnlyChanged() {
        if (queue != null && method == PeekMethod.DRAIN_RESTORE && shown.isEmpty()) {
            table.clear(main.titled(queue), main.readOnly() ? MessageTablePaneText.KERNEL_READ_ONLY : MessageTablePaneText.KERNEL);
        }
    }

    /**
     * A sampling pass. A kernel peek is a picture of one moment: when the queue's depth has moved away from it, the
     * table says so (the emulation's live peeks follow by themselves).
     */
    void sampled(SampleBatch batch) {
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
            status.setMessage("Read-only mode: kernel peeks are off (they receive and re-send every message).");
            return;
        }
        if (!prefs.askBeforeKernelPeek()) {
            peekNow();
            return;
        }
        int sel = selection;
        String name = queue;
        MqBackend backend = main.backend();
        io.run(() -> {
            try (MqQueue q = backend.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
                return q.peekRisks().describe();
            }
        }, risks -> {
            if (sel != selection) {
                return;
            }
            Dialogs.PeekAnswer answer = dialogs.confirmKernelPeek(parent, main.titled(name), PeekMethod.DRAIN_RESTORE, risks);
            if (answer.dontAskAgain()) {
                prefs.setAskBeforeKernelPeek(false);
            }
            if (answer.go() && sel == selection) {
                peekNow();
            }
        }, failure -> peekFailed(name, failure));
    }

    private void livePeek() {
        if (!peekInFlight && method == PeekMethod.EXACT) {
            peek(true);
        }
    }

    private void peekNow() {
        peek(false);
    }

    /** {@code fromTimer}: a live peek, whose failure (e.g. the queue was just unlinked) needs no notice. */
    private void peek(boolean fromTimer) {
        int sel = selection;
        String name = queue;
        MqBackend backend = main.backend();
        List<MqMessage> before = shown;
        boolean drain = method == PeekMethod.DRAIN_RESTORE;
        peekInFlight = true;
        if (drain) {
            table.setInfo("Peeking by drain and restore…");
        }
        io.run(() -> {
            try (MqQueue q = backend.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
                PeekResult r = q.snapshot();
                // An unchanged live peek repaints nothing: the comparison runs here, off the EDT.
                return !drain && r.messages().equals(before) && !before.isEmpty() ? null : r;
            }
        }, result -> {
            peekInFlight = false;
            if (sel == selection && result != null) {
                showPeek(name, result);
            }
        }, failure -> {
            peekInFlight = false;
            if (sel == selection) {
                if (fromTimer) {
                    live.stop();
                    table.clear(main.titled(name), "Cannot peek " + name + ": " + ErrorText.explain(failure).headline());
                } else {
                    peekFailed(name, failure);
                }
            }
        });
    }

    private void showPeek(String name, PeekResult r) {
        shown = r.messages();
        String when = LocalTime.ofInstant(r.takenAt(), ZoneId.systemDefault()).format(CLOCK);
        String count = r.size() == 1 ? "1 message" : String.format("%,d messages", r.size());
        String info = count + " · " + r.method().label() + (r.method() == PeekMethod.EXACT ? " (live)" : "")
                + " at " + when;
        lastPeek = info;
        table.showMessages(main.titled(name), info, r.messages(), r.size() == 0 ? name + " is empty." : null);
        if (r.method() == PeekMethod.DRAIN_RESTORE) {
            String headline = DrainReportText.headline(name, r);
            String details = String.join("\n", DrainReportText.details(r));
            if (DrainReportText.worrying(r)) {
                notice.show(headline, details);
            } else {
                notice.showInfo(headline, details);
            }
            main.sampleSoon();
        }
        if (selectFirstMessage && r.size() > 0) {
            selectFirstMessage = false;
            table.table().setRowSelectionInterval(0, 0);
        }
        refreshShownMessage();
    }

    /** The next peek that finds messages selects the first one (the demo's first impression). */
    void selectFirstMessageOnce() {
        selectFirstMessage = true;
    }

    /** After new rows: if the selected row now holds another message, show that one. */
    private void refreshShownMessage() {
        int row = table.table().getSelectedRow();
        DetailContent c = detail.content();
        if (row >= 0 && (c == null || c.received() || !c.message().equals(table.model().messageAt(row)))) {
            if (c == null || !c.received()) {
                messageSelected(row);
            }
        }
    }

    private void peekFailed(String name, Throwable failure) {
        Explanation why = ErrorText.explain(failure);
        live.stop();
        table.clear(main.titled(name), "Cannot peek " + name + ": " + why.headline());
        notice.show("Peek of " + name + " failed. " + why.headline(), MainController.joinLines(why.call(),
                why.detail()));
    }

    /** A row was selected in the table (-1: none). */
    void messageSelected(int row) {
        if (row < 0) {
            if (detail.content() != null && !detail.content().received()) {
                detail.clear(null);
                actions.update(actions.state().withMessageShown(false));
            }
            return;
        }
        MqMessage m = table.model().messageAt(row);
        show("Message #" + row + " of " + queue, m, false);
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
        detail.clear("Preparing a " + org.mqscope.ui.detail.Sizes.bytes(m.size()) + " message…");
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
            status.setMessage("Copied " + String.format("%,d", text.length()) + " characters.");
        }
    }

    void stop() {
        live.stop();
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
