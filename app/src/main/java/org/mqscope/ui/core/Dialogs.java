package org.mqscope.ui.core;

import net.miginfocom.swing.MigLayout;
import org.mqscope.mq.PeekMethod;
import org.mqscope.mq.PeekRisks;

import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import java.awt.Component;
import java.util.List;

/**
 * The questions the window asks. Every confirmation has Cancel as its default button, so Enter never destroys
 * anything. Modal dialogs from JOptionPane; names on them let GUI tests find and answer them.
 */
public class Dialogs {
    public static final String CANCEL = "Cancel";
    public static final String PEEK = "Peek";

    /** What the user answered to the kernel peek question. */
    public record PeekAnswer(boolean go, boolean dontAskAgain) {
    }

    /** Asks before something that cannot be undone; true only for an explicit click on {@code confirmLabel}. */
    public boolean confirm(Component parent, String title, String message, String confirmLabel) {
        Object[] options = {confirmLabel, CANCEL};
        int choice = JOptionPane.showOptionDialog(parent, html(escape(message)), title, JOptionPane.DEFAULT_OPTION,
                JOptionPane.WARNING_MESSAGE, null, options, CANCEL);
        return choice == 0;
    }

    /** Before a drain-and-restore peek: what it does, what it would disturb now, and "don't ask again". */
    public PeekAnswer confirmKernelPeek(Component parent, String queue, PeekMethod method, List<String> risks) {
        JPanel panel = new JPanel(new MigLayout("insets 0, wrap 1, width 480", "[grow, fill]"));
        panel.add(new JLabel(html("Linux has no way to read a POSIX queue without taking the messages out, so "
                + "mqscope peeks " + escape(queue) + " by <b>" + method.label() + "</b>: it " + method.explanation()
                + ". Every message is journaled to disk first, so a crash loses nothing.")));
        if (risks.isEmpty()) {
            panel.add(new JLabel(html("Right now nothing else seems to use this queue.")));
        } else {
            StringBuilder sb = new StringBuilder("Right now:<ul>");
            risks.forEach(r -> sb.append("<li>").append(escape(r)).append("</li>"));
            panel.add(new JLabel("<html>" + sb.append("</ul></html>")));
        }
        JCheckBox dontAsk = new JCheckBox("Don't ask again before a kernel peek");
        dontAsk.setName("peek.dontAsk");
        panel.add(dontAsk, "gaptop 8");
        Object[] options = {PEEK, CANCEL};
        int choice = JOptionPane.showOptionDialog(parent, panel, "Peek " + queue + " by drain and restore?",
                JOptionPane.DEFAULT_OPTION, risks.isEmpty() ? JOptionPane.QUESTION_MESSAGE
                        : JOptionPane.WARNING_MESSAGE, null, options, CANCEL);
        return new PeekAnswer(choice == 0, choice == 0 && dontAsk.isSelected());
    }

    /** A queue name typed by the user, or null when cancelled. */
    public String askQueueName(Component parent) {
        Object answer = JOptionPane.showInputDialog(parent, "Queue name (as mq_open takes it, e.g. /orders):",
                "Open Queue by Name", JOptionPane.PLAIN_MESSAGE, null, null, "/");
        return answer == null ? null : answer.toString().trim();
    }

    private static String html(String text) {
        return "<html><body style='width: 420px'>" + text + "</body></html>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
