package org.mqscope.ui.core.find;

import net.miginfocom.swing.MigLayout;

import javax.swing.ButtonGroup;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import javax.swing.JTextField;
import java.awt.Component;

/** Asks a name for the filter in force and whether it is offered on this queue only or on every queue. */
final class SaveViewDialog {
    record Answer(String name, boolean forAllQueues) {
    }

    private SaveViewDialog() {
    }

    /** The answer, or null when cancelled or left without a name. */
    static Answer ask(Component parent, String queue, String expression) {
        JTextField name = new JTextField(20);
        name.setName("find.save.name");
        JRadioButton thisQueue = new JRadioButton(queue == null ? "This queue" : "Only on " + queue, queue != null);
        JRadioButton every = new JRadioButton("On every queue", queue == null);
        thisQueue.setEnabled(queue != null);
        ButtonGroup g = new ButtonGroup();
        g.add(thisQueue);
        g.add(every);
        JPanel p = new JPanel(new MigLayout("insets 0, wrap 2", "[][grow, fill]"));
        p.add(new JLabel("Filter:"));
        p.add(new JLabel(expression));
        p.add(new JLabel("Name:"));
        p.add(name);
        p.add(thisQueue, "skip, split 2");
        p.add(every);
        int answer = JOptionPane.showConfirmDialog(parent, p, "Save Filter as View", JOptionPane.OK_CANCEL_OPTION,
                JOptionPane.PLAIN_MESSAGE);
        String n = name.getText().strip();
        if (answer != JOptionPane.OK_OPTION || n.isEmpty()) {
            return null;
        }
        return new Answer(n, every.isSelected());
    }
}
