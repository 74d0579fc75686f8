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
import org.mqscope.ui.core.Dim;

import javax.swing.AbstractAction;
import javax.swing.ButtonGroup;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFormattedTextField;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JRadioButton;
import javax.swing.JSpinner;
import javax.swing.KeyStroke;
import javax.swing.ListCellRenderer;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingUtilities;
import java.awt.Dimension;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.text.ParseException;
import java.time.Duration;
import java.util.Locale;
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
    static final int DEFAULT_TIMEOUT_MS = 1000;
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
    private final JSpinner priority = spinner(0, 0, SendPlan.PRIORITY_MAX, 1);
    private final JSpinner count = spinner(1, 1, SendPlan.COUNT_MAX, 1);
    /** Priority and count per queue, for this session only. */
    private final java.util.Map<String, long[]> perQueue = new java.util.HashMap<>();
    private final JSpinner interval = spinner(0, 0, SendPlan.INTERVAL_MAX.toMillis(), 10);
    private final JSpinner timeout = spinner(DEFAULT_TIMEOUT_MS, 1, SendPlan.TIMEOUT_MAX.toMillis(), 100);
    private final JRadioButton timed = new JRadioButton("Wait");
    private final JRadioButton nonBlocking = new JRadioButton("Fail at once (O_NONBLOCK)");
    private final JLabel info = new JLabel(" ");
    private final JLabel result = new JLabel(" ");
    private final JProgressBar progress = new JProgressBar();
    private final JButton cancel = new JButton("Cancel");
    private final JButton send = new JButton("Send");

    private String queue;
    /** The selected queue's attributes as last read; null until known. */
    private MqAttributes attrs;
    private BulkSender running;
    private String runningQueue;
    private boolean loadingRecent;

    public SendComposerPanel(QueueContext ctx) {
        super(new MigLayout("insets 6 8 6 8, wrap 2, hidemode 3", "[grow, fill]16[]", "[][grow, fill][][]"));
        assert SwingUtilities.isEventDispatchThread();
        this.ctx = ctx;
        this.prefs = ctx.prefs("compose");
        this.recent = new RecentPayloads(prefs.node("recent"));
        this.payload = new PayloadEditor(prefs, this::updateState);
        setName("compose");
        target.setName("compose.target");
        recentBox.setName("compose.recent");
        priority.setName("compose.priority");
        count.setName("compose.count");
        interval.setName("compose.interval");
        timeout.setName("compose.timeout");
        timed.setName("compose.timed");
        nonBlocking.setName("compose.nonblocking");
        info.setName("compose.info");
        result.setName("compose.result");
        progress.setName("compose.progress");
        cancel.setName("compose.cancel");
        send.setName("compose.send");
        send.setIcon(Icons.action("send"));

        target.putClientProperty("FlatLaf.style", "font: bold");
        recentBox.setPrototypeDisplayValue(new RecentPayloads.Entry(PayloadMode.TEXT, "x".repeat(20), 0));
        recentBox.setToolTipText("The last " + RecentPayloads.KEEP + " payloads sent to this queue: pick one to "
                + "load it into the editor, then Send");
        recentBox.addActionListener(e -> loadRecent());
        recentBox.setRenderer(placeholderRenderer(recentBox));
        priority.setToolTipText("Message priority, 0 (lowest) to " + SendPlan.PRIORITY_MAX
                + ": higher priorities are received first");
        count.setToolTipText("<html>How many messages to send, 1 to " + Numbers.grouped(SendPlan.COUNT_MAX)
                + ".<br>In Text mode <b>${n}</b> in the payload becomes 1, 2, … N.</html>");
        interval.setToolTipText("Pause between two sends in milliseconds; 0 sends as fast as the queue takes them");
        timed.setToolTipText("Timed send (mq_timedsend): when the queue is full, wait up to this many "
                + "milliseconds for room, then stop with ETIMEDOUT");
        timeout.setToolTipText(timed.getToolTipText());
        nonBlocking.setToolTipText("A descriptor opened with O_NONBLOCK: when the queue is full, stop at once with "
                + "EAGAIN");
        send.setToolTipText("Send to the selected queue (Ctrl+Enter)");
        send.setMnemonic(KeyEvent.VK_S);
        cancel.setToolTipText("Stop after the message being sent; what was sent stays sent");
        timed.setMnemonic(KeyEvent.VK_W);
        nonBlocking.setMnemonic(KeyEvent.VK_A);
        ButtonGroup wait = new ButtonGroup();
        wait.add(timed);
        wait.add(nonBlocking);
        progress.setStringPainted(true);
        progress.setVisible(false);
        cancel.setVisible(false);
        cancel.addActionListener(e -> cancelSend());
        send.addActionListener(e -> send());
        timed.addActionListener(e -> updateState());
        nonBlocking.addActionListener(e -> updateState());
        count.addChangeListener(e -> updateState());
        for (JSpinner sp : new JSpinner[] {priority, count, interval, timeout}) {
            JFormattedTextField field = ((JSpinner.DefaultEditor) sp.getEditor()).getTextField();
            field.setFocusLostBehavior(JFormattedTextField.COMMIT); // keep what was typed, even when invalid
            field.getDocument().addDocumentListener(new javax.swing.event.DocumentListener() {
                @Override
                public void insertUpdate(javax.swing.event.DocumentEvent e) {
                    SwingUtilities.invokeLater(SendComposerPanel.this::updateState);
                }

                @Override
                public void removeUpdate(javax.swing.event.DocumentEvent e) {
                    SwingUtilities.invokeLater(SendComposerPanel.this::updateState);
                }

                @Override
                public void changedUpdate(javax.swing.event.DocumentEvent e) {
                }
            });
        }

        JPanel head = new JPanel(new MigLayout("insets 0", "[grow, fill]12[][]", "[]"));
        head.add(target, "wmin 0");
        head.add(new JLabel("Recent:"));
        head.add(recentBox, "wmax 280");
        JPanel options = new JPanel(new MigLayout("insets 0, wrap 3", "[right][fill][]", "[]rel[]rel[]unrel[]rel[]"));
        options.add(label("Priority:", KeyEvent.VK_P, priority));
        options.add(priority, "w 120!");
        options.add(Dim.text(new JLabel("0.." + SendPlan.PRIORITY_MAX)));
        options.add(label("Count:", KeyEvent.VK_C, count));
        options.add(count);
        options.add(Dim.text(new JLabel("${n} = 1..N")));
        options.add(label("Interval:", KeyEvent.VK_I, interval));
        options.add(interval);
        options.add(Dim.text(new JLabel("ms, 0 = none")));
        options.add(new JLabel("When full:"));
        options.add(timed, "split 2, gapright 0");
        options.add(timeout, "w 84!");
        options.add(Dim.text(new JLabel("ms")));
        options.add(nonBlocking, "skip 1, span 2");
        JPanel actions = new JPanel(new MigLayout("insets 0", "[grow, fill][180!][][]", "[]"));
        actions.add(info, "wmin 0");
        actions.add(progress);
        actions.add(cancel);
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

        restoreSettings();
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
        // Priority and count belong to a queue and to this session: a Count of 20 left on one queue, or from
        // yesterday, must not send "hello" 20 times to the next.
        if (queue != null) {
            perQueue.put(queue, new long[] {longValue(priority), longValue(count)});
        }
        long[] kept = nameOrNull == null ? null : perQueue.get(nameOrNull);
        priority.setValue(kept == null ? 0L : kept[0]);
        count.setValue(kept == null ? 1L : kept[1]);
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
        String typed = commitSpinners();
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
            plan = new SendPlan(queue, payload.source(), intValue(priority), longValue(count),
                    Duration.ofMillis(longValue(interval)),
                    timed.isSelected() ? Duration.ofMillis(longValue(timeout)) : null);
        } catch (ComposeException | IllegalArgumentException e) {
            showResult(e.getMessage(), true);
            return;
        }
        saveSettings();
        rememberPayload(plan);
        BulkSender sender = new BulkSender();
        running = sender;
        runningQueue = plan.queue();
        progress.setIndeterminate(plan.count() == 1);
        progress.setMaximum((int) plan.count());
        progress.setValue(0);
        progress.setString(plan.count() == 1 ? "Sending…" : "0 of " + Numbers.grouped(plan.count()));
        showResult(" ", false);
        updateState();
        MqBackend backend = ctx.backend();
        sendThread.execute(() -> {
            SendOutcome o = sender.run(backend, plan, (sent, total, elapsed) ->
                    SwingUtilities.invokeLater(() -> progressed(sender, sent, total, elapsed)));
            SwingUtilities.invokeLater(() -> finished(sender, o));
        });
    }

    /** True while a send runs. */
    public boolean sending() {
        return running != null;
    }

    private void progressed(BulkSender sender, long sent, long total, Duration elapsed) {
        if (sender != running) {
            return;
        }
        progress.setValue((int) sent);
        double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-3);
        progress.setString(Numbers.grouped(sent) + " of " + Numbers.grouped(total) + " · "
                + Numbers.grouped(sent / seconds) + " msg/s");
        ctx.queueChanged(runningQueue);
    }

    private void finished(BulkSender sender, SendOutcome o) {
        if (sender == running) {
            running = null;
            runningQueue = null;
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
            progress.setString("Cancelling…");
            cancel.setEnabled(false);
        }
    }

    // --- state ------------------------------------------------------------------------------------------------------

    /** The target line, the live byte count or what is wrong, and whether Send can be pressed. */
    private void updateState() {
        boolean busy = running != null;
        timeout.setEnabled(timed.isSelected() && !busy);
        progress.setVisible(busy);
        cancel.setVisible(busy);
        cancel.setEnabled(busy && !running.isCancelled());
        if (queue == null) {
            target.setText(NO_QUEUE);
        } else if (attrs == null) {
            target.setText("To " + ctx.titled(queue));
        } else {
            target.setText("To " + ctx.titled(queue) + " · " + Numbers.grouped(attrs.currentMessages()) + " of "
                    + Numbers.grouped(attrs.maxMessages()) + " · msgsize " + Numbers.grouped(attrs.messageSize()));
        }
        long n = longValue(count);
        String typed = typedProblems();
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
        priority.setValue(e.priority());
        updateState();
    }

    // --- settings ---------------------------------------------------------------------------------------------------

    private void restoreSettings() {
        try {
            payload.setMode(PayloadMode.valueOf(prefs.get("mode", PayloadMode.TEXT.name())));
        } catch (IllegalArgumentException e) {
            payload.setMode(PayloadMode.TEXT);
        }
        restore(interval, "interval");
        restore(timeout, "timeout");
        (prefs.getBoolean("nonBlocking", false) ? nonBlocking : timed).setSelected(true);
    }

    private void restore(JSpinner s, String key) {
        SpinnerNumberModel m = (SpinnerNumberModel) s.getModel();
        long v = prefs.getLong(key, ((Number) m.getValue()).longValue());
        if (((Number) m.getMinimum()).longValue() <= v && v <= ((Number) m.getMaximum()).longValue()) {
            m.setValue(v);
        }
    }

    private void saveSettings() {
        prefs.put("mode", payload.mode().name());
        prefs.putLong("interval", longValue(interval));
        prefs.putLong("timeout", longValue(timeout));
        prefs.putBoolean("nonBlocking", nonBlocking.isSelected());
    }

    // --- widgets ----------------------------------------------------------------------------------------------------

    private static JSpinner spinner(long value, long min, long max, long step) {
        JSpinner s = new JSpinner(new SpinnerNumberModel(Long.valueOf(value), Long.valueOf(min), Long.valueOf(max),
                Long.valueOf(step)));
        s.setEditor(new JSpinner.NumberEditor(s, "#,##0"));
        return s;
    }

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

    private static JLabel label(String text, int mnemonic, JComponent forField) {
        JLabel l = new JLabel(text);
        l.setDisplayedMnemonic(mnemonic);
        l.setLabelFor(forField);
        return l;
    }

    /**
     * Typed but not yet committed spinner text counts (Ctrl+Enter straight from a spinner). A value out of range
     * is put back and named: "Priority: EINVAL — must be 0..32767, not 40000".
     */
    private String commitSpinners() {
        String problem = null;
        JSpinner[] fields = {priority, count, interval, timeout};
        String[] names = {"Priority", "Count", "Interval", "Timeout"};
        for (int i = 0; i < fields.length; i++) {
            JSpinner s = fields[i];
            JFormattedTextField field = ((JSpinner.DefaultEditor) s.getEditor()).getTextField();
            String text = field.getText();
            try {
                s.commitEdit();
            } catch (ParseException e) {
                // The typed text stays (flagged in red, Send off) rather than silently turning back.
                if (problem == null) {
                    problem = typedProblem(names[i], text, (SpinnerNumberModel) s.getModel());
                }
            }
        }
        return problem;
    }

    /** What is wrong with the text typed in the number fields now (each one flagged in red), or null. */
    private String typedProblems() {
        JSpinner[] fields = {priority, count, interval, timeout};
        String[] names = {"Priority", "Count", "Interval", "Timeout"};
        String first = null;
        for (int i = 0; i < fields.length; i++) {
            JFormattedTextField field = ((JSpinner.DefaultEditor) fields[i].getEditor()).getTextField();
            String problem = field.isEditValid() ? null
                    : typedProblem(names[i], field.getText(), (SpinnerNumberModel) fields[i].getModel());
            field.putClientProperty("JComponent.outline", problem == null ? null : "error");
            field.setToolTipText(problem);
            if (first == null) {
                first = problem;
            }
        }
        return first;
    }

    private static String typedProblem(String field, String text, SpinnerNumberModel m) {
        long v;
        try {
            v = Long.parseLong(text.replace(",", "").strip());
        } catch (NumberFormatException e) {
            return field + ": \"" + text + "\" is not a whole number";
        }
        if (field.equals("Priority")) {
            return SendPlan.priorityProblem(v);
        }
        return field + ": must be " + Numbers.grouped(((Number) m.getMinimum()).longValue()) + ".."
                + Numbers.grouped(((Number) m.getMaximum()).longValue()) + ", not " + Numbers.grouped(v);
    }

    private static long longValue(JSpinner s) {
        return ((Number) s.getValue()).longValue();
    }

    private static int intValue(JSpinner s) {
        return (int) longValue(s);
    }
}
