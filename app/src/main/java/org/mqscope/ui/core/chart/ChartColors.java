package org.mqscope.ui.core.chart;

import org.mqscope.monitor.series.Thresholds.Level;

import javax.swing.UIManager;
import java.awt.Color;

/**
 * The charts' colours, from the theme's .properties (Mqscope.chart.*, Mqscope.level.*), so a dark theme gets dark
 * charts. Read afresh on every theme change.
 */
public final class ChartColors {
    /** Overview lines take these in turn. */
    public static final int PALETTE_SIZE = 8;

    private ChartColors() {
    }

    public static Color get(String key) {
        Color c = UIManager.getColor(key);
        return c != null ? c : UIManager.getColor("Label.foreground");
    }

    public static Color background() {
        return get("Mqscope.chart.background");
    }

    public static Color panel() {
        return get("Panel.background");
    }

    public static Color foreground() {
        return get("Mqscope.chart.foreground");
    }

    public static Color grid() {
        return get("Mqscope.chart.gridline");
    }

    public static Color axisLine() {
        return get("Mqscope.chart.axisLine");
    }

    public static Color crosshair() {
        return get("Mqscope.chart.crosshair");
    }

    public static Color curmsgs() {
        return get("Mqscope.chart.curmsgs");
    }

    public static Color qsize() {
        return get("Mqscope.chart.qsize");
    }

    public static Color maxmsg() {
        return get("Mqscope.chart.maxmsg");
    }

    public static Color series(int i) {
        return get("Mqscope.chart.series." + (i % PALETTE_SIZE));
    }

    /** The colour of a level; null for NORMAL and UNKNOWN (the line keeps its own). */
    public static Color level(Level level) {
        return switch (level) {
            case WARNING -> get("Mqscope.level.warning");
            case CRITICAL -> get("Mqscope.level.critical");
            default -> null;
        };
    }

    /** {@code c} with {@code alpha} (0..255), for bands behind the lines. */
    public static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
