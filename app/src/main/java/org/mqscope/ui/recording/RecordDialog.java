package org.mqscope.ui.recording;

import java.awt.Component;
import java.time.Duration;
import java.util.List;

import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.ListSelectionModel;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingUtilities;

import net.miginfocom.swing.MigLayout;
import org.mqscope.mq.MqException;
import org.mqscope.mq.QueueRecorder;
import org.mqscope.ui.core.Dim;
import org.mqscope.ui.core.Icons;

/**
 * Queue → Record…: which queues (the selected one ticked; Ctrl+click for several) and how many bytes of each
 * message to keep. The request is checked as the recorder would check it, with the field and errno named. The
 * payload limit is remembered. EDT only.
 */
public final class RecordDialog extends JDialog {
    private final JList<String> queues;
    private final JSpinner payload;
    private final JLabel problem = new JLabel(" ");
    private final RecordingPrefs prefs;
    private QueueRecorder.Request request;

    private RecordDialog(Component parent, List<String> names, String selected, RecordingPrefs prefs) {
        super(SwingUtilities.getWindowAncestor(parent), "Record", ModalityType.APPLICATION_MODAL);
        this.prefs = prefs;
        setName("record.dialog");
        queues = new JList<>(names.toArray(String[]::new));
        queues.setName("record.queues");
        queues.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        queues.setVisibleRowCount(Math.min(10, Math.max(4, names.size())));
        if (selected != null && names.contains(selected)) {
            queues.setSelectedValue(selected, true);
        }
        payload = new JSpinner(new SpinnerNumberModel(prefs.payload(), 1, QueueRecorder.MAX_PAYLOAD, 64));
        payload.setName("record.payload");
        problem.setName("record.problem");
        problem.putClientProperty("FlatLaf.style", "foreground: $Component.error.focusedBorderColor");
        JButton record = new JButton("Record", Icons.action("record"));
        record.setName("record.start");
        JButton cancel = new JButton("Cancel");
        cancel.setName("record.cancel");
        JLabel note = new JLabel("<html>Every send and receive on these queues, by any process, until you press Stop."
                + " Recording reads only: the queues stay exactly as they are.</html>");
        Dim.text(note);
        JPanel p = new JPanel(new MigLayout("insets dialog, wrap 2, fillx", "[][grow, fill]", ""));
        p.add(new JLabel("Queues:"), "top");
        p.add(new JScrollPane(queues), "wmin 260, grow");
        p.add(new JLabel("Payload kept:"));
        p.add(payload, "split 2, growx 0, w 90!");
        p.add(new JLabel("bytes of each message (1 to " + QueueRecorder.MAX_PAYLOAD + ")"));
        p.add(note, "span 2, wmin 0, w 380");
        p.add(problem, "span 2, wmin 0");
        p.add(record, "span 2, split 2, tag ok");
        p.add(cancel, "tag cancel");
        setContentPane(p);
        getRootPane().setDefaultButton(record);
        record.addActionListener(e -> accept());
        cancel.addActionListener(e -> dispose());
        getRootPane().registerKeyboardAction(e -> dispose(), javax.swing.KeyStroke.getKeyStroke("ESCAPE"),
                javax.swing.JComponent.WHEN_IN_FOCUSED_WINDOW);
        pack();
        setLocationRelativeTo(parent);
    }

    /** Asks; the request, or null when cancelled. */
    public static QueueRecorder.Request ask(Component parent, List<String> names, String selected,
                                           RecordingPrefs prefs) {
        RecordDialog d = new RecordDialog(parent, names, selected, prefs);
        d.setVisible(true);
        return d.request;
    }

    private void accept() {
        int bytes = (Integer) payload.getValue();
        try {
            request = QueueRecorder.Request.of(queues.getSelectedValuesList(), bytes, Duration.ZERO);
        } catch (MqException e) {
            problem.setText(e.errno() + ": " + (queues.getSelectedValuesList().isEmpty()
                    ? "queues: tick at least one queue to record" : e.detail()));
            pack();
            return;
        }
        prefs.setPayload(bytes);
        dispose();
    }
}
