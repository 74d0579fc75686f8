package org.mqscope.ui.core;

import javax.swing.JButton;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;
import net.miginfocom.swing.MigLayout;

/**
 * A task's progress bar with its Cancel button, following one {@link TaskProgress} at a time: the bar is
 * determinate once the task knows its total ("312 of 1,000 messages"); Cancel is there only for a task that can
 * stop midway, and greys out once pressed. The task dialog shows one; a dialog or panel that has room embeds one.
 */
public final class TaskView extends JPanel {
    private final JProgressBar bar = new JProgressBar();
    private final JButton cancel = new JButton(Dialogs.CANCEL);
    private TaskProgress following;

    /** Named "{@code prefix}.progress", with "{@code prefix}.bar" and "{@code prefix}.cancel" inside. */
    public TaskView(String prefix) {
        super(new MigLayout("insets 0, hidemode 3", "[grow, fill][]"));
        setName(prefix + ".progress");
        bar.setName(prefix + ".bar");
        bar.setStringPainted(true);
        cancel.setName(prefix + ".cancel");
        cancel.addActionListener(e -> {
            if (following != null) {
                following.cancel();
            }
        });
        add(bar);
        add(cancel);
        setVisible(false);
    }

    /** Shows {@code progress} until it ends (then hides), instead of whatever it followed before. EDT. */
    public void follow(TaskProgress progress) {
        assert SwingUtilities.isEventDispatchThread();
        following = progress;
        cancel.setVisible(progress.spec().isCancellable());
        cancel.setToolTipText(progress.spec().cancelMeans());
        show(progress.snapshot());
        setVisible(true);
        progress.addListener(s -> {
            if (following == progress) {
                show(s);
                if (s.finished()) {
                    following = null;
                    setVisible(false);
                }
            }
        });
    }

    /** The task shown, or null. */
    public TaskProgress following() {
        return following;
    }

    private void show(TaskProgress.Snapshot s) {
        bar.setIndeterminate(!s.determinate() && !s.finished());
        if (s.determinate()) {
            bar.setMaximum((int) Math.min(Integer.MAX_VALUE, s.total()));
            bar.setValue((int) Math.min(Integer.MAX_VALUE, s.done()));
        }
        bar.setString(s.text());
        cancel.setEnabled(!s.stopping() && !s.finished());
    }
}
