package org.mqscope.ui.core;

import java.awt.Component;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.time.Duration;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import net.miginfocom.swing.MigLayout;

/**
 * The modeless window of a long task: its title, a {@link TaskView}, Cancel (Esc too). It appears only when the
 * task outlasts {@link #SHOW_AFTER}, so quick ones do not flash a window, and closes as the task ends, before the
 * task's follow-up runs. Modeless: the window stays usable (quick reads go on on mq-io meanwhile).
 */
public final class TaskDialog {
    /** A task that ends sooner shows no window. */
    public static final Duration SHOW_AFTER = Duration.ofMillis(300);
    public static final String NAME = "task.dialog";

    private TaskDialog() {
    }

    /** Shows {@code progress} over {@code owner} once it has run {@link #SHOW_AFTER}, until it ends. EDT. */
    static void follow(Component owner, TaskProgress progress) {
        assert SwingUtilities.isEventDispatchThread();
        Timer later = new Timer((int) SHOW_AFTER.toMillis(), e -> {
            if (!progress.finished()) {
                open(owner, progress);
            }
        });
        later.setRepeats(false);
        later.start();
        progress.addListener(s -> {
            if (s.finished()) {
                later.stop();
            }
        });
    }

    private static void open(Component owner, TaskProgress progress) {
        Window parent = owner instanceof Window w ? w : SwingUtilities.getWindowAncestor(owner);
        JDialog dialog = new JDialog(parent, progress.spec().title());
        dialog.setName(NAME);
        JPanel p = new JPanel(new MigLayout("wrap 1, width 420", "[grow, fill]"));
        p.add(new JLabel(progress.spec().title() + "…"));
        TaskView view = new TaskView("task");
        view.follow(progress);
        p.add(view);
        dialog.setContentPane(p);
        p.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                "cancel");
        p.getActionMap().put("cancel", new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                progress.cancel();
            }
        });
        // Closing the window is a Cancel too; a task that cannot stop keeps its window until it ends.
        dialog.setDefaultCloseOperation(JDialog.DO_NOTHING_ON_CLOSE);
        dialog.addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosing(java.awt.event.WindowEvent e) {
                progress.cancel();
            }
        });
        progress.addListener(s -> {
            if (s.finished()) {
                dialog.dispose();
            }
        });
        dialog.pack();
        dialog.setLocationRelativeTo(owner);
        dialog.setVisible(true);
    }
}
