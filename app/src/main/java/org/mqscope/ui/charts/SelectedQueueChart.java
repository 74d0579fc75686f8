package org.mqscope.ui.charts;

import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.mqscope.monitor.series.SeriesPoints;
import org.mqscope.monitor.series.Thresholds;
import org.mqscope.ui.charts.PointsDataset.Measure;
import org.mqscope.ui.core.chart.ChartColors;
import org.mqscope.ui.core.chart.ChartStyle;

import java.util.List;

/**
 * The selected queue over time: curmsgs on top (messages; maxmsg as a dashed reference line, the warning and
 * critical zones as faint bands, the line coloured by level), QSIZE below (bytes), one shared time axis. EDT only.
 */
final class SelectedQueueChart {
    /** Bands behind the line: faint enough to read the line and gridlines through. */
    private static final int BAND_ALPHA = 28;
    private static final double HEADROOM = 1.12;

    private final PointsDataset curmsgs = new PointsDataset(Measure.CURMSGS);
    private final PointsDataset qsize = new PointsDataset(Measure.QSIZE);
    private final DateAxis time = ChartStyle.timeAxis();
    private final NumberAxis messages = new NumberAxis("curmsgs (messages)");
    private final NumberAxis bytes = new NumberAxis("QSIZE (bytes)");
    private final XYPlot depthPlot;
    private final XYPlot sizePlot;
    private final CombinedDomainXYPlot plot;
    private final ThresholdRenderer depthRenderer = new ThresholdRenderer(curmsgs);
    private final XYLineAndShapeRenderer sizeRenderer = new XYLineAndShapeRenderer(true, false);
    private final ValueMarker maxmsg = new ValueMarker(0);
    private final IntervalMarker warningBand = new IntervalMarker(0, 0);
    private final IntervalMarker criticalBand = new IntervalMarker(0, 0);
    private final JFreeChart chart;
    private final ChartPanel panel;
    private Thresholds thresholds = Thresholds.DEFAULT;

    SelectedQueueChart() {
        messages.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        messages.setAutoRange(false);
        bytes.setStandardTickUnits(ByteFormat.tickUnits());
        bytes.setAutoRange(false);
        sizeRenderer.setDrawSeriesLineAsPath(true);
        sizeRenderer.setDefaultStroke(ChartStyle.LINE);
        sizeRenderer.setAutoPopulateSeriesStroke(false);
        depthPlot = new XYPlot(curmsgs, null, messages, depthRenderer);
        sizePlot = new XYPlot(qsize, null, bytes, sizeRenderer);
        maxmsg.setStroke(ChartStyle.DASHED);
        maxmsg.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
        maxmsg.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        depthPlot.addRangeMarker(warningBand, Layer.BACKGROUND);
        depthPlot.addRangeMarker(criticalBand, Layer.BACKGROUND);
        depthPlot.addRangeMarker(maxmsg, Layer.FOREGROUND);
        plot = new CombinedDomainXYPlot(time);
        plot.setGap(8);
        plot.add(depthPlot, 3);
        plot.add(sizePlot, 2);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        panel = ChartStyle.panel(chart, "charts.selected");
        applyTheme();
    }

    /** Pixel columns a plot of this panel has at most (its width; a guess before it is laid out). */
    static int columns(ChartPanel p) {
        return Math.max(p.getWidth(), 400);
    }

    ChartPanel panel() {
        return panel;
    }

    PointsDataset curmsgsDataset() {
        return curmsgs;
    }

    PointsDataset qsizeDataset() {
        return qsize;
    }

    void setThresholds(Thresholds t) {
        thresholds = t;
        depthRenderer.setThresholds(t);
    }

    /** Shows {@code points} (null: no queue) between {@code from} and {@code to}, as one chart change. */
    void show(SeriesPoints points, long from, long to) {
        chart.setNotify(false);
        try {
            List<SeriesPoints> list = points == null ? List.of() : List.of(points);
            List<String> keys = points == null ? List.of() : List.of(points.name());
            int columns = columns(panel);
            curmsgs.show(list, keys, from, to, columns);
            qsize.show(list, keys, from, to, columns);
            time.setRange(from, Math.max(to, from + 1));
            long max = points == null ? -1 : points.maxMessages();
            messages.setRange(0, Math.max(1, Math.max(max, curmsgs.maxY())) * HEADROOM);
            bytes.setRange(0, Math.max(64, qsize.maxY()) * HEADROOM);
            markCapacity(max);
            ChartStyle.smoothIfCheap(chart, curmsgs, qsize);
        } finally {
            chart.setNotify(true);
        }
    }

    private void markCapacity(long max) {
        boolean known = max > 0;
        maxmsg.setAlpha(known ? 1f : 0f);
        warningBand.setAlpha(known ? 1f : 0f);
        criticalBand.setAlpha(known ? 1f : 0f);
        if (known) {
            maxmsg.setValue(max);
            maxmsg.setLabel("maxmsg " + max);
            warningBand.setStartValue(thresholds.warningCount(max));
            warningBand.setEndValue(thresholds.criticalCount(max));
            criticalBand.setStartValue(thresholds.criticalCount(max));
            criticalBand.setEndValue(max * HEADROOM * 2);
        }
    }

    /** Moves the cursor line to {@code timeMillis}, or hides it (NaN). */
    void cursorAt(double timeMillis) {
        for (XYPlot p : List.of(depthPlot, sizePlot)) {
            p.setDomainCrosshairVisible(!Double.isNaN(timeMillis));
            if (!Double.isNaN(timeMillis)) {
                p.setDomainCrosshairValue(timeMillis, false);
            }
        }
        chart.fireChartChanged();
    }

    /** Re-reads every colour and font from the theme. */
    void applyTheme() {
        ChartStyle.chart(chart, panel);
        ChartStyle.plot(depthPlot);
        ChartStyle.plot(sizePlot);
        ChartStyle.axis(time);
        depthRenderer.applyTheme();
        depthRenderer.setSeriesPaint(0, ChartColors.curmsgs());
        sizeRenderer.setSeriesPaint(0, ChartColors.qsize());
        maxmsg.setPaint(ChartColors.maxmsg());
        maxmsg.setLabelPaint(ChartColors.maxmsg());
        maxmsg.setLabelFont(ChartStyle.smallFont());
        maxmsg.setLabelBackgroundColor(ChartColors.translucent(ChartColors.background(), 0));
        warningBand.setPaint(ChartColors.translucent(ChartColors.level(Thresholds.Level.WARNING), BAND_ALPHA));
        criticalBand.setPaint(ChartColors.translucent(ChartColors.level(Thresholds.Level.CRITICAL), BAND_ALPHA));
        chart.fireChartChanged();
    }

    /** The plot under a point of the panel (for the cursor), or null. */
    XYPlot plotAt(java.awt.geom.Point2D p) {
        var info = panel.getChartRenderingInfo().getPlotInfo();
        int i = info.getSubplotIndex(p);
        return i < 0 ? null : (XYPlot) plot.getSubplots().get(i);
    }

    DateAxis timeAxis() {
        return time;
    }
}
