package org.mqscope.ui.compose;

import org.mqscope.ui.core.Numbers;

import net.miginfocom.swing.MigLayout;
import org.mqscope.monitor.QueueSample;
import org.mqscope.monitor.SampleBatch;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqQueue;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.ErrorText;
import org.mqscope.ui.core.Icons;
import org.mqscope.ui.core.QueueContext;
import org.mqscope.ui.core.QueueView;
import org.mqscope.ui.core.TaskProgress;
import org.mqscope.ui.core.TaskSpec;
import org.mqscope.ui.core.TaskView;
import org.mqscope.ui.core.Dim;

import javax.swing.AbstractAction;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.KeyStroke;
import javax.swing.ListCellRenderer;
import javax.swing.SwingUtilities;
import java.awt.Dimension;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.concurrent.ExecutorService;
import java.util.prefs.Preferences;

/**
 * The "Send" tab: composes a payload and sends it N times to the selected queue, on the composer's own
 * mq-send thread with its own write-only descriptor (mq-io stays free for peeks and
 * refreshes), with progress and Cancel. It never waits forever: a send either waits up to a timeout
 * (mq_timedsend) or not at all (O_NONBLOCK). EDT only.
 */
public final class SendComposerPanel extends JPanel implements QueueView {
    public static final String NO_QUEUE = "Select a queue in the tree to send to it.";
    public static final String READ_ONLY = "Read-only mode: sending is off (toggle Read-only to send).";
    private static final int PREFERRED_WIDTH = 600;
    private static final int PREFERRED_HEIGHT = 220;
    private static final int MINIMUM_WIDTH = 300;
    private static final int MINIMUM_HEIGHT = 160;
    private static final KeyStroke SEND_KEY = KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, InputEvent.CTRL_DOWN_MASK);

    private final QueueContext ctx;
    private final Preferences prefs;
    private final RecentPayloads recent;
    private final ExecutorService sendThread = BulkSender.newExecutor();
    private final PayloadEditor payload;
    private final JLabel target = new JLabel(NO_QUEUE);
    private final JComboBox<RecentPayloads.Entry> recentBox = new JComboBox<>();
    private final JLabel info = new JLabel(" ");
    private final JLabel result = new JLabel(" ");
    private final TaskView sending = new TaskView("compose");
    private final SendOptions options;
    private final JButton send = new JButton("Send");

    private String queue;
    /** The selected queue's attributes as last read; null until known. */
    private MqAttributes attrs;
    /** The send running, or null. */
    private TaskProgress running;
    private boolean loadingRecent;

    public SendComposerPanel(QueueContext ctx) {
        super(new MigLayout("insets 6 8 6 8, wrap 2, hidemode 3", "[grow, fill]16[]", "[][grow, fill][][]"));
        assert SwingUtilities.isEventDispatchThread();
        this.ctx = ctx;
        this.prefs = ctx.prefs("compose");
        this.recent = new RecentPayloads(prefs.node("recent"));
        this.payload = new PayloadEditor(prefs, this::updateState);
        this.options = new SendOptions(prefs, this::updateState);
        setName("compose");
        target.setName("compose.target");
        recentBox.setName("compose.recent");
        info.setName("compose.info");
        result.setName("compose.result");
        send.setName("compose.send");
        send.setIcon(Icons.action("send"));

        target.putClientProperty("FlatLaf.style", "font: bold");
        recentBox.setPrototypeDisplayValue(new RecentPayloads.Entry(PayloadMode.TEXT, "x".repeat(20), 0));
        recentBox.setToolTipText("The last " + RecentPayloads.KEEP + " payloads sent to this queue: pick one to "
                + "load it into the editor, then Send");
        recentBox.addActionListener(e -> loadRecent());
        recentBox.setRenderer(placeholderRenderer(recentBox));
        send.setToolTipText("Send to the selected queue (Ctrl+Enter)");
        send.setMnemonic(KeyEvent.VK_S);
        send.addActionListener(e -> send());
        JPanel head = new JPanel(new MigLayout("insets 0", "[grow, fill]12[][]", "[]"));
        head.add(target, "wmin 0");
        head.add(new JLabel("Recent:"));
        head.add(recentBox, "wmax 280");
        JPanel actions = new JPanel(new MigLayout("insets 0", "[grow, fill][260!][]", "[]"));
        actions.add(info, "wmin 0");
        actions.add(sending);
        actions.add(send, "tag ok");

        add(head, "span 2");
        add(payload, "grow, push, hmin 60");
        add(options, "aligny top");
        add(actions, "span 2");
        add(Dim.text(result), "span 2, wmin 0");
        // As much room as the Message tab asks for: the message table keeps most of the height.
        setPreferredSize(new Dimension(PREFERRED_WIDTH, PREFERRED_HEIGHT));
        // The split pane honours minimums: the sum of the rows' would push the table up; the editor shrinks first.
        setMinimumSize(new Dimension(MINIMUM_WIDTH, MINIMUM_HEIGHT));

        AbstractAction sendAction = new AbstractAction("send") {
            @Override
            public void actionPerformed(ActionEvent e) {
                send();
            }
        };
        getInputMap(WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(SEND_KEY, "compose.send");
        getActionMap().put("compose.send", sendAction);
        payload.editor().getInputMap(WHEN_FOCUSED).put(SEND_KEY, "compose.send");
        // Tab moves on to the next field like everywhere else; Ctrl+Tab puts a tab character in the body.
        payload.editor().setFocusTraversalKeys(java.awt.KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS,
                java.util.Set.of(KeyStroke.getKeyStroke(KeyEvent.VK_TAB, 0)));
        payload.editor().setFocusTraversalKeys(java.awt.KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS,
                java.util.Set.of(KeyStroke.getKeyStroke(KeyEvent.VK_TAB, java.awt.event.InputEvent.SHIFT_DOWN_MASK)));
        payload.editor().getInputMap(WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_TAB,
                java.awt.event.InputEvent.CTRL_DOWN_MASK), "compose.insertTab");
        payload.editor().getActionMap().put("compose.insertTab", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                payload.editor().replaceSelection("\t");
            }
        });
        payload.editor().getActionMap().put("compose.send", sendAction);

        restoreMode();
        updateState();
    }

    // --- QueueView --------------------------------------------------------------------------------------------------

    @Override
    public void backendChanged(BackendKind kind) {
        cancelSend(); // its descriptor belongs to the backend left behind
        queueSelected(null);
    }

    @Override
    public void readOnlyChanged(boolean readOnly) {
        updateState();
    }

    @Override
    public void queueSelected(String nameOrNull) {
        assert SwingUtilities.isEventDispatchThread();
        options.queueChanged(queue, nameOrNull);
        queue = nameOrNull;
        attrs = null;
        loadRecentList();
        updateState();
        MqBackend backend = ctx.backend();
        if (nameOrNull == null || backend == null) {
            return;
        }
        ctx.io().run(() -> {
            try (MqQueue q = backend.open(nameOrNull, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
                return q.getAttributes();
            }
        }, a -> {
            if (nameOrNull.equals(queue)) {
                attrs = a;
                updateState();
            }
        }, failure -> {
            if (nameOrNull.equals(queue)) {
                info.setText("msgsize unknown: " + ErrorText.explain(failure).headline());
            }
        });
    }

    @Override
    public void sampled(SampleBatch batch) {
        QueueSample s = queue == null ? null : batch.find(queue);
        if (s != null && s.attributesKnown()) {
            attrs = s.attributes();
            updateState();
        }
    }

    // --- sending ----------------------------------------------------------------------------------------------------

    /** Sends what the composer holds (the Send button, Ctrl+Enter); refused with the reason shown. */
    void send() {
        assert SwingUtilities.isEventDispatchThread();
        String typed = options.commit();
        updateState();
        if (typed != null) {
            showResult(typed, true);
            getToolkit().beep();
            return;
        }
        if (!send.isEnabled()) {
            getToolkit().beep();
            return;
        }
        SendPlan plan;
        try {
            plan = new SendPlan(queue, payload.source(), options.priority(), options.count(), options.interval(),
                    options.timeout());
        } catch (ComposeException | IllegalArgumentException e) {
            showResult(e.getMessage(), true);
            return;
        }
        saveSettings();
        rememberPayload(plan);
        showResult(" ", false);
        BulkSender sender = new BulkSender();
        TaskSpec spec = TaskSpec.of("Sending to " + plan.queue()).counting("messages").showingRate()
                .cancellable("stops after the message being sent; what was sent stays sent");
        MqBackend backend = ctx.backend();
        // On the composer's own mq-send lane: a long bulk send never holds up the window's other long tasks.
        running = ctx.io().tasks().start(sendThread, spec, progress -> {
            progress.whenCancelled(sender::cancel);
            return sender.run(backend, plan, (sent, total, elapsed) -> progress.done(sent, total));
        }, this::finished, failure -> finished(null));
        TaskProgress started = running;
        // The table and tree follow a bulk send at the pace of its reports.
        started.addListener(s -> {
            if (!s.finished() && s.done() > 0) {
                ctx.queueChanged(plan.queue());
            }
        });
        sending.follow(started);
        updateState();
    }

    /** True while a send runs. */
    public boolean sending() {
        return running != null;
    }

    /** {@code o} null: the send thread failed outside the send itself (BulkSender reports its own failures). */
    private void finished(SendOutcome o) {
        running = null;
        if (o == null) {
            updateState();
            return;
        }
        if (o.sent() > 0) {
            ctx.queueChanged(o.queue());
        }
        String summary = o.summary();
        boolean problem = o.refusal() != null || o.failure() != null;
        showResult(summary, problem);
        ctx.info(summary);
        if (o.failure() != null && !o.queueFull()) {
            ctx.failed("Send to " + o.queue(), o.failure());
        }
        updateState();
    }

    private void cancelSend() {
        if (running != null) {
            running.cancel();
        }
    }

    // --- state ------------------------------------------------------------------------------------------------------

    /** The target line, the live byte count or what is wrong, and whether Send can be pressed. */
    private void updateState() {
        boolean busy = running != null;
        options.setBusy(busy);
        if (queue == null) {
            target.setText(NO_QUEUE);
        } else if (attrs == null) {
            target.setText("To " + ctx.titled(queue));
        } else {
            target.setText("To " + ctx.titled(queue) + " · " + Numbers.grouped(attrs.currentMessages()) + " of "
                    + Numbers.grouped(attrs.maxMessages()) + " · msgsize " + Numbers.grouped(attrs.messageSize()));
        }
        long n = options.count();
        String typed = options.problems();
        String problem = typed != null ? typed : payload.problem(n, attrs == null ? -1 : attrs.messageSize());
        String reason = queue == null ? NO_QUEUE : ctx.readOnly() ? READ_ONLY : problem;
        if (reason != null) {
            info.setText(reason);
            info.setIcon(queue != null && !ctx.readOnly() ? Icons.warning() : null);
        } else {
            String size = payload.sizeText(n);
            info.setText(size == null ? " " : size.startsWith("0 ") ? "0 bytes: an empty message (type above)"
                    : size + (n > 1 ? " × " + Numbers.grouped(n) + " messages" : ""));
            info.setIcon(null);
        }
        info.setToolTipText(info.getText().isBlank() ? null : info.getText());
        payload.showError(typed == null && problem != null && payload.mode() != PayloadMode.FILE);
        send.setEnabled(!busy && reason == null);
        send.setToolTipText(reason == null ? "Send to " + queue + " (Ctrl+Enter)" : reason);
    }

    private void showResult(String text, boolean problem) {
        result.setText(text);
        result.setIcon(problem ? Icons.warning() : null);
        result.setToolTipText(text.isBlank() ? null : text);
    }

    // --- recent payloads --------------------------------------------------------------------------------------------

    private void rememberPayload(SendPlan plan) {
        RecentPayloads.Entry e = new RecentPayloads.Entry(payload.mode(), payload.content(), plan.priority());
        if (!recent.remember(plan.queue(), e)) {
            ctx.info("Not kept in Recent: payloads over " + RecentPayloads.MAX_CONTENT_BYTES + " bytes are not "
                    + "stored.");
        }
        loadRecentList();
    }

    private void loadRecentList() {
        loadingRecent = true;
        try {
            DefaultComboBoxModel<RecentPayloads.Entry> model = new DefaultComboBoxModel<>();
            if (queue != null) {
                recent.list(queue).forEach(model::addElement);
            }
            model.setSelectedItem(null);
            recentBox.setModel(model);
            recentBox.setEnabled(model.getSize() > 0);
        } finally {
            loadingRecent = false;
        }
    }

    private void loadRecent() {
        if (loadingRecent || !(recentBox.getSelectedItem() instanceof RecentPayloads.Entry e)) {
            return;
        }
        payload.load(e.mode(), e.content());
        options.setPriority(e.priority());
        updateState();
    }

    // --- settings ---------------------------------------------------------------------------------------------------

    private void restoreMode() {
        try {
            payload.setMode(PayloadMode.valueOf(prefs.get("mode", PayloadMode.TEXT.name())));
        } catch (IllegalArgumentException e) {
            payload.setMode(PayloadMode.TEXT);
        }
    }

    private void saveSettings() {
        prefs.put("mode", payload.mode().name());
        options.save();
    }

    // --- widgets ----------------------------------------------------------------------------------------------------

    /** Shows what the closed, unselected list holds ("Pick one of 3 sent before…") instead of a blank box. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ListCellRenderer<RecentPayloads.Entry> placeholderRenderer(JComboBox<RecentPayloads.Entry> box) {
        ListCellRenderer<Object> plain = (ListCellRenderer) box.getRenderer();
        ListCellRenderer<Object> r = (list, value, index, selected, focused) -> plain.getListCellRendererComponent(
                list, value != null ? value : box.getItemCount() > 0
                        ? "Pick one of " + box.getItemCount() + " sent before…" : "Nothing sent here yet",
                index, selected, focused);
        return (ListCellRenderer) r;
    }
}
