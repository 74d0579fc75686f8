package org.mqscope.ui.core.find;

import org.mqscope.find.FilterError;

import javax.swing.JTextField;
import javax.swing.UIManager;
import javax.swing.text.BadLocationException;
import java.awt.Color;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;

/** A text field that underlines a span of its text with a red wave, the way editors mark a syntax error. */
final class ErrorField extends JTextField {
    private static final Color FALLBACK = new Color(0xDC, 0x26, 0x26);
    private static final int WAVE = 2;
    private FilterError error;

    ErrorField(int columns) {
        super(columns);
    }

    /** The error to underline (its span in this field's text), or null. */
    void setError(FilterError e) {
        error = e;
        repaint();
    }

    FilterError error() {
        return error;
    }

    @Override
    protected void paintComponent(Graphics g) {
        super.paintComponent(g);
        if (error == null) {
            return;
        }
        int len = getDocument().getLength();
        int from = Math.min(error.start(), len);
        int to = Math.min(Math.max(error.end(), from + 1), len);
        try {
            Rectangle2D a;
            Rectangle2D b;
            if (from >= len) { // the error is "something is missing at the end": a short wave after the text
                a = modelToView2D(len);
                b = new Rectangle((int) a.getX() + 8, (int) a.getY(), 0, (int) a.getHeight());
            } else {
                a = modelToView2D(from);
                b = modelToView2D(to);
            }
            if (a == null || b == null) {
                return;
            }
            Graphics2D g2 = (Graphics2D) g.create();
            Color c = UIManager.getColor("Component.error.focusedBorderColor");
            g2.setColor(c != null ? c : FALLBACK);
            int y = (int) (a.getY() + a.getHeight()) - 1;
            int x0 = (int) a.getX();
            int x1 = Math.max(x0 + 4, (int) b.getX());
            for (int x = x0; x < x1; x += 2 * WAVE) {
                g2.drawLine(x, y, x + WAVE, y - WAVE);
                g2.drawLine(x + WAVE, y - WAVE, x + 2 * WAVE, y);
            }
            g2.dispose();
        } catch (BadLocationException e) {
            // text changed under the paint: the next repaint has the new error
        }
    }
}
