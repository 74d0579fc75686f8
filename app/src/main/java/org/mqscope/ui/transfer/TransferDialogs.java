package org.mqscope.ui.transfer;

import java.awt.Component;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javax.swing.JFileChooser;
import javax.swing.JOptionPane;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.mqscope.ui.core.Dialogs;

/**
 * The questions export, import and copy ask: which file, which target queue. A class of its own so GUI tests can
 * answer them without a file chooser.
 */
public class TransferDialogs {
    private static final FileNameExtensionFilter MESSAGE_FILES =
            new FileNameExtensionFilter("Message files (*.jsonl)", "jsonl");

    /** Where to write an export of {@code queue}, or null when cancelled. */
    public Path exportFile(Component parent, String queue) {
        JFileChooser c = chooser("Export Messages of " + queue);
        c.setSelectedFile(new File(queue.substring(1).replace('/', '_') + ".jsonl"));
        return c.showSaveDialog(parent) == JFileChooser.APPROVE_OPTION ? c.getSelectedFile().toPath() : null;
    }

    /** Which message file to import into {@code queue}, or null when cancelled. */
    public Path importFile(Component parent, String queue) {
        JFileChooser c = chooser("Import Messages into " + queue);
        return c.showOpenDialog(parent) == JFileChooser.APPROVE_OPTION ? c.getSelectedFile().toPath() : null;
    }

    /** The queue to copy or move to, among {@code candidates}; null when cancelled. */
    public String targetQueue(Component parent, String title, List<String> candidates) {
        Object answer = JOptionPane.showInputDialog(parent, "To which queue?", title, JOptionPane.PLAIN_MESSAGE,
                null, candidates.toArray(), candidates.get(0));
        return answer == null ? null : answer.toString();
    }

    /** As {@link Dialogs#confirm}: Cancel is the default. */
    public boolean confirm(Component parent, String title, String message, String confirmLabel) {
        return new Dialogs().confirm(parent, title, message, confirmLabel);
    }

    /**
     * Before moving selected rows out of the middle of {@code queue}: what the drain-and-restore that skips them
     * does, and what it would disturb now ({@code risks}, as the peek question lists them). True only for a click on
     * Move.
     *
     * @param journaled whether every step is journaled (the kernel), so a crash loses nothing
     */
    public boolean confirmSelectionMove(Component parent, String queue, String target, int count,
                                        List<String> risks, boolean journaled) {
        String what = org.mqscope.mq.MoveRules.selectionDrain(queue);
        String text = "Move " + count + (count == 1 ? " message" : " messages") + " to " + target + ": "
                + what + ". Each selected message is checked first: if " + queue + " changed since it was peeked,"
                + " the move is refused and every message stays where it was."
                + (journaled ? " Every step is journaled to disk, so a crash loses nothing (mqscope --recover"
                + " finishes or undoes the move)." : "");
        return new Dialogs().confirmDrain(parent, "Move " + count + " from the middle of " + queue + "?",
                org.mqscope.ui.core.Fit.escape(text), risks, MOVE);
    }

    /** The label of the move question's confirming button. */
    public static final String MOVE = "Move";

    /** Says something that needs no answer. */
    public void tell(Component parent, String title, String message) {
        JOptionPane.showMessageDialog(parent, message, title, JOptionPane.INFORMATION_MESSAGE);
    }

    private static JFileChooser chooser(String title) {
        JFileChooser c = new JFileChooser();
        c.setDialogTitle(title);
        c.setFileFilter(MESSAGE_FILES);
        return c;
    }
}
