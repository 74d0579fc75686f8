package org.mqscope.ui.recording;

import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;

import net.miginfocom.swing.MigLayout;
import org.mqscope.ui.core.Dim;
import org.mqscope.ui.core.Icons;
import org.mqscope.ui.core.Numbers;

/**
 * The top of a recording window: what is recorded and how far it got, "N events lost" in the error colour as soon
 * as the recorder reports a loss, what memory keeps, Stop and Save As, and a progress bar with Cancel while a file
 * is read or written. EDT only.
 */
final class RecordingHeaderBar extends JPanel {
    final JLabel status = new JLabel(" ");
    final JLabel lost = new JLabel();
    final JLabel kept = new JLabel();
    final JButton stop = new JButton("Stop", Icons.action("pause"));
    final JButton save = new JButton("Save As…");
    final JProgressBar progress = new JProgressBar(0, 1000);
    final JButton cancel = new JButton("Cancel");

    RecordingHeaderBar() {
        super(new MigLayout("insets 6 8 2 8, gap 6, hidemode 3", "[][][grow][]", "[]2[]"));
        status.setName("recording.status");
        lost.setName("recording.lost");
        kept.setName("recording.kept");
        stop.setName("recording.stop");
        save.setName("recording.save");
        progress.setName("recording.progress");
        cancel.setName("recording.cancel");
        stop.setToolTipText("End the recording; the queues were never changed by it");
        save.setToolTipText("Write the whole recording to a file of your choice (JSON Lines, as 'mqscope record')");
        lost.putClientProperty("FlatLaf.style", "foreground: $Component.error.focusedBorderColor; font: bold +1");
        lost.setIcon(Icons.action("warning"));
        lost.setVisible(false);
        Dim.text(kept);
        progress.setVisible(false);
        progress.setStringPainted(true);
        cancel.setVisible(false);
        add(stop);
        add(save);
        add(status, "growx, wmin 0");
        add(lost);
        add(kept, "newline, span 3, wmin 0");
        add(progress, "split 2, right, w 200!");
        add(cancel, "right");
    }

    /** Shows the loss count (hidden while none was lost). */
    void setLost(long n) {
        lost.setVisible(n > 0);
        lost.setText(Numbers.grouped(n) + (n == 1 ? " event lost" : " events lost")
                + ": the recorder's buffer was full (the file says so too)");
    }

    /** Progress of a file read or written, 0..1; negative hides the bar and Cancel. */
    void setProgress(double fraction, String text) {
        boolean on = fraction >= 0;
        progress.setVisible(on);
        cancel.setVisible(on);
        if (on) {
            progress.setValue((int) Math.round(Math.min(1, fraction) * 1000));
            progress.setString(text);
        }
    }
}
