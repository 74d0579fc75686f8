package org.mqscope.ui.core;

import javax.swing.JComponent;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;
import javax.swing.UIManager;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.util.List;
import org.mqscope.find.Highlights.Span;

/**
 * A read-only monospaced text view that paints only the lines in the visible rectangle: its cost per repaint is
 * the height of the viewport, not the size of the document (a 16 MiB hex dump is a million lines). Put it in a
 * JScrollPane.
 */
public final class LineView extends JComponent implements Scrollable {
    private static final int PAD = 6;
    /** Swing sizes are ints: past this many lines the view stops growing (far beyond 16 MiB in hex). */
    private static final int MAX_LINES = Integer.MAX_VALUE / 64;

    /** Which characters of a line to mark (the filter's matches); asked only for the lines painted. */
    @FunctionalInterface
    public interface Marks {
        Marks NONE = (line, text) -> List.of();

        List<Span> of(int line, String text);
    }

    private LineSource source = LineSource.EMPTY;
    private Marks marks = Marks.NONE;

    public LineView(String name) {
        setName(name);
        setOpaque(true);
        updateUI();
    }

    @Override
    public void updateUI() {
        super.updateUI();
        Font base = UIManager.getFont("monospaced.font");
        if (base == null) {
            Font label = UIManager.getFont("Label.font");
            base = new Font(Font.MONOSPACED, Font.PLAIN, label != null ? label.getSize() : 12);
        }
        setFont(base);
        setBackground(UIManager.getColor("TextArea.background"));
        setForeground(UIManager.getColor("TextArea.foreground"));
    }

    /** Shows another document; EDT only. Scroll position goes back to the top by the caller's choice. */
    public void setSource(LineSource newSource) {
        source = newSource == null ? LineSource.EMPTY : newSource;
        revalidate();
        repaint();
    }

    /** Marks characters on the painted lines (null: none); EDT only. */
    public void setMarks(Marks newMarks) {
        marks = newMarks == null ? Marks.NONE : newMarks;
        repaint();
    }

    public Marks marks() {
        return marks;
    }

    /** Scrolls so that {@code line} is in view, a few lines below the top when there is room. */
    public void scrollToLine(int line) {
        int h = lineHeight();
        scrollRectToVisible(new Rectangle(0, Math.max(0, PAD + (line - 2) * h), 1, 5 * h));
    }

    public LineSource source() {
        return source;
    }

    /** The lines currently painted (first inclusive, last exclusive) for this visible rectangle. */
    int[] visibleLines(Rectangle clip) {
        int h = lineHeight();
        int first = Math.max(0, (clip.y - PAD) / h);
        int last = Math.min(lineCount(), (clip.y + clip.height - PAD) / h + 1);
        return new int[] {first, Math.max(first, last)};
    }

    private int lineCount() {
        return Math.min(source.lineCount(), MAX_LINES);
    }

    private int lineHeight() {
        return getFontMetrics(getFont()).getHeight();
    }

    @Override
    public Dimension getPreferredSize() {
        FontMetrics fm = getFontMetrics(getFont());
        long w = (long) fm.charWidth('0') * Math.min(source.longestLine(), 100_000) + 2L * PAD;
        long h = (long) fm.getHeight() * lineCount() + 2L * PAD;
        return new Dimension((int) Math.min(w, Integer.MAX_VALUE / 2), (int) Math.min(h, Integer.MAX_VALUE / 2));
    }

    @Override
    protected void paintComponent(Graphics g) {
        Rectangle clip = g.getClipBounds();
        if (clip == null) {
            clip = new Rectangle(0, 0, getWidth(), getHeight());
        }
        g.setColor(getBackground());
        g.fillRect(clip.x, clip.y, clip.width, clip.height);
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setFont(getFont());
            g2.setColor(getForeground());
            FontMetrics fm = g2.getFontMetrics();
            int h = fm.getHeight();
            int[] range = visibleLines(clip);
            for (int i = range[0]; i < range[1]; i++) {
                String line = source.line(i);
                List<Span> spans = marks.of(i, line);
                if (!spans.isEmpty()) {
                    SpanPainter.paint(g2, fm, line, spans, PAD, PAD + i * h, h);
                    g2.setColor(getForeground());
                }
                g2.drawString(line, PAD, PAD + i * h + fm.getAscent());
            }
        } finally {
            g2.dispose();
        }
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        return new Dimension(400, 200);
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
        return orientation == SwingConstants.VERTICAL ? lineHeight() : getFontMetrics(getFont()).charWidth('0') * 4;
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
        return orientation == SwingConstants.VERTICAL ? Math.max(lineHeight(), visible.height - lineHeight())
                : visible.width;
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
        return getParent() != null && getParent().getWidth() > getPreferredSize().width;
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
        return getParent() != null && getParent().getHeight() > getPreferredSize().height;
    }
}
