package org.mqscope.ui.compose;

import java.awt.event.KeyEvent;
import java.text.ParseException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.prefs.Preferences;
import javax.swing.ButtonGroup;
import javax.swing.JComponent;
import javax.swing.JFormattedTextField;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingUtilities;
import net.miginfocom.swing.MigLayout;
import org.mqscope.ui.core.Dim;
import org.mqscope.ui.core.Numbers;

/**
 * The composer's numbers and wait mode: priority, count, interval, and what a send does when the queue is full
 * (wait up to a timeout, or fail at once). Keeps priority and count per queue for the session, interval and wait
 * mode between runs, and names what is wrong with what is typed ("Priority: EINVAL — must be 0..32767, not
 * 40000"), flagging the field. EDT only.
 */
final class SendOptions extends JPanel {
    static final int DEFAULT_TIMEOUT_MS = 1000;
    private static final String[] NAMES = {"Priority", "Count", "Interval", "Timeout"};

    private final Preferences prefs;
    private final JSpinner priority = spinner(0, 0, SendPlan.PRIORITY_MAX, 1);
    private final JSpinner count = spinner(1, 1, SendPlan.COUNT_MAX, 1);
    private final JSpinner interval = spinner(0, 0, SendPlan.INTERVAL_MAX.toMillis(), 10);
    private final JSpinner timeout = spinner(DEFAULT_TIMEOUT_MS, 1, SendPlan.TIMEOUT_MAX.toMillis(), 100);
    private final JRadioButton timed = new JRadioButton("Wait");
    private final JRadioButton nonBlocking = new JRadioButton("Fail at once (O_NONBLOCK)");
    /** Priority and count per queue, for this session only. */
    private final Map<String, long[]> perQueue = new HashMap<>();

    /** @param changed told of every change, typed or committed (the composer re-checks what Send would do) */
    SendOptions(Preferences prefs, Runnable changed) {
        super(new MigLayout("insets 0, wrap 3", "[right][fill][]", "[]rel[]rel[]unrel[]rel[]"));
        this.prefs = prefs;
        priority.setName("compose.priority");
        count.setName("compose.count");
        interval.setName("compose.interval");
        timeout.setName("compose.timeout");
        timed.setName("compose.timed");
        nonBlocking.setName("compose.nonblocking");
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
        timed.setMnemonic(KeyEvent.VK_W);
        nonBlocking.setMnemonic(KeyEvent.VK_A);
        ButtonGroup wait = new ButtonGroup();
        wait.add(timed);
        wait.add(nonBlocking);
        timed.addActionListener(e -> changed.run());
        nonBlocking.addActionListener(e -> changed.run());
        count.addChangeListener(e -> changed.run());
        for (JSpinner sp : fields()) {
            JFormattedTextField field = field(sp);
            field.setFocusLostBehavior(JFormattedTextField.COMMIT); // keep what was typed, even when invalid
            field.getDocument().addDocumentListener(new javax.swing.event.DocumentListener() {
                @Override
                public void insertUpdate(javax.swing.event.DocumentEvent e) {
                    SwingUtilities.invokeLater(changed);
                }

                @Override
                public void removeUpdate(javax.swing.event.DocumentEvent e) {
                    SwingUtilities.invokeLater(changed);
                }

                @Override
                public void changedUpdate(javax.swing.event.DocumentEvent e) {
                }
            });
        }
        add(label("Priority:", KeyEvent.VK_P, priority));
        add(priority, "w 120!");
        add(Dim.text(new JLabel("0.." + SendPlan.PRIORITY_MAX)));
        add(label("Count:", KeyEvent.VK_C, count));
        add(count);
        add(Dim.text(new JLabel("${n} = 1..N")));
        add(label("Interval:", KeyEvent.VK_I, interval));
        add(interval);
        add(Dim.text(new JLabel("ms, 0 = none")));
        add(new JLabel("When full:"));
        add(timed, "split 2, gapright 0");
        add(timeout, "w 84!");
        add(Dim.text(new JLabel("ms")));
        add(nonBlocking, "skip 1, span 2");
        restore(interval, "interval");
        restore(timeout, "timeout");
        (prefs.getBoolean("nonBlocking", false) ? nonBlocking : timed).setSelected(true);
    }

    int priority() {
        return (int) longValue(priority);
    }

    long count() {
        return longValue(count);
    }

    Duration interval() {
        return Duration.ofMillis(longValue(interval));
    }

    /** How long a send waits for room, or null for O_NONBLOCK. */
    Duration timeout() {
        return timed.isSelected() ? Duration.ofMillis(longValue(timeout)) : null;
    }

    /** A recent payload brings its priority back. */
    void setPriority(long p) {
        priority.setValue(p);
    }

    /** While a send runs the timeout cannot change; it applies only when waiting is chosen. */
    void setBusy(boolean busy) {
        timeout.setEnabled(timed.isSelected() && !busy);
    }

    /**
     * Another queue is selected: priority and count belong to a queue and to this session, so a Count of 20 left
     * on one queue, or from yesterday, must not send "hello" 20 times to the next.
     */
    void queueChanged(String from, String to) {
        if (from != null) {
            perQueue.put(from, new long[] {longValue(priority), longValue(count)});
        }
        long[] kept = to == null ? null : perQueue.get(to);
        priority.setValue(kept == null ? 0L : kept[0]);
        count.setValue(kept == null ? 1L : kept[1]);
    }

    /** Interval and wait mode are kept between runs (a send uses them). */
    void save() {
        prefs.putLong("interval", longValue(interval));
        prefs.putLong("timeout", longValue(timeout));
        prefs.putBoolean("nonBlocking", nonBlocking.isSelected());
    }

    /**
     * Typed but not yet committed spinner text counts (Ctrl+Enter straight from a spinner). A value out of range
     * is put back and named; null when all is well.
     */
    String commit() {
        String problem = null;
        JSpinner[] fields = fields();
        for (int i = 0; i < fields.length; i++) {
            String text = field(fields[i]).getText();
            try {
                fields[i].commitEdit();
            } catch (ParseException e) {
                // The typed text stays (flagged in red, Send off) rather than silently turning back.
                if (problem == null) {
                    problem = typedProblem(NAMES[i], text, (SpinnerNumberModel) fields[i].getModel());
                }
            }
        }
        return problem;
    }

    /** What is wrong with the text typed in the number fields now (each one flagged in red), or null. */
    String problems() {
        JSpinner[] fields = fields();
        String first = null;
        for (int i = 0; i < fields.length; i++) {
            JFormattedTextField field = field(fields[i]);
            String problem = field.isEditValid() ? null
                    : typedProblem(NAMES[i], field.getText(), (SpinnerNumberModel) fields[i].getModel());
            field.putClientProperty("JComponent.outline", problem == null ? null : "error");
            field.setToolTipText(problem);
            if (first == null) {
                first = problem;
            }
        }
        return first;
    }

    private JSpinner[] fields() {
        return new JSpinner[] {priority, count, interval, timeout};
    }

    private void restore(JSpinner s, String key) {
        SpinnerNumberModel m = (SpinnerNumberModel) s.getModel();
        long v = prefs.getLong(key, ((Number) m.getValue()).longValue());
        if (((Number) m.getMinimum()).longValue() <= v && v <= ((Number) m.getMaximum()).longValue()) {
            m.setValue(v);
        }
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

    private static JFormattedTextField field(JSpinner s) {
        return ((JSpinner.DefaultEditor) s.getEditor()).getTextField();
    }

    private static JSpinner spinner(long value, long min, long max, long step) {
        JSpinner s = new JSpinner(new SpinnerNumberModel(Long.valueOf(value), Long.valueOf(min), Long.valueOf(max),
                Long.valueOf(step)));
        s.setEditor(new JSpinner.NumberEditor(s, "#,##0"));
        return s;
    }

    private static JLabel label(String text, int mnemonic, JComponent forField) {
        JLabel l = new JLabel(text);
        l.setDisplayedMnemonic(mnemonic);
        l.setLabelFor(forField);
        return l;
    }

    private static long longValue(JSpinner s) {
        return ((Number) s.getValue()).longValue();
    }
}
