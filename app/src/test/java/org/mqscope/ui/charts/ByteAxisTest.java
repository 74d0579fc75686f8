package org.mqscope.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

/** The QSIZE axis ticks in round binary steps and labels them without decimals: 2 KiB, 4 KiB, not 2.0/3.9/5.9. */
class ByteAxisTest {

    private static List<String> ticks(double upper, int height) {
        NumberAxis axis = new NumberAxis("QSIZE (bytes)");
        axis.setStandardTickUnits(ByteFormat.tickUnits());
        axis.setRange(0, upper);
        BufferedImage img = new BufferedImage(200, height + 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            @SuppressWarnings("unchecked")
            List<NumberTick> list = (List<NumberTick>) (List<?>) axis.refreshTicks(g, new AxisState(),
                    new Rectangle2D.Double(60, 10, 120, height), RectangleEdge.LEFT);
            for (NumberTick t : list) {
                double v = t.getValue();
                assertThat(Long.bitCount(Math.round(axis.getTickUnit().getSize()))).as("a power of two").isEqualTo(1);
                assertThat(v % axis.getTickUnit().getSize()).isZero();
            }
            return list.stream().map(NumberTick::getText).toList();
        } finally {
            g.dispose();
        }
    }

    @Test
    void aFewKibibytesTickInWholeKibibytes() {
        assertThat(ticks(6000 * 1.12, 150)).contains("2 KiB", "4 KiB", "6 KiB").allSatisfy(
                t -> assertThat(t).doesNotContain("."));
    }

    @Test
    void smallAndLargeRangesStayRound() {
        assertThat(ticks(100, 150)).allSatisfy(t -> assertThat(t).matches("\\d+ B"));
        assertThat(ticks(12.0 * 1024 * 1024, 150)).contains("4 MiB", "8 MiB");
        assertThat(ByteFormat.label(1536)).isEqualTo("1.5 KiB");
    }
}
