package org.mqscope.ui.messages;

import org.mqscope.find.Highlights;
import org.mqscope.ui.core.SpanPainter;

import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.UIManager;
import javax.swing.table.TableCellRenderer;
import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Insets;
import java.util.List;

/**
 * A decorator around a column's {@link BandRenderer}: rows that arrived since the previous refresh get the
 * "arrived" tint, rows that do not match the filter (while all are shown) are dimmed, and in the preview column
 * the filter's matches are marked. The band renderer itself stays as it is.
 */
final class FindRenderer implements TableCellRenderer {
    private static final Color ARRIVED_FALLBACK = new Color(0xDD, 0xF3, 0xE0);
    private final BandRenderer delegate;
    private final MessageFinder finder;
    private final boolean preview;
    private final Overlay overlay = new Overlay();

    FindRenderer(BandRenderer delegate, MessageFinder finder, boolean preview) {
        this.delegate = delegate;
        this.finder = finder;
        this.preview = preview;
    }

    @Override
    public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focus,
                                                   int row, int column) {
        JLabel c = (JLabel) delegate.getTableCellRendererComponent(table, value, selected, focus, row, column);
        int modelRow = table.convertRowIndexToModel(row);
        if (!selected) {
            // Set every time: DefaultTableCellRenderer remembers the last colour set for later rows otherwise.
            c.setForeground(finder.dimmed(modelRow) ? UIManager.getColor("Label.disabledForeground")
                    : table.getForeground());
            if (finder.arrived(modelRow)) {
                Color tint = UIManager.getColor("Mqscope.find.arrived");
                c.setBackground(tint != null ? tint : ARRIVED_FALLBACK);
            }
        }
        Highlights h = finder.highlights();
        if (!preview || h.isEmpty() || !(value instanceof String text)) {
            return c;
        }
        List<Highlights.Span> spans = h.inPreview(text);
        if (spans.isEmpty()) {
            return c;
        }
        overlay.show(c, text, spans);
        return overlay;
    }

    /** The preview column's label with the matched characters marked over it. */
    static final class Overlay extends JComponent {
        private JLabel label;
        private String text;
        private List<Highlights.Span> spans;

        void show(JLabel l, String t, List<Highlights.Span> s) {
            if (label != l) {
                removeAll();
                add(l);
                label = l;
            }
            text = t;
            spans = s;
        }

        /** The marked spans of the last cell rendered (tests read them). */
        List<Highlights.Span> spans() {
            return spans;
        }

        @Override
        public void doLayout() {
            label.setBounds(0, 0, getWidth(), getHeight());
        }

        @Override
        public void paint(Graphics g) {
            super.paint(g);
            Insets in = label.getInsets();
            SpanPainter.paint(g, label.getFontMetrics(label.getFont()), text, spans, in.left, in.top,
                    getHeight() - in.top - in.bottom);
        }
    }
}
