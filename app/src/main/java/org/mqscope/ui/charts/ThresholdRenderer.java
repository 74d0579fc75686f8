package org.mqscope.ui.charts;

import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.mqscope.monitor.series.Thresholds;
import org.mqscope.ui.core.chart.ChartColors;
import org.mqscope.ui.core.chart.ChartStyle;

import java.awt.Color;
import java.awt.Paint;

/**
 * Draws curmsgs lines with each segment in the colour of the level it reaches: the series' own colour while
 * normal, the theme's warning or critical colour above the thresholds (relative to that queue's maxmsg).
 */
final class ThresholdRenderer extends XYLineAndShapeRenderer {
    private static final long serialVersionUID = 1L;

    private final transient PointsDataset data;
    private transient Thresholds thresholds = Thresholds.DEFAULT;
    private transient Color warning;
    private transient Color critical;

    ThresholdRenderer(PointsDataset data) {
        super(true, false);
        this.data = data;
        setDrawSeriesLineAsPath(false); // a path takes one paint; segments may each take another
        setDefaultStroke(ChartStyle.LINE);
        setAutoPopulateSeriesStroke(false);
    }

    void setThresholds(Thresholds t) {
        thresholds = t;
    }

    /** Reads the level colours from the theme (once per theme, not per segment). */
    void applyTheme() {
        warning = ChartColors.level(Thresholds.Level.WARNING);
        critical = ChartColors.level(Thresholds.Level.CRITICAL);
    }

    @Override
    public Paint getItemPaint(int series, int item) {
        if (series < data.getSeriesCount()) {
            double y = data.getYValue(series, item);
            if (!Double.isNaN(y)) {
                switch (thresholds.level((long) y, data.points(series).maxMessages())) {
                    case WARNING -> {
                        return warning;
                    }
                    case CRITICAL -> {
                        return critical;
                    }
                    default -> {
                        // the series' own colour
                    }
                }
            }
        }
        return super.getItemPaint(series, item);
    }
}
