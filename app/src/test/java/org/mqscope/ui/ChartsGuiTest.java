package org.mqscope.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.GraphicsEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javax.swing.JTree;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqQueue;
import org.mqscope.ui.charts.ChartsPanel;
import org.mqscope.ui.queues.QueueTreePanel;

/**
 * The Charts tab in the real window on the emulation: a producer fills a queue and the curmsgs line rises (read
 * from the dataset, not from pixels); hiding the tab gives the fast sampling request back. Skips without a display.
 */
class ChartsGuiTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String QUEUE = "/charted";
    private static final int MESSAGES = 8;
    private static ThreadCheckingRepaintManager threadCheck;

    private final IoExecutor io = new IoExecutor();
    private final Preferences prefsNode = Preferences.userRoot().node("org/mqscope/test/" + UUID.randomUUID());
    private final ExecutorService producer = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-producer"));
    private final List<AutoCloseable> cleanups = new ArrayList<>();
    private Robot robot;
    private MainFrame frame;
    private FrameFixture window;

    @BeforeEach
    void needsADisplay() {
        assumeFalse(GraphicsEnvironment.isHeadless(),
                "GUI test skipped: Java runs headless (no display); .ci/run provides Xvfb");
        String display = System.getenv("DISPLAY");
        assumeTrue(display != null && !display.isBlank(),
                "GUI test skipped: DISPLAY is not set; .ci/run provides Xvfb");
        if (threadCheck == null) {
            Edt.run(Theme.LIGHT::install);
            threadCheck = ThreadCheckingRepaintManager.install();
        }
        threadCheck.clear();
        robot = BasicRobot.robotWithNewAwtHierarchy();
    }

    @AfterAll
    static void removeThreadCheck() {
        if (threadCheck != null) {
            ThreadCheckingRepaintManager.uninstall();
            threadCheck = null;
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        producer.shutdownNow();
        assertThat(producer.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        if (robot == null) {
            io.close();
            prefsNode.removeNode();
            return;
        }
        try {
            if (frame != null) {
                GuiActionRunner.execute(frame::quit);
                assertThat(io.awaitIdle(WAIT)).as("backends closed").isTrue();
            }
            if (window != null) {
                window.cleanUp();
            } else {
                robot.cleanUp();
            }
            io.close();
            for (AutoCloseable c : cleanups) {
                c.close();
            }
            prefsNode.removeNode();
        } finally {
            assertThat(threadCheck.violations()).as("Swing touched off the EDT").isEmpty();
        }
    }

    @Test
    void aFillingQueueRaisesItsLineAndHiddenChartsGiveTheirSamplingBack() throws Exception {
        MqBackend emulated = MqBackends.emulated();
        cleanups.add(emulated);
        emulated.open(QUEUE, Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(10, 64)).close();
        frame = GuiActionRunner.execute(() -> {
            MainFrame f = new MainFrame(io, kind -> emulated, WindowBounds.remembered(prefsNode),
                    new UiPrefs(prefsNode), new Dialogs(), Theme.LIGHT);
            f.setVisible(true);
            f.start(Optional.of(BackendKind.EMULATED), false);
            return f;
        });
        window = new FrameFixture(robot, frame);
        settle();
        selectQueue(QUEUE);
        ChartsPanel charts = (ChartsPanel) robot.finder().findByName(frame, "charts", false);

        // Hidden at first: the tree's pace, no request.
        assertThat(GuiActionRunner.execute(frame::samplePeriod)).isEqualTo(MainController.SAMPLE_PERIOD);
        window.tabbedPane("tabs").selectTab("Charts");
        window.comboBox("charts.refresh").selectItem("10 Hz");
        settle();
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
        eventually("the line at " + MESSAGES, () -> last(charts.selectedCurmsgs()) == MESSAGES);
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
        settle();
        assertThat(GuiActionRunner.execute(charts::requestedPeriod)).isNull();
        assertThat(GuiActionRunner.execute(frame::samplePeriod)).isEqualTo(MainController.SAMPLE_PERIOD);

        window.tabbedPane("tabs").selectTab("Charts");
        settle();
        assertThat(GuiActionRunner.execute(frame::samplePeriod)).isEqualTo(Duration.ofMillis(100));
        assertThat(prefsNode.node("charts").getInt("rate", -1)).as("rate remembered").isEqualTo(10);
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

    private void settle() throws InterruptedException {
        robot.waitForIdle();
        assertThat(io.awaitIdle(WAIT)).as("mq-io settled").isTrue();
        robot.waitForIdle();
    }

    private void eventually(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!GuiActionRunner.execute(condition::call)) {
            assertThat(System.nanoTime()).as("waited for " + what).isLessThan(deadline);
            Thread.sleep(25);
        }
        robot.waitForIdle();
    }

    private void selectQueue(String name) throws Exception {
        QueueTreePanel panel = (QueueTreePanel) robot.finder().findByName(frame, "queues", false);
        eventually(name + " in the tree", () -> panel.model().pathOf(name) != null);
        JTree tree = panel.tree();
        int row = GuiActionRunner.execute(() -> tree.getRowForPath(panel.model().pathOf(name)));
        window.tree("queues.tree").clickRow(row);
        settle();
    }
}
