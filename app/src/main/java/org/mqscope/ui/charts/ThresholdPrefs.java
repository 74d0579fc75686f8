package org.mqscope.ui.charts;

import org.mqscope.monitor.series.Thresholds;

import java.util.prefs.Preferences;

/**
 * The warning and critical levels as the charts keep them in their preferences node. The window reads them at
 * start for the tree's badges without building the charts (and loading JFreeChart).
 */
public final class ThresholdPrefs {
    static final String WARNING = "warning";
    static final String CRITICAL = "critical";
    static final int DEFAULT_WARNING = 70;
    static final int DEFAULT_CRITICAL = 90;

    private ThresholdPrefs() {
    }

    /** The levels kept in {@code prefs} (the charts' node), clamped to 1-100 % with warning ≤ critical. */
    public static Thresholds load(Preferences prefs) {
        int w = clampPercent(prefs.getInt(WARNING, DEFAULT_WARNING));
        int c = Math.max(w, clampPercent(prefs.getInt(CRITICAL, DEFAULT_CRITICAL)));
        return Thresholds.percent(w, c);
    }

    static void save(Preferences prefs, int warning, int critical) {
        prefs.putInt(WARNING, warning);
        prefs.putInt(CRITICAL, critical);
    }

    private static int clampPercent(int p) {
        return Math.max(1, Math.min(100, p));
    }
}
