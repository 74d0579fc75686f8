package org.mqscope.ui.core;

import org.mqscope.find.Highlights.Span;

import javax.swing.UIManager;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.util.List;

/** Paints the background of highlighted character spans in a line of text drawn at a known x. */
public final class SpanPainter {
    private static final Color FALLBACK = new Color(0xFF, 0xD5, 0x4F, 0x99);

    private SpanPainter() {
    }

    /** The theme's highlight colour. */
    public static Color colour() {
        Color c = UIManager.getColor("Mqscope.find.highlight");
        return c != null ? c : FALLBACK;
    }

    /**
     * Fills each span of {@code text} (drawn from {@code x}) between {@code top} and {@code top + height}. Spans past
     * the end of the text are cut to it.
     */
    public static void paint(Graphics g, FontMetrics fm, String text, List<Span> spans, int x, int top, int height) {
        if (spans.isEmpty()) {
            return;
        }
        g.setColor(colour());
        for (Span s : spans) {
            int from = Math.min(s.start(), text.length());
            int to = Math.min(s.end(), text.length());
            if (to <= from) {
                continue;
            }
            int x0 = x + fm.stringWidth(text.substring(0, from));
            int w = fm.stringWidth(text.substring(from, to));
            g.fillRect(x0, top, Math.max(1, w), height);
        }
    }
}
