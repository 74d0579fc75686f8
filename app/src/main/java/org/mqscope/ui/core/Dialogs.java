package org.mqscope.ui.core;

import net.miginfocom.swing.MigLayout;
import org.mqscope.mq.PeekMethod;

import javax.swing.JCheckBox;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import java.awt.Component;
import java.util.List;

/**
 * The questions the window asks. Every confirmation has Cancel as its default button, so Enter never destroys
 * anything. Modal dialogs from JOptionPane, resizable, their texts wrapped at a width ({@link Fit}) so the buttons
 * are never cut off; names on them let GUI tests find and answer them.
 */
public class Dialogs {
    public static final String CANCEL = "Cancel";
    public static final String PEEK = "Peek";

    /**
     * What the user answered to the kernel peek question.
     *
     * @param dontExplainAgain skip the general explanation next time (risks of the queue at hand are always asked)
     */
    public record PeekAnswer(boolean go, boolean dontExplainAgain) {
    }

    /** Asks before something that cannot be undone; true only for an explicit click on {@code confirmLabel}. */
    public boolean confirm(Component parent, String title, String message, String confirmLabel) {
        Object[] options = {confirmLabel, CANCEL};
        return show(parent, Fit.wrapped(Fit.escape(message)), title, JOptionPane.WARNING_MESSAGE, options,
                CANCEL) == 0;
    }

    /**
     * Before a drain-and-restore peek: what it does and what it would disturb now. "Don't explain again" is offered
     * only when nothing else uses the queue: risks belong to the queue at hand and are asked every time.
     */
    public PeekAnswer confirmKernelPeek(Component parent, String queue, PeekMethod method, List<String> risks) {
        JPanel panel = new JPanel(new MigLayout("insets 0, wrap 1", "[grow, fill]"));
        panel.add(Fit.wrapped("Linux has no way to read a POSIX queue without taking the messages out, so "
                + "mqscope peeks " + Fit.escape(queue) + " by <b>" + method.label() + "</b>: it "
                + method.explanation() + ". Every message is journaled to disk first, so a crash loses nothing."));
        JCheckBox dontAsk = new JCheckBox("Don't explain this again (risks are always shown)");
        dontAsk.setName("peek.dontAsk");
        if (risks.isEmpty()) {
            panel.add(Fit.wrapped(NOTHING_AT_RISK));
            panel.add(dontAsk, "gaptop 8");
        } else {
            panel.add(risksList(risks));
        }
        Object[] options = {PEEK, CANCEL};
        int choice = show(parent, panel, "Peek " + queue + " by drain and restore?", risks.isEmpty()
                ? JOptionPane.QUESTION_MESSAGE : JOptionPane.WARNING_MESSAGE, options, CANCEL);
        return new PeekAnswer(choice == 0, choice == 0 && dontAsk.isSelected());
    }

    /**
     * Before another drain-and-restore (a move out of the middle of a queue): {@code explanationHtml}, then the
     * queue's risks as the peek question lists them. True only for an explicit click on {@code confirmLabel}.
     */
    public boolean confirmDrain(Component parent, String title, String explanationHtml, List<String> risks,
                                String confirmLabel) {
        JPanel panel = new JPanel(new MigLayout("insets 0, wrap 1", "[grow, fill]"));
        panel.add(Fit.wrapped(explanationHtml));
        panel.add(risks.isEmpty() ? Fit.wrapped(NOTHING_AT_RISK) : risksList(risks));
        Object[] options = {confirmLabel, CANCEL};
        return show(parent, panel, title, risks.isEmpty() ? JOptionPane.QUESTION_MESSAGE
                : JOptionPane.WARNING_MESSAGE, options, CANCEL) == 0;
    }

    private static final String NOTHING_AT_RISK = "Right now nothing else seems to use this queue.";

    /** The risks of a drain-and-restore, one item each (named so tests find it). */
    private static JLabel risksList(List<String> risks) {
        StringBuilder sb = new StringBuilder("Right now:<ul style='margin-left: 16px'>");
        risks.forEach(r -> sb.append("<li>").append(Fit.escape(r)).append("</li>"));
        JLabel list = Fit.wrapped(sb.append("</ul>").toString());
        list.setName("peek.risks");
        return list;
    }

    /** A queue name typed by the user, or null when cancelled. */
    public String askQueueName(Component parent) {
        Object answer = JOptionPane.showInputDialog(parent, "Queue name (as mq_open takes it, e.g. /orders):",
                "Open Queue by Name", JOptionPane.PLAIN_MESSAGE, null, null, "/");
        return answer == null ? null : answer.toString().trim();
    }

    /** A message with an OK button, e.g. About. */
    public void inform(Component parent, String title, Object message) {
        show(parent, message, title, JOptionPane.INFORMATION_MESSAGE, new Object[] {"OK"}, "OK");
    }

    /** JOptionPane.showOptionDialog, but resizable: the index of the option chosen, -1 when closed. */
    private static int show(Component parent, Object message, String title, int type, Object[] options,
                            Object initial) {
        JOptionPane pane = new JOptionPane(message, type, JOptionPane.DEFAULT_OPTION, null, options, initial);
        JDialog dialog = pane.createDialog(parent, title);
        dialog.setResizable(true);
        pane.selectInitialValue();
        dialog.setVisible(true);
        dialog.dispose();
        Object value = pane.getValue();
        for (int i = 0; i < options.length; i++) {
            if (options[i].equals(value)) {
                return i;
            }
        }
        return -1;
    }
}
