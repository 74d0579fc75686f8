package org.mqscope.ui.attributes;

import java.util.ArrayList;
import java.util.List;

import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

import net.miginfocom.swing.MigLayout;

/**
 * A queue's mode as octal text and as nine read/write/execute check boxes, kept in step: typing changes the boxes,
 * a click changes the text. Set-id and sticky bits can only be typed.
 */
final class ModeField extends JPanel {
    private static final String[] WHO = {"Owner", "Group", "Others"};
    private static final String[] WHAT = {"r", "w", "x"};

    private final JTextField octal = new JTextField(5);
    private final List<JCheckBox> boxes = new ArrayList<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private boolean syncing;

    ModeField(int initial) {
        super(new MigLayout("insets 0, gap 4 0", "[]12[][][]8[][][]8[][][]", "[]"));
        octal.setName("create.mode");
        octal.setToolTipText("Permission bits in octal, 0000..7777 (the umask is taken away when the queue is "
                + "created)");
        add(octal, "w 56!");
        for (int who = 0; who < 3; who++) {
            for (int what = 0; what < 3; what++) {
                JCheckBox b = new JCheckBox(WHAT[what]);
                int bit = 1 << (8 - 3 * who - what);
                b.setName("create.mode." + WHO[who].toLowerCase(java.util.Locale.ROOT) + "." + WHAT[what]);
                b.setToolTipText(WHO[who] + " may " + (what == 0 ? "receive (read)" : what == 1 ? "send (write)"
                        : "execute (meaningless for a queue)"));
                b.putClientProperty("bit", bit);
                b.addActionListener(e -> fromBoxes());
                boxes.add(b);
                add(b, what == 0 ? "gapleft 8" : "");
            }
        }
        octal.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                fromText();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                fromText();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                fromText();
            }
        });
        octal.setText(AttrText.octal(initial));
    }

    /** Called after every change, typed or clicked. */
    void onChange(Runnable r) {
        listeners.add(r);
    }

    /** The mode, or -1 when the text is not octal 0..7777. */
    int mode() {
        String t = octal.getText().trim();
        if (t.isEmpty() || t.length() > 4 || !t.chars().allMatch(c -> c >= '0' && c <= '7')) {
            return -1;
        }
        return Integer.parseInt(t, 8);
    }

    JTextField text() {
        return octal;
    }

    static JLabel legend() {
        return new JLabel("octal, or owner / group / others: r = receive, w = send");
    }

    private void fromText() {
        if (!syncing) {
            int m = mode();
            if (m >= 0) {
                syncing = true;
                boxes.forEach(b -> b.setSelected((m & (Integer) b.getClientProperty("bit")) != 0));
                syncing = false;
            }
        }
        listeners.forEach(Runnable::run);
    }

    private void fromBoxes() {
        int m = Math.max(0, mode()) & ~0777;
        for (JCheckBox b : boxes) {
            if (b.isSelected()) {
                m |= (Integer) b.getClientProperty("bit");
            }
        }
        syncing = true;
        octal.setText(AttrText.octal(m));
        syncing = false;
        listeners.forEach(Runnable::run);
    }
}
