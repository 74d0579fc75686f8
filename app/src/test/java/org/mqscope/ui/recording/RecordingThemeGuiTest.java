package org.mqscope.ui.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import javax.swing.UIManager;

import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mqscope.mq.QueueEvent;
import org.mqscope.mq.RecordedEvent;
import org.mqscope.recording.HostFacts;
import org.mqscope.recording.RecordedQueue;
import org.mqscope.recording.RecordingEnd;
import org.mqscope.recording.RecordingHeader;
import org.mqscope.recording.RecordingWriter;
import org.mqscope.ui.core.BackendFactory;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.window.GuiWindow;

/**
 * View → Dark Theme with a recording window open restyles its Charts and Latency tabs too, as it does the main
 * window's charts: the chart, plot and axis colours follow the theme there and back. A recording file, so no
 * kernel is needed; a display is (fails under CI without one).
 */
class RecordingThemeGuiTest {
    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");
    private static final String QUEUE = "/orders";

    @RegisterExtension
    final GuiWindow gui = new GuiWindow();
    @TempDir
    Path dir;

    @Test
    void chartsAndLatencyFollowAThemeSwitchAndBack() throws Exception {
        FrameFixture window = gui.open(BackendFactory.standard(), BackendKind.EMULATED);
        Path file = writeRecording();
        RecordingWindow rec = GuiActionRunner.execute(() -> gui.frame().openRecording(file));
        gui.eventually("the file's events", () -> GuiActionRunner.execute(rec::shownEvents).size() == 6);
        FrameFixture recording = new FrameFixture(gui.robot(), rec);
        recording.tabbedPane("recording.tabs").selectTab("Charts");
        JFreeChart charts = recording.panel("recording.charts").targetCastedTo(ChartPanel.class).getChart();
        recording.tabbedPane("recording.tabs").selectTab("Latency");
        JFreeChart latency = recording.panel("recording.histogram").targetCastedTo(ChartPanel.class).getChart();
        assertFollowsTheTheme(charts, latency, false);

        window.menuItem("menuitem.dark_theme").click();
        gui.settle();
        assertFollowsTheTheme(charts, latency, true);

        window.menuItem("menuitem.dark_theme").click();
        gui.settle();
        assertFollowsTheTheme(charts, latency, false);
        GuiActionRunner.execute(rec::close);
    }

    private static void assertFollowsTheTheme(JFreeChart charts, JFreeChart latency, boolean dark) {
        GuiActionRunner.execute(() -> {
            Color panel = UIManager.getColor("Panel.background");
            Color plotArea = UIManager.getColor("Mqscope.chart.background");
            Color text = UIManager.getColor("Mqscope.chart.foreground");
            assertThat(brightness(plotArea) < 0.3f).as("the plot area's colour is the %s theme's",
                    dark ? "dark" : "light").isEqualTo(dark);
            for (JFreeChart c : List.of(charts, latency)) {
                assertThat(c.getBackgroundPaint()).isEqualTo(panel);
                assertThat(c.getLegend().getItemPaint()).isEqualTo(text);
            }
            CombinedDomainXYPlot combined = (CombinedDomainXYPlot) charts.getXYPlot();
            assertThat(combined.getDomainAxis().getTickLabelPaint()).isEqualTo(text);
            for (Object o : combined.getSubplots()) {
                XYPlot p = (XYPlot) o;
                assertThat(p.getBackgroundPaint()).isEqualTo(plotArea);
                assertThat(p.getRangeAxis().getTickLabelPaint()).isEqualTo(text);
            }
            assertThat(((XYPlot) combined.getSubplots().get(0)).getRenderer().getSeriesPaint(0))
                    .isEqualTo(UIManager.getColor("Mqscope.chart.series.0"));
            CategoryPlot bars = latency.getCategoryPlot();
            assertThat(bars.getBackgroundPaint()).isEqualTo(plotArea);
            assertThat(bars.getDomainAxis().getTickLabelPaint()).isEqualTo(text);
            assertThat(bars.getRangeAxis().getLabelPaint()).isEqualTo(text);
            return null;
        });
    }

    private static float brightness(Color c) {
        return Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null)[2];
    }

    /** Three messages sent and received over three seconds, each with a time in queue. */
    private Path writeRecording() throws Exception {
        Path file = dir.resolve("theme.jsonl");
        RecordingHeader header = new RecordingHeader(T0, 16, "kernel", "ipc:[4026531839]",
                new HostFacts("box", "6.1.0-28-amd64", "amd64", "0b0c-boot", 4242, 2),
                List.of(new RecordedQueue(QUEUE, 10, 64, 0, 0600, null, "")));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             RecordingWriter w = new RecordingWriter(out, header)) {
            long seq = 1;
            for (int i = 0; i < 3; i++) {
                long sent = i * 1_000_000_000L;
                w.event(event(seq++, sent, 100, "mq_timedsend", "order-" + i));
                w.event(event(seq++, sent + (i + 1) * 2_000_000L, 200, "mq_timedreceive", "order-" + i));
            }
            w.end(RecordingEnd.How.CANCELLED, "", T0.plusSeconds(4));
        }
        return file;
    }

    private static RecordedEvent event(long seq, long exitNanos, long pid, String call, String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        QueueEvent e = new QueueEvent(seq, T0.plusNanos(exitNanos), "comm" + pid, pid, pid + 1,
                QueueEvent.Kind.CALL, call, QUEUE, 1, b.length, Arrays.hashCode(b), null, "");
        return new RecordedEvent(e, b, exitNanos - 1000, exitNanos);
    }
}
