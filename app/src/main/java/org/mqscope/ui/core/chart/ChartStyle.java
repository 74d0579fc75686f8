package org.mqscope.ui.core.chart;

import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleInsets;

import javax.swing.UIManager;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Stroke;
import java.text.SimpleDateFormat;

/**
 * Makes JFreeChart look like the rest of the window: the theme's colours and font, no bevels, no white boxes. Every
 * chart of every window styles itself through here, again on each theme change (from its panel's updateUI).
 */
public final class ChartStyle {
    public static final Stroke LINE = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_BEVEL);
    /** The line of a chart drawn without antialiasing. */
    public static final Stroke PIXEL_LINE = new BasicStroke(1f);
    /**
     * Above this many points drawn in one chart, lines are drawn without antialiasing: smoothing dense zigzags
     * costs the EDT four times as much and shows little on lines that dense.
     */
    public static final int SMOOTH_POINTS = 6000;
    /**
     * Above this many lines in one chart, lines are drawn without antialiasing whatever their length: smoothing a
     * line costs in proportion to the area it crosses, and a dozen lines criss-crossing the plot cost the EDT
     * several times the rest of the chart, for lines one can hardly tell apart when smooth.
     */
    public static final int SMOOTH_SERIES = 8;
    public static final Stroke THICK = new BasicStroke(2.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    public static final Stroke DASHED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {5f, 4f}, 0f);
    /** Charts are drawn at the panel's size at every size, never scaled up or down as a bitmap. */
    private static final int ANY_SIZE = 10_000;

    private ChartStyle() {
    }

    /** A chart panel without zooming or tooltips (the charts slide; the cursor line shows values instead). */
    public static ChartPanel panel(JFreeChart chart, String name) {
        ChartPanel p = new ChartPanel(chart, false, true, true, false, false);
        p.setName(name);
        p.setMouseZoomable(false);
        p.setDomainZoomable(false);
        p.setRangeZoomable(false);
        p.setMinimumDrawWidth(10);
        p.setMinimumDrawHeight(10);
        p.setMaximumDrawWidth(ANY_SIZE);
        p.setMaximumDrawHeight(ANY_SIZE);
        // small preferred and minimum sizes: the tab takes what the split pane gives it, it does not push
        p.setPreferredSize(new java.awt.Dimension(480, 240));
        p.setMinimumSize(new java.awt.Dimension(120, 80));
        return p;
    }

    /** Smooth lines while they are few and short enough to afford it. */
    public static void smoothIfCheap(JFreeChart chart, org.jfree.data.xy.XYDataset... data) {
        long points = 0;
        int series = 0;
        for (org.jfree.data.xy.XYDataset d : data) {
            series += d.getSeriesCount();
            for (int s = 0; s < d.getSeriesCount(); s++) {
                points += d.getItemCount(s);
            }
        }
        boolean smooth = points <= SMOOTH_POINTS && series <= SMOOTH_SERIES;
        if (chart.getAntiAlias() != smooth) {
            chart.setAntiAlias(smooth);
        }
    }

    public static Font font() {
        Font f = UIManager.getFont("Label.font");
        return f != null ? f : new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    }

    public static Font smallFont() {
        Font f = font();
        return f.deriveFont(f.getSize2D() - 1f);
    }

    public static void chart(JFreeChart chart, ChartPanel panel) {
        chart.setBackgroundPaint(ChartColors.panel());
        chart.setBorderVisible(false);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setBackgroundPaint(ChartColors.panel());
            legend.setItemPaint(ChartColors.foreground());
            legend.setItemFont(smallFont());
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        panel.setBackground(ChartColors.panel());
    }

    public static void plot(XYPlot plot) {
        plot.setBackgroundPaint(ChartColors.background());
        plot.setOutlinePaint(ChartColors.axisLine());
        plot.setDomainGridlinePaint(ChartColors.grid());
        plot.setRangeGridlinePaint(ChartColors.grid());
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setDomainCrosshairPaint(ChartColors.crosshair());
        plot.setDomainCrosshairStroke(DASHED);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        if (plot.getDomainAxis() != null) {
            axis(plot.getDomainAxis());
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            if (plot.getRangeAxis(i) != null) {
                axis(plot.getRangeAxis(i));
            }
        }
    }

    /** A bar chart's plot: the same background, outline, grid and axes as an XY plot's. */
    public static void plot(CategoryPlot plot) {
        plot.setBackgroundPaint(ChartColors.background());
        plot.setOutlinePaint(ChartColors.axisLine());
        plot.setRangeGridlinePaint(ChartColors.grid());
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        if (plot.getDomainAxis() != null) {
            axis(plot.getDomainAxis());
        }
        if (plot.getRangeAxis() != null) {
            axis(plot.getRangeAxis());
        }
    }

    public static void axis(Axis a) {
        a.setLabelPaint(ChartColors.foreground());
        a.setTickLabelPaint(ChartColors.foreground());
        a.setAxisLinePaint(ChartColors.axisLine());
        a.setTickMarkPaint(ChartColors.axisLine());
        a.setLabelFont(smallFont());
        a.setTickLabelFont(smallFont());
    }

    /** A time axis that the panel moves itself (no auto range: nothing scans the data for it). */
    public static DateAxis timeAxis() {
        DateAxis time = new DateAxis();
        time.setAutoRange(false);
        time.setDateFormatOverride(new SimpleDateFormat("HH:mm:ss"));
        time.setLowerMargin(0);
        time.setUpperMargin(0);
        return time;
    }
}
