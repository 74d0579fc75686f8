package org.mqscope.ui.charts;

import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.mqscope.monitor.series.SeriesPoints;
import org.mqscope.ui.charts.PointsDataset.Measure;
import org.mqscope.ui.core.chart.ChartColors;
import org.mqscope.ui.core.chart.ChartStyle;

import java.awt.Stroke;
import java.util.ArrayList;
import java.util.List;

/** curmsgs of several chosen queues on one time axis, one coloured line per queue with a legend. EDT only. */
final class OverviewChart {
    private static final double HEADROOM = 1.08;
    /** Lines beyond the palette take its colours again. */
    private static final int SERIES_PAINTS = 64;

    private final PointsDataset curmsgs = new PointsDataset(Measure.CURMSGS);
    private final DateAxis time = ChartStyle.timeAxis();
    private final NumberAxis messages = new NumberAxis("curmsgs (messages)");
    private final XYLineAndShapeRenderer renderer = new LinesOnly();
    private final XYPlot plot;
    private final JFreeChart chart;
    private final ChartPanel panel;

    OverviewChart() {
        messages.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        messages.setAutoRange(false);
        renderer.setDrawSeriesLineAsPath(true); // one path per queue: cheap however many points
        renderer.setDefaultStroke(ChartStyle.LINE);
        renderer.setAutoPopulateSeriesStroke(false);
        plot = new XYPlot(curmsgs, time, messages, renderer);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        panel = ChartStyle.panel(chart, "charts.overview");
        applyTheme();
    }

    ChartPanel panel() {
        return panel;
    }

    PointsDataset dataset() {
        return curmsgs;
    }

    /** Shows these queues' curmsgs between {@code from} and {@code to}, as one chart change. */
    void show(List<SeriesPoints> queues, long from, long to) {
        chart.setNotify(false);
        try {
            List<String> keys = new ArrayList<>(queues.size());
            long max = 1;
            for (SeriesPoints p : queues) {
                keys.add(p.name());
                max = Math.max(max, p.maxMessages());
            }
            curmsgs.show(queues, keys, from, to, SelectedQueueChart.columns(panel));
            time.setRange(from, Math.max(to, from + 1));
            // curmsgs never exceeds maxmsg, so the data need no scan unless a maxmsg is unknown
            double top = queues.stream().allMatch(p -> p.maxMessages() > 0) ? max : Math.max(max, curmsgs.maxY());
            messages.setRange(0, top * HEADROOM);
            ChartStyle.smoothIfCheap(chart, curmsgs);
            // Unsmoothed, a one-pixel line takes Java2D's fast line loop; a wider one is stroked as a shape.
            Stroke line = chart.getAntiAlias() ? ChartStyle.LINE : ChartStyle.PIXEL_LINE;
            if (renderer.getDefaultStroke() != line) {
                renderer.setDefaultStroke(line, false);
            }
        } finally {
            chart.setNotify(true);
        }
    }

    void cursorAt(double timeMillis) {
        plot.setDomainCrosshairVisible(!Double.isNaN(timeMillis));
        if (!Double.isNaN(timeMillis)) {
            plot.setDomainCrosshairValue(timeMillis, false);
        }
        chart.fireChartChanged();
    }

    void applyTheme() {
        ChartStyle.chart(chart, panel);
        ChartStyle.plot(plot);
        for (int i = 0; i < SERIES_PAINTS; i++) {
            renderer.setSeriesPaint(i, ChartColors.series(i), false);
        }
        chart.fireChartChanged();
    }

    /**
     * Lines and nothing else, in one pass: the second pass of the stock renderer (shapes, item labels, entities)
     * would draw nothing here yet costs a few lookups per point, which for 32 lines is much of the plot's time.
     */
    private static final class LinesOnly extends XYLineAndShapeRenderer {
        private static final long serialVersionUID = 1L;

        LinesOnly() {
            super(true, false);
        }

        @Override
        public int getPassCount() {
            return 1;
        }
    }

    DateAxis timeAxis() {
        return time;
    }

    XYPlot plot() {
        return plot;
    }
}
