package org.mqscope.ui.window;

import org.mqscope.ui.core.BackendKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqQueue;
import org.mqscope.ui.charts.ChartsPanel;

/**
 * The Charts tab in the real window on the emulation: a producer fills a queue and the curmsgs line rises (read
 * from the dataset, not from pixels); hiding the tab gives the fast sampling request back. Skips without a display.
 */
class ChartsGuiTest {
    private static final String QUEUE = "/charted";
    private static final int MESSAGES = 8;

    @RegisterExtension
    final GuiWindow gui = new GuiWindow();
    private final ExecutorService producer = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-producer"));

    /** Before the window closes (the extension's clean-up runs after this). */
    @AfterEach
    void stopProducer() throws InterruptedException {
        producer.shutdownNow();
        assertThat(producer.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aFillingQueueRaisesItsLineAndHiddenChartsGiveTheirSamplingBack() throws Exception {
        MqBackend emulated = gui.closeAfter(MqBackends.emulated());
        emulated.open(QUEUE, Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(10, 64)).close();
        FrameFixture window = gui.open(kind -> emulated, BackendKind.EMULATED);
        MainFrame frame = gui.frame();
        gui.selectQueue(QUEUE);
        // Not built before its tab is first shown (the first frame does without JFreeChart): the tree's pace.
        assertThat(gui.robot().finder().findAll(frame, c -> c instanceof ChartsPanel)).isEmpty();
        assertThat(GuiActionRunner.execute(frame::samplePeriod)).isEqualTo(MainController.SAMPLE_PERIOD);
        window.tabbedPane("tabs").selectTab(ToolTab.CHARTS.title());
        ChartsPanel charts = (ChartsPanel) gui.robot().finder().findByName(frame, "charts", false);
        window.comboBox("charts.refresh").selectItem("10 Hz");
        gui.settle();
        assertThat(GuiActionRunner.execute(charts::requestedPeriod)).isEqualTo(Duration.ofMillis(100));
        assertThat(GuiActionRunner.execute(frame::samplePeriod)).isEqualTo(Duration.ofMillis(100));

        Future<?> sent = producer.submit(() -> {
            try (MqQueue q = emulated.open(QUEUE, Mq.O_WRONLY)) {
                for (int i = 0; i < MESSAGES; i++) {
                    q.send(("m" + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0);
                    Thread.sleep(150);
                }
            }
            return null;
        });
        gui.eventually("the line at " + MESSAGES, () -> last(charts.selectedCurmsgs()) == MESSAGES);
        sent.get(5, TimeUnit.SECONDS);
        double[] ys = GuiActionRunner.execute(() -> values(charts.selectedCurmsgs()));
        assertThat(ys).as("curmsgs as drawn").contains(0, 8);
        for (int i = 1; i < ys.length; i++) {
            assertThat(ys[i]).as("never falls while only a producer runs").isGreaterThanOrEqualTo(ys[i - 1]);
        }
        assertThat(java.util.Arrays.stream(ys).distinct().count()).as("rises in steps, not one jump")
                .isGreaterThanOrEqualTo(3);

        // Another tab in front: the request is given back and the window samples at its own pace again.
        window.tabbedPane("tabs").selectTab("Message");
        gui.settle();
        assertThat(GuiActionRunner.execute(charts::requestedPeriod)).isNull();
        assertThat(GuiActionRunner.execute(frame::samplePeriod)).isEqualTo(MainController.SAMPLE_PERIOD);

        window.tabbedPane("tabs").selectTab("Charts");
        gui.settle();
        assertThat(GuiActionRunner.execute(frame::samplePeriod)).isEqualTo(Duration.ofMillis(100));
        assertThat(gui.prefsNode().node("charts").getInt("rate", -1)).as("rate remembered").isEqualTo(10);
    }

    private static double last(XYDataset d) {
        if (d.getSeriesCount() == 0 || d.getItemCount(0) == 0) {
            return -1;
        }
        return d.getYValue(0, d.getItemCount(0) - 1);
    }

    private static double[] values(XYDataset d) {
        double[] ys = new double[d.getItemCount(0)];
        for (int i = 0; i < ys.length; i++) {
            ys[i] = d.getYValue(0, i);
        }
        return ys;
    }
}
