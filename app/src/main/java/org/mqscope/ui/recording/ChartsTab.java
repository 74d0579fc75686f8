package org.mqscope.ui.recording;

import java.awt.BasicStroke;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Font;
import java.util.Map;

import javax.swing.JPanel;
import javax.swing.UIManager;

import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The recording over time, one value per second on a shared time axis (seconds since the first event): sends/s
 * and receives/s (and failed calls), the time in queue of what was received in each second (p50 and p99, in
 * milliseconds), and each queue's curmsgs next to them. Datasets are replaced on the EDT only, with notification
 * off while they are filled. EDT only.
 */
final class ChartsTab extends JPanel {
    private final XYSeriesCollection rates = new XYSeriesCollection();
    private final XYSeriesCollection latency = new XYSeriesCollection();
    private final XYSeriesCollection depth = new XYSeriesCollection();
    private final JFreeChart chart;

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
        style(chart, time);
        ChartPanel panel = new ChartPanel(chart, false, true, true, false, true);
        panel.setName("recording.charts");
        panel.setMouseZoomable(false);
        panel.setMaximumDrawWidth(10_000);
        panel.setMaximumDrawHeight(10_000);
        panel.setMinimumDrawWidth(10);
        panel.setMinimumDrawHeight(10);
        add(panel, BorderLayout.CENTER);
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
            colour((XYPlot) ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots().get(0), 0);
            colour((XYPlot) ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots().get(1), 3);
            colour((XYPlot) ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots().get(2), 5);
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

    private static void colour(XYPlot plot, int firstColour) {
        for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
            Color c = UIManager.getColor("Mqscope.chart.series." + ((firstColour + i) % 8));
            plot.getRenderer().setSeriesPaint(i, c != null ? c : Color.GRAY);
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(1.6f));
        }
    }

    /** The theme's background, text and grid colours instead of JFreeChart's white boxes. */
    private static void style(JFreeChart chart, NumberAxis time) {
        Color background = UIManager.getColor("Panel.background");
        Color text = UIManager.getColor("Label.foreground");
        Color grid = UIManager.getColor("Mqscope.chart.gridline");
        Font font = UIManager.getFont("Label.font");
        chart.setBackgroundPaint(background);
        if (chart.getLegend() != null) {
            chart.getLegend().setBackgroundPaint(background);
            chart.getLegend().setItemPaint(text);
            chart.getLegend().setItemFont(font);
        }
        CombinedDomainXYPlot combined = (CombinedDomainXYPlot) chart.getXYPlot();
        time.setLabelPaint(text);
        time.setTickLabelPaint(text);
        time.setLabelFont(font);
        for (Object o : combined.getSubplots()) {
            XYPlot p = (XYPlot) o;
            p.setBackgroundPaint(background);
            p.setDomainGridlinePaint(grid);
            p.setRangeGridlinePaint(grid);
            p.setOutlineVisible(false);
            p.getRangeAxis().setLabelPaint(text);
            p.getRangeAxis().setTickLabelPaint(text);
            p.getRangeAxis().setLabelFont(font);
        }
    }

    JFreeChart chart() {
        return chart;
    }
}
