package org.mqscope.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mqscope.monitor.QueueSample;
import org.mqscope.monitor.SampleBatch;
import org.mqscope.monitor.series.Thresholds;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.QueueInfo;
import org.mqscope.ui.core.Edt;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.Theme;

/** The charts panel without a window (headless): theme, one dataset change per tick, pause, thresholds. */
class ChartsPanelTest {
    private static final long T0 = 1_700_000_000_000L;
    private final Preferences prefs = Preferences.userRoot().node("org/mqscope/test/" + UUID.randomUUID());

    @AfterEach
    void forget() throws Exception {
        prefs.removeNode();
        Edt.run(Theme.LIGHT::install);
    }

    private ChartsPanel panel() {
        ChartsPanel p = new ChartsPanel(new StubContext(prefs));
        p.drawHidden = true;
        return p;
    }

    @Test
    void darkChartsInTheDarkThemeAndLightOnesAfterASwitch() {
        Edt.run(() -> {
            Theme.DARK.install();
            ChartsPanel p = panel();
            XYPlot depth = depthPlot(p);
            Color dark = (Color) depth.getBackgroundPaint();
            assertThat(dark).isEqualTo(UIManager.getColor("Table.background"));
            assertThat(brightness(dark)).as("dark plot area").isLessThan(0.3f);
            assertThat(p.selected.panel().getChart().getBackgroundPaint())
                    .isEqualTo(UIManager.getColor("Panel.background"));
            assertThat(depth.getRangeAxis().getTickLabelPaint()).isEqualTo(UIManager.getColor("Label.foreground"));
            assertThat(p.overview.panel().getChart().getLegend().getItemPaint())
                    .isEqualTo(UIManager.getColor("Label.foreground"));

            Theme.LIGHT.install();
            SwingUtilities.updateComponentTreeUI(p);
            Color light = (Color) depthPlot(p).getBackgroundPaint();
            assertThat(brightness(light)).as("light plot area after the switch").isGreaterThan(0.8f);
            assertThat(p.overview.plot().getBackgroundPaint()).isEqualTo(light);
        });
    }

    @Test
    void oneDatasetChangePerTickAndNoDrawBetweenTicks() {
        Edt.run(() -> {
            ChartsPanel p = panel();
            p.rate.setSelectedItem(RefreshRate.OFF);
            p.overviewView.doClick();
            AtomicInteger changes = new AtomicInteger();
            p.overview.dataset().addChangeListener(e -> changes.incrementAndGet());
            for (int i = 0; i < 50; i++) {
                p.sampled(batch(T0 + i * 100L, 32, i));
            }
            assertThat(changes).as("refresh off: recording only").hasValue(0);
            p.draw();
            assertThat(changes).hasValue(1);
            assertThat(p.overview.dataset().getSeriesCount()).as("six queues chosen at first").isEqualTo(6);
            assertThat(p.overview.dataset().getYValue(0, p.overview.dataset().getItemCount(0) - 1))
                    .isEqualTo(49 % 10);

            p.rate.setSelectedItem(RefreshRate.HZ_1);
            changes.set(0);
            for (int i = 50; i < 150; i++) {
                p.sampled(batch(T0 + i * 100L, 32, i));
            }
            assertThat(changes.get()).as("100 batches in well under a second at 1 Hz").isLessThanOrEqualTo(1);
        });
    }

    @Test
    void pauseFreezesTheLineWhileRecordingGoesOn() {
        Edt.run(() -> {
            ChartsPanel p = panel();
            p.rate.setSelectedItem(RefreshRate.OFF);
            p.queueSelected("/q00");
            p.sampled(batch(T0, 1, 3));
            p.pause.doClick();
            p.sampled(batch(T0 + 100, 1, 7));
            p.draw();
            assertThat(lastCurmsgs(p)).as("paused").isEqualTo(3);
            p.pause.doClick();
            assertThat(lastCurmsgs(p)).as("resumed, with what was recorded meanwhile").isEqualTo(7);
        });
    }

    @Test
    void thresholdsAreSetByTheSpinnersRememberedAndPassedOn() {
        Edt.run(() -> {
            ChartsPanel p = panel();
            AtomicReference<Thresholds> told = new AtomicReference<>();
            p.onThresholdsChanged(told::set);
            assertThat(told.get()).isEqualTo(Thresholds.DEFAULT);
            p.warning.setValue(50);
            assertThat(told.get()).isEqualTo(Thresholds.percent(50, 90));
            p.critical.setValue(40); // below the warning: the warning follows it down
            assertThat(told.get()).isEqualTo(Thresholds.percent(40, 40));
            assertThat(prefs.node("charts").getInt("warning", 0)).isEqualTo(40);
            assertThat(new ChartsPanel(new StubContext(prefs)).thresholds()).isEqualTo(Thresholds.percent(40, 40));
        });
    }

    @Test
    void chartsBuiltLateShowWhatWasRecordedBeforeAndTheSameBackendToldAgainKeepsIt() {
        Edt.run(() -> {
            ChartHistory history = new ChartHistory();
            history.backendChanged(BackendKind.EMULATED);
            for (int i = 0; i < 5; i++) {
                history.sampled(batch(T0 + i * 500L, 2, i));
            }
            ChartsPanel p = new ChartsPanel(new StubContext(prefs), history);
            p.drawHidden = true;
            p.backendChanged(BackendKind.EMULATED); // what the window tells a panel built late
            SampleBatch fifth = batch(T0 + 2500, 2, 5);
            history.sampled(fifth); // the window records first, then the panel is told the same pass
            p.sampled(fifth);
            p.queueSelected("/q00");
            assertThat(p.selectedCurmsgs().getItemCount(0)).as("5 passes before the panel, 1 after").isEqualTo(6);
            assertThat(p.checklist.chosen()).containsExactly("/q00", "/q01");

            p.backendChanged(BackendKind.KERNEL);
            assertThat(history.store().all()).as("another backend: other queues").isEmpty();
        });
    }

    private static double lastCurmsgs(ChartsPanel p) {
        PointsDataset d = p.selected.curmsgsDataset();
        return d.getYValue(0, d.getItemCount(0) - 1);
    }

    private static XYPlot depthPlot(ChartsPanel p) {
        return (XYPlot) ((CombinedDomainXYPlot) p.selected.panel().getChart().getPlot()).getSubplots().get(0);
    }

    private static float brightness(Color c) {
        return Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null)[2];
    }

    /** {@code queues} queues /q00.. with maxmsg 10 and curmsgs {@code n % 10}. */
    static SampleBatch batch(long atMillis, int queues, int n) {
        List<QueueSample> list = new ArrayList<>(queues);
        for (int q = 0; q < queues; q++) {
            long cur = (n + q) % 10;
            list.add(new QueueSample(new QueueInfo(String.format("/q%02d", q), cur * 100, 0, 0, 0, 0600, 0, 0),
                    new MqAttributes(0, 10, 128, cur), null));
        }
        return new SampleBatch(Instant.ofEpochMilli(atMillis), n, list, null);
    }
}
