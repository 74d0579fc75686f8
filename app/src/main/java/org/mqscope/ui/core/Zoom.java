package org.mqscope.ui.core;

import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.util.UIScale;

import javax.swing.SwingUtilities;
import java.util.HashMap;
import java.util.Map;

/**
 * The size of the whole UI through FlatLaf's scaling (fonts, insets, icons, row heights together), and the
 * high-contrast chart colours of presentation mode (Mqscope.presentation.* keys of each theme's .properties
 * standing in for the normal ones). Both survive a theme switch. EDT only.
 */
public final class Zoom {
    /** The smallest and largest factor offered: below, text is unreadable; above, a 1280×1024 screen is full. */
    public static final float MIN = 0.8f;
    public static final float MAX = 2.5f;
    private static final float[] STEPS = {0.8f, 0.9f, 1f, 1.1f, 1.25f, 1.5f, 1.75f, 2f, 2.25f, 2.5f};
    /** Keys presentation mode replaces: the chart lines and gridlines. */
    static final String[] HIGH_CONTRAST_KEYS = {"Mqscope.chart.curmsgs", "Mqscope.chart.qsize",
        "Mqscope.chart.maxmsg", "Mqscope.chart.gridline", "Mqscope.chart.series.0", "Mqscope.chart.series.1",
        "Mqscope.chart.series.2", "Mqscope.chart.series.3", "Mqscope.chart.series.4", "Mqscope.chart.series.5",
        "Mqscope.chart.series.6", "Mqscope.chart.series.7"};

    private Zoom() {
    }

    /** The factor now (1: normal size). */
    public static float factor() {
        return UIScale.getZoomFactor();
    }

    /** Sets the factor (clamped to MIN..MAX) and lays every window out again; returns the factor set. */
    public static float set(float factor) {
        assert SwingUtilities.isEventDispatchThread();
        UIScale.setSupportedZoomFactors(STEPS);
        float f = Math.max(MIN, Math.min(MAX, factor));
        if (UIScale.setZoomFactor(f)) {
            FlatLaf.updateUI();
        }
        return f;
    }

    /** One step larger; returns the new factor. */
    public static float in() {
        return set(next(factor(), 1));
    }

    /** One step smaller; returns the new factor. */
    public static float out() {
        return set(next(factor(), -1));
    }

    static float next(float from, int direction) {
        if (direction > 0) {
            for (float s : STEPS) {
                if (s > from + 0.001f) {
                    return s;
                }
            }
            return MAX;
        }
        for (int i = STEPS.length - 1; i >= 0; i--) {
            if (STEPS[i] < from - 0.001f) {
                return STEPS[i];
            }
        }
        return MIN;
    }

    /** Presentation mode's chart colours on or off; repaints every window. */
    public static void highContrast(boolean on) {
        assert SwingUtilities.isEventDispatchThread();
        Map<String, String> extra = null;
        if (on) {
            extra = new HashMap<>();
            for (String k : HIGH_CONTRAST_KEYS) {
                extra.put(k, "$" + k.replace("Mqscope.", "Mqscope.presentation."));
            }
        }
        FlatLaf.setGlobalExtraDefaults(extra);
        FlatLaf.updateUI();
    }
}
