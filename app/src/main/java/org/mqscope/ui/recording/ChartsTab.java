package org.mqscope.ui.recording;

import java.awt.BorderLayout;
import java.util.Map;

import javax.swing.JPanel;

import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mqscope.ui.core.chart.ChartColors;
import org.mqscope.ui.core.chart.ChartStyle;

/**
 * The recording over time, one value per second on a shared time axis (seconds since the first event): sends/s
 * and receives/s (and failed calls), the time in queue of what was received in each second (p50 and p99, in
 * milliseconds), and each queue's curmsgs next to them. Datasets are replaced on the EDT only, with notification
 * off while they are filled. EDT only.
 */
final class ChartsTab extends JPanel {
    /** Where the palette starts in each subplot (rates, time in queue, curmsgs). */
    private static final int[] SERIES_OFFSET = {0, 3, 5};
    private final XYSeriesCollection rates = new XYSeriesCollection();
    private final XYSeriesCollection latency = new XYSeriesCollection();
    private final XYSeriesCollection depth = new XYSeriesCollection();
    private final JFreeChart chart;
    private final ChartPanel panel;

    ChartsTab() {
        super(new BorderLayout());
        NumberAxis time = new NumberAxis("seconds since the first event");
        time.setAutoRangeIncludesZero(false);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(8);
        plot.add(plot(rates, "calls/s", false), 3);
        plot.add(plot(latency, "time in queue, ms", false), 2);
        plot.add(plot(depth, "curmsgs", true), 2);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        panel = ChartStyle.panel(chart, "recording.charts");
        panel.setDisplayToolTips(true);
        applyTheme();
        add(panel, BorderLayout.CENTER);
    }

    /** Restyled on every theme change, like the main window's charts (JFreeChart is not a Swing component). */
    @Override
    public void updateUI() {
        super.updateUI();
        if (panel != null) {
            applyTheme();
        }
    }

    private void applyTheme() {
        ChartStyle.chart(chart, panel);
        ChartStyle.plot(combined());
        for (int i = 0; i < SERIES_OFFSET.length; i++) {
            XYPlot sub = subplot(i);
            ChartStyle.plot(sub);
            colour(sub, SERIES_OFFSET[i]);
        }
    }

    private CombinedDomainXYPlot combined() {
        return (CombinedDomainXYPlot) chart.getXYPlot();
    }

    private XYPlot subplot(int i) {
        return (XYPlot) combined().getSubplots().get(i);
    }

    private static XYPlot plot(XYSeriesCollection data, String label, boolean steps) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = steps ? new XYStepRenderer() : new XYLineAndShapeRenderer(true, false);
        XYPlot p = new XYPlot(data, null, axis, renderer);
        return p;
    }

    /** The series of a snapshot, replacing what was drawn. */
    void show(Analysis.Snapshot s) {
        SecondBins.Series series = s.series();
        chart.setNotify(false);
        try {
            rates.removeAllSeries();
            latency.removeAllSeries();
            depth.removeAllSeries();
            rates.addSeries(line("sends/s", series, series.sends(), 1));
            rates.addSeries(line("receives/s", series, series.receives(), 1));
            rates.addSeries(line("failed calls/s", series, series.failures(), 1));
            latency.addSeries(line("p50", series, series.p50Nanos(), 1e6));
            latency.addSeries(line("p99", series, series.p99Nanos(), 1e6));
            for (Map.Entry<String, long[]> q : series.curmsgs().entrySet()) {
                depth.addSeries(line("curmsgs " + q.getKey(), series, q.getValue(), 1));
            }
            for (int i = 0; i < SERIES_OFFSET.length; i++) {
                colour(subplot(i), SERIES_OFFSET[i]);
            }
        } finally {
            chart.setNotify(true);
        }
    }

    /** A series of per-second values; negative values (no latency that second) leave a gap. */
    private static XYSeries line(String name, SecondBins.Series s, long[] values, double divisor) {
        XYSeries out = new XYSeries(name, false, true);
        for (int i = 0; i < values.length; i++) {
            out.add(s.firstSecond() + i, values[i] < 0 ? null : values[i] / divisor, false);
        }
        return out;
    }

    /** The theme's palette, each subplot starting at its own colour so no two lines of the window share one. */
    private static void colour(XYPlot plot, int firstColour) {
        for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
            plot.getRenderer().setSeriesPaint(i, ChartColors.series(firstColour + i));
            plot.getRenderer().setSeriesStroke(i, ChartStyle.LINE);
        }
    }

    JFreeChart chart() {
        return chart;
    }
}
