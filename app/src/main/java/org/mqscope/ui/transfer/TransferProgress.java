package org.mqscope.ui.transfer;

import java.awt.Component;
import java.awt.Window;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;
import net.miginfocom.swing.MigLayout;
import org.mqscope.transfer.Importer;

/**
 * A small window with a progress bar and Cancel while messages are sent on mq-io. The worker reports through
 * {@link #sent} from its thread; the bar follows on the EDT at most once per event-queue turn. Cancel stops the
 * sending between two messages (one already handed to the kernel is sent).
 */
final class TransferProgress implements Importer.Progress {
    private final JDialog dialog;
    private final JProgressBar bar = new JProgressBar();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private final AtomicBoolean repaintQueued = new AtomicBoolean();

    TransferProgress(Component parent, String title) {
        assert SwingUtilities.isEventDispatchThread();
        Window owner = parent instanceof Window w ? w : SwingUtilities.getWindowAncestor(parent);
        dialog = new JDialog(owner, title);
        dialog.setName("transfer.progress");
        JPanel p = new JPanel(new MigLayout("wrap 1, width 360", "[grow, fill]"));
        p.add(new JLabel(title));
        bar.setIndeterminate(true);
        bar.setStringPainted(true);
        bar.setString("Reading…");
        p.add(bar);
        JButton cancel = new JButton("Cancel");
        cancel.setName("transfer.cancel");
        cancel.addActionListener(e -> {
            cancelled.set(true);
            cancel.setEnabled(false);
            bar.setString("Stopping after the message being sent…");
        });
        p.add(cancel, "align right, growx 0");
        dialog.setContentPane(p);
        dialog.pack();
        dialog.setLocationRelativeTo(parent);
    }

    void show() {
        dialog.setVisible(true);
    }

    void close() {
        assert SwingUtilities.isEventDispatchThread();
        dialog.dispose();
    }

    boolean cancelled() {
        return cancelled.get();
    }

    /** Any thread. */
    @Override
    public void sent(long d, long t) {
        done.set(d);
        total.set(t);
        if (repaintQueued.compareAndSet(false, true)) {
            SwingUtilities.invokeLater(() -> {
                repaintQueued.set(false);
                bar.setIndeterminate(false);
                bar.setMaximum((int) Math.min(Integer.MAX_VALUE, total.get()));
                bar.setValue((int) Math.min(Integer.MAX_VALUE, done.get()));
                bar.setString(done.get() + " of " + total.get());
            });
        }
    }
}
