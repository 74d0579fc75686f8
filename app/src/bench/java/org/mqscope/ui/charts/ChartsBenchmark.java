package org.mqscope.ui.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.jfree.chart.JFreeChart;
import org.mqscope.monitor.SampleBatch;
import org.mqscope.ui.core.Edt;
import org.mqscope.ui.core.Theme;

/**
 * The EDT cost of the charts at their heaviest, 32 queues whose depth changes on every sample at 10 Hz, with 15
 * minutes recorded and shown, split per tick into recording the batch and moving the datasets (what
 * {@code sampled} does) and painting the chart as the ChartPanel would. GuiBench measures the EDT's busy share of a
 * real frame as a whole; this is the split, by hand. Run, after {@code ./mvnw -Pbench test-compile}:
 * {@code java -cp <test class path> org.mqscope.ui.charts.ChartsBenchmark [selected|overview] [minutes shown]}.
 */
public final class ChartsBenchmark {
    private static final int QUEUES = 32;
    private static final int HZ = 10;
    private static final int PREFILL = 15 * 60 * HZ;
    private static final int TICKS = 300;

    private ChartsBenchmark() {
    }

    public static void main(String[] args) {
        boolean overview = args.length == 0 || args[0].equals("overview");
        TimeWindow shown = args.length > 1 ? TimeWindow.ofMinutes(Long.parseLong(args[1])) : TimeWindow.FIFTEEN;
        Preferences prefs = Preferences.userRoot().node("org/mqscope/bench/" + UUID.randomUUID());
        Edt.run(() -> {
            Theme.DARK.install();
            ChartsPanel p = new ChartsPanel(new StubContext(prefs));
            p.drawHidden = true;
            p.window.setSelectedItem(shown);
            p.rate.setSelectedItem(RefreshRate.OFF);
            List<String> all = new ArrayList<>();
            for (int q = 0; q < QUEUES; q++) {
                all.add(String.format("/q%02d", q));
            }
            p.checklist.setChosen(all);
            (overview ? p.overviewView : p.selectedView).doClick();
            p.queueSelected("/q00");
            p.selected.panel().setSize(900, 320);
            p.overview.panel().setSize(900, 320);
            long t = 1_700_000_000_000L;
            for (int i = 0; i < PREFILL; i++, t += 1000 / HZ) {
                p.sampled(ChartsPanelTest.batch(t, QUEUES, i));
            }
            JFreeChart chart = (overview ? p.overview.panel() : p.selected.panel()).getChart();
            BufferedImage image = new BufferedImage(900, 320, BufferedImage.TYPE_INT_RGB);
            long[] update = new long[TICKS];
            long[] paint = new long[TICKS];
            for (int i = 0; i < TICKS; i++, t += 1000 / HZ) {
                SampleBatch b = ChartsPanelTest.batch(t, QUEUES, PREFILL + i);
                long s0 = System.nanoTime();
                p.sampled(b);
                p.draw();
                long s1 = System.nanoTime();
                Graphics2D g = image.createGraphics();
                chart.draw(g, new Rectangle2D.Double(0, 0, image.getWidth(), image.getHeight()));
                g.dispose();
                long s2 = System.nanoTime();
                update[i] = s1 - s0;
                paint[i] = s2 - s1;
            }
            double ticksPerSecond = 1e9 / p.tickNanosForBenchmark(HZ);
            report((overview ? "overview, 32 lines" : "selected queue") + ", " + shown + " shown", update, paint,
                    ticksPerSecond);
        });
        try {
            prefs.removeNode();
        } catch (java.util.prefs.BackingStoreException e) {
            // a benchmark's leftovers
        }
    }

    private static void report(String what, long[] update, long[] paint, double ticksPerSecond) {
        int skip = update.length / 3; // warm-up
        long[] u = Arrays.copyOfRange(update, skip, update.length);
        long[] p = Arrays.copyOfRange(paint, skip, paint.length);
        double meanU = Arrays.stream(u).average().orElse(0) / 1e6;
        double meanP = Arrays.stream(p).average().orElse(0) / 1e6;
        Arrays.sort(u);
        Arrays.sort(p);
        System.out.printf("%s; %d queues sampled at %d Hz, chart moves %.1f times a second:%n", what, QUEUES, HZ,
                ticksPerSecond);
        System.out.printf("  record + dataset update: mean %.3f ms, p95 %.3f ms%n", meanU, u[u.length * 95 / 100] / 1e6);
        System.out.printf("  chart paint 900x320:     mean %.3f ms, p95 %.3f ms%n", meanP, p[p.length * 95 / 100] / 1e6);
        System.out.printf("  EDT busy: %.1f %% (recording %d batches/s and moving the datasets: %.2f %%)%n",
                (meanU + meanP) * ticksPerSecond / 10, HZ, meanU * HZ / 10);
    }
}
