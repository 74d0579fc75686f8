package org.mqscope.ui.traffic;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.UIManager;
import java.awt.Color;

/**
 * The line above the traffic rows: a warning box on real queues, a quiet hint otherwise. Colours come from the
 * theme and are looked up again when it changes.
 */
final class Banner extends JLabel {
    private static final int PAD = 4;
    private boolean warning;

    void show(String text, boolean asWarning) {
        setText(text);
        warning = asWarning;
        applyColours();
    }

    boolean warning() {
        return warning;
    }

    @Override
    public void updateUI() {
        super.updateUI();
        applyColours();
    }

    private void applyColours() {
        if (warning) {
            Color border = UIManager.getColor("Mqscope.notice.borderColor");
            setOpaque(true);
            setBackground(UIManager.getColor("Mqscope.notice.background"));
            setForeground(UIManager.getColor("Mqscope.notice.foreground"));
            setBorder(BorderFactory.createCompoundBorder(
                    border == null ? BorderFactory.createEmptyBorder() : BorderFactory.createLineBorder(border),
                    BorderFactory.createEmptyBorder(PAD, PAD * 2, PAD, PAD * 2)));
        } else {
            setOpaque(false);
            setForeground(UIManager.getColor("Label.disabledForeground"));
            setBorder(BorderFactory.createEmptyBorder(PAD, 0, PAD, 0));
        }
    }
}
