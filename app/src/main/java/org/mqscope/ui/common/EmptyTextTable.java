package org.mqscope.ui.common;

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
            int x = visible.x + Math.max(0, (visible.width - fm.stringWidth(emptyText)) / 2);
            int y = visible.y + visible.height / 3 + fm.getAscent();
            g2.drawString(emptyText, x, y);
        } finally {
            g2.dispose();
        }
    }
}
