package org.mqscope.ui.recording;

import java.awt.BorderLayout;

import javax.swing.JLabel;
import javax.swing.JPanel;

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
import org.mqscope.ui.core.chart.ChartColors;
import org.mqscope.ui.core.chart.ChartStyle;

/**
 * How long the received messages spent in their queue: the recording's logarithmic histogram per queue (messages
 * per bucket), with p50, p99 and the longest above it. EDT only.
 */
final class LatencyTab extends JPanel {
    private final DefaultCategoryDataset data = new DefaultCategoryDataset();
    private final JLabel figures = new JLabel(" ");
    private final JFreeChart chart;
    private final ChartPanel panel;

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
        panel = ChartStyle.panel(chart, "recording.histogram");
        panel.setDisplayToolTips(true);
        applyTheme();
        add(figures, BorderLayout.NORTH);
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
        ChartStyle.plot(chart.getCategoryPlot());
        BarRenderer bars = (BarRenderer) chart.getCategoryPlot().getRenderer();
        for (int i = 0; i < ChartColors.PALETTE_SIZE; i++) {
            bars.setSeriesPaint(i, ChartColors.series(i));
        }
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
