package org.mqscope.ui.charts;

import org.jfree.data.DomainOrder;
import org.jfree.data.xy.AbstractXYDataset;
import org.mqscope.monitor.series.SeriesPoints;

import javax.swing.SwingUtilities;
import java.util.ArrayList;
import java.util.List;

/**
 * An XYDataset that reads queue histories where they are kept (no copy, no boxing): x is the sample time in epoch
 * milliseconds, y curmsgs or QSIZE; an unknown value is NaN, which the renderers draw as a gap. Replaced as a whole
 * once per chart tick with {@link #show}, which fires one change event. EDT only, like every JFreeChart object.
 */
final class PointsDataset extends AbstractXYDataset {
    /** What the y values are. */
    enum Measure { CURMSGS, QSIZE }

    private final Measure measure;
    private List<SeriesPoints> raw = List.of();
    private List<SeriesPoints> series = List.of();
    private List<String> keys = List.of();

    PointsDataset(Measure measure) {
        this.measure = measure;
    }

    /**
     * Shows these series from now on (keys: their legend names), thinned to what {@code columns} pixels between
     * {@code from} and {@code to} can show, with one dataset change event.
     */
    void show(List<SeriesPoints> points, List<String> seriesKeys, long from, long to, int columns) {
        assert SwingUtilities.isEventDispatchThread();
        List<SeriesPoints> drawn = new ArrayList<>(points.size());
        for (SeriesPoints p : points) {
            drawn.add(Decimated.of(p, measure, from, to, columns));
        }
        this.raw = List.copyOf(points);
        this.series = drawn;
        this.keys = new ArrayList<>(seriesKeys);
        fireDatasetChanged();
    }

    /** Every point of series {@code s}, not only those drawn (for the values at the cursor). */
    SeriesPoints points(int s) {
        return raw.get(s);
    }

    @Override
    public int getSeriesCount() {
        return series.size();
    }

    @Override
    public Comparable<?> getSeriesKey(int s) {
        return keys.get(s);
    }

    @Override
    public DomainOrder getDomainOrder() {
        return DomainOrder.ASCENDING; // lets the renderers skip to the visible items by binary search
    }

    @Override
    public int getItemCount(int s) {
        return series.get(s).size();
    }

    @Override
    public Number getX(int s, int item) {
        return getXValue(s, item);
    }

    @Override
    public double getXValue(int s, int item) {
        return series.get(s).time(item);
    }

    @Override
    public Number getY(int s, int item) {
        return getYValue(s, item);
    }

    @Override
    public double getYValue(int s, int item) {
        SeriesPoints p = series.get(s);
        long v = measure == Measure.CURMSGS ? p.curmsgs(item) : p.qsize(item);
        return v < 0 ? Double.NaN : v;
    }

    /** The largest known y value of every series (0 when none), for the range axis. */
    double maxY() {
        long max = 0;
        for (SeriesPoints p : series) {
            for (int i = 0, n = p.size(); i < n; i++) {
                max = Math.max(max, measure == Measure.CURMSGS ? p.curmsgs(i) : p.qsize(i));
            }
        }
        return max;
    }
}
