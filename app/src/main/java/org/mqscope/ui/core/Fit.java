package org.mqscope.ui.core;

import com.formdev.flatlaf.util.UIScale;

import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import java.awt.Dimension;
import java.awt.GraphicsConfiguration;
import java.awt.Insets;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.Window;

/**
 * Keeps dialogs whole at any font size. An {@code <html>} label without a width is measured as one long line, so
 * a dialog packed around it is too short once the text wraps, and its buttons end up below the edge: every
 * wrapping label therefore gets a width here, scaled with the font. A dialog whose texts change after it was
 * packed grows again with {@link #grow}.
 */
public final class Fit {
    /** The width of wrapped text in dialogs at the default font, in unscaled pixels. */
    public static final int TEXT_WIDTH = 420;

    private Fit() {
    }

    /** {@code text} (HTML-escaped already, or with tags of its own) as HTML wrapping at {@code width} pixels. */
    public static String html(String text, int width) {
        return "<html><body style='width: " + UIScale.scale(width) + "px'>" + text + "</body></html>";
    }

    /** A label wrapping {@code text} at {@link #TEXT_WIDTH}. */
    public static JLabel wrapped(String text) {
        return new JLabel(html(text, TEXT_WIDTH));
    }

    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * After its content changed: makes {@code w} at least as large as its content wants, never smaller than it is
     * (the user may have enlarged it), and keeps it on its screen. EDT only.
     */
    public static void grow(Window w) {
        assert SwingUtilities.isEventDispatchThread();
        w.validate();
        Dimension want = w.getPreferredSize();
        Dimension now = w.getSize();
        Rectangle screen = usableScreen(w.getGraphicsConfiguration());
        int width = Math.min(Math.max(want.width, now.width), screen.width);
        int height = Math.min(Math.max(want.height, now.height), screen.height);
        if (width != now.width || height != now.height) {
            w.setSize(width, height);
            int x = Math.max(screen.x, Math.min(w.getX(), screen.x + screen.width - width));
            int y = Math.max(screen.y, Math.min(w.getY(), screen.y + screen.height - height));
            w.setLocation(x, y);
            w.validate();
        }
    }

    private static Rectangle usableScreen(GraphicsConfiguration gc) {
        if (gc == null) {
            Dimension d = Toolkit.getDefaultToolkit().getScreenSize();
            return new Rectangle(0, 0, d.width, d.height);
        }
        Rectangle b = gc.getBounds();
        Insets in = Toolkit.getDefaultToolkit().getScreenInsets(gc);
        return new Rectangle(b.x + in.left, b.y + in.top, b.width - in.left - in.right,
                b.height - in.top - in.bottom);
    }
}
