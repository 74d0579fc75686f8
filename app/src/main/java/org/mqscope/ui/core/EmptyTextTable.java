package org.mqscope.ui.core;

import javax.swing.JTable;
import javax.swing.UIManager;
import javax.swing.table.TableModel;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;

/**
 * A table that says what it will hold while it has no rows. The line is painted in the table itself, so the
 * header and the column widths stay as they will be with rows.
 */
public class EmptyTextTable extends JTable {
    private static final int MARGIN = 12;
    private String emptyText;

    public EmptyTextTable(TableModel model, String emptyText) {
        super(model);
        this.emptyText = emptyText;
        setFillsViewportHeight(true);
    }

    public String emptyText() {
        return emptyText;
    }

    public void setEmptyText(String text) {
        emptyText = text;
        repaint();
    }

    @Override
    protected void paintComponent(Graphics g) {
        super.paintComponent(g);
        if (getRowCount() > 0 || emptyText == null || emptyText.isEmpty()) {
            return;
        }
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Color c = UIManager.getColor("Mqscope.placeholder.foreground");
            g2.setColor(c != null ? c : getForeground());
            g2.setFont(getFont());
            FontMetrics fm = g2.getFontMetrics();
            Rectangle visible = getVisibleRect();
            int y = visible.y + visible.height / 3 + fm.getAscent();
            for (String line : wrap(emptyText, fm, Math.max(50, visible.width - 2 * MARGIN))) {
                int x = visible.x + Math.max(MARGIN, (visible.width - fm.stringWidth(line)) / 2);
                g2.drawString(line, x, y);
                y += fm.getHeight();
            }
        } finally {
            g2.dispose();
        }
    }

    /** Words packed into lines no wider than {@code width}; a single word wider than that gets a line alone. */
    static java.util.List<String> wrap(String text, FontMetrics fm, int width) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && fm.stringWidth(candidate) > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
