package org.mqscope.ui.core;

import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.util.UIScale;

import javax.swing.SwingUtilities;
import javax.swing.UIManager;
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

    /**
     * Presentation mode's chart colours (those of the theme installed now) on or off; repaints every window. Call
     * again after a theme switch.
     */
    public static void highContrast(boolean on) {
        assert SwingUtilities.isEventDispatchThread();
        Map<String, String> extra = null;
        if (on) {
            extra = new HashMap<>();
            for (String k : HIGH_CONTRAST_KEYS) {
                // the installed theme's presentation colour, as a value: FlatLaf resolves no $references here
                java.awt.Color c = UIManager.getColor(k.replace("Mqscope.", "Mqscope.presentation."));
                if (c != null) {
                    extra.put(k, String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue()));
                }
            }
        }
        FlatLaf.setGlobalExtraDefaults(extra);
        // extra defaults are read when a look and feel is set up: set the installed theme up again
        if (UIManager.getLookAndFeel() instanceof FlatLaf current) {
            try {
                FlatLaf.setup(current.getClass().getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot set up " + current.getName() + " again", e);
            }
        }
        FlatLaf.updateUI();
    }
}
