package org.mqscope.ui.messages;

import org.mqscope.ui.core.Numbers;

import javax.swing.Icon;
import javax.swing.JTable;
import javax.swing.SwingConstants;
import javax.swing.UIManager;
import javax.swing.table.DefaultTableCellRenderer;
import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;

/**
 * Paints the message rows: every other priority band on a tinted background, so where one priority ends and the
 * next begins shows at a glance; the priority cell also gets a colour chip per band. One
 * renderer per column, no per-row component.
 */
final class BandRenderer extends DefaultTableCellRenderer {
    private static final int CHIP = 10;
    /** Distinct hues that read on light and dark backgrounds alike. */
    private static final Color[] BAND_COLOURS = {
        new Color(0xE0, 0x6C, 0x4C), new Color(0x4C, 0x9A, 0xE0), new Color(0x5C, 0xB8, 0x5C),
        new Color(0xD9, 0xA4, 0x2B), new Color(0x9B, 0x6C, 0xD9), new Color(0x3C, 0xB8, 0xB0),
    };
    private final boolean chip;
    private Color chipColour;

    BandRenderer(int alignment, boolean chip) {
        this.chip = chip;
        setHorizontalAlignment(alignment);
        if (chip) {
            setIcon(new Icon() {
                @Override
                public void paintIcon(Component c, Graphics g, int x, int y) {
                    Graphics2D g2 = (Graphics2D) g.create();
                    g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                    g2.setColor(chipColour);
                    g2.fillRoundRect(x, y, CHIP, CHIP, 4, 4);
                    g2.dispose();
                }

                @Override
                public int getIconWidth() {
                    return CHIP;
                }

                @Override
                public int getIconHeight() {
                    return CHIP;
                }
            });
            setHorizontalTextPosition(SwingConstants.LEFT);
            setIconTextGap(6);
        }
    }

    /**
     * The chip colour of a priority band. Within one peek each priority forms exactly one band (receive order groups
     * them), so colouring by band gives neighbouring priorities different colours however close their numbers.
     */
    static Color bandColour(int band) {
        return BAND_COLOURS[band % BAND_COLOURS.length];
    }

    @Override
    public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focus,
                                                   int row, int column) {
        // Priorities are read as numbers to compare, not amounts: no grouping separator there.
        Object shown = value instanceof Integer i && getHorizontalAlignment() == RIGHT && !chip ? Numbers.grouped(i)
                : value;
        super.getTableCellRendererComponent(table, shown, selected, focus, row, column);
        MessageTableModel model = (MessageTableModel) table.getModel();
        int band = model.bandAt(table.convertRowIndexToModel(row));
        if (!selected) {
            boolean odd = band % 2 == 1;
            Color tint = UIManager.getColor("Mqscope.band.alternateBackground");
            setBackground(odd && tint != null ? tint : table.getBackground());
        }
        if (chip) {
            chipColour = bandColour(band);
        }
        return this;
    }
}
