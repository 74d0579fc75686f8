package org.mqscope.ui.recording;

import java.awt.BorderLayout;
import java.awt.Color;

import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.UIManager;

import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.mqscope.recording.LatencyHistogram;
import org.mqscope.recording.QueueSummary;
import org.mqscope.ui.core.Numbers;

/**
 * How long the received messages spent in their queue: the recording's logarithmic histogram per queue (messages
 * per bucket), with p50, p99 and the longest above it. EDT only.
 */
final class LatencyTab extends JPanel {
    private final DefaultCategoryDataset data = new DefaultCategoryDataset();
    private final JLabel figures = new JLabel(" ");
    private final JFreeChart chart;

    LatencyTab() {
        super(new BorderLayout());
        figures.setName("recording.latency.figures");
        figures.setBorder(javax.swing.BorderFactory.createEmptyBorder(6, 8, 6, 8));
        CategoryAxis buckets = new CategoryAxis("time in queue");
        buckets.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        NumberAxis count = new NumberAxis("messages");
        count.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        CategoryPlot plot = new CategoryPlot(data, buckets, count, bars);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Color background = UIManager.getColor("Panel.background");
        Color text = UIManager.getColor("Label.foreground");
        chart.setBackgroundPaint(background);
        plot.setBackgroundPaint(background);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(UIManager.getColor("Mqscope.chart.gridline"));
        buckets.setTickLabelPaint(text);
        buckets.setLabelPaint(text);
        count.setTickLabelPaint(text);
        count.setLabelPaint(text);
        if (chart.getLegend() != null) {
            chart.getLegend().setBackgroundPaint(background);
            chart.getLegend().setItemPaint(text);
        }
        for (int i = 0; i < 8; i++) {
            Color c = UIManager.getColor("Mqscope.chart.series." + i);
            if (c != null) {
                bars.setSeriesPaint(i, c);
            }
        }
        ChartPanel panel = new ChartPanel(chart, false, true, true, false, true);
        panel.setName("recording.histogram");
        panel.setMouseZoomable(false);
        panel.setMaximumDrawWidth(10_000);
        panel.setMaximumDrawHeight(10_000);
        add(figures, BorderLayout.NORTH);
        add(panel, BorderLayout.CENTER);
    }

    void show(Analysis.Snapshot s) {
        chart.setNotify(false);
        try {
            data.clear();
            StringBuilder text = new StringBuilder("<html>");
            for (QueueSummary q : s.queues()) {
                text.append("<b>").append(q.queue().replace("<", "&lt;")).append("</b>: ");
                if (q.withLatency() == 0) {
                    text.append("no message with a known time in queue yet");
                } else {
                    text.append(Numbers.grouped(q.withLatency())).append(" messages · p50 ")
                            .append(Nanos.text(q.p50Nanos())).append(" · p99 ").append(Nanos.text(q.p99Nanos()))
                            .append(" · longest ").append(Nanos.text(q.maxNanos()));
                }
                if (q.queuedAtStart() > 0) {
                    text.append(" · ").append(Numbers.grouped(q.queuedAtStart()))
                            .append(" were queued before the recording (time unknown)");
                }
                text.append("<br>");
                for (LatencyHistogram.Bucket b : q.histogram()) {
                    data.addValue(b.count(), q.queue(), Nanos.text(b.fromNanos()) + "–" + Nanos.text(b.toNanos()));
                }
            }
            figures.setText(text.append("</html>").toString());
        } finally {
            chart.setNotify(true);
        }
    }

    String figuresText() {
        return figures.getText();
    }
}
