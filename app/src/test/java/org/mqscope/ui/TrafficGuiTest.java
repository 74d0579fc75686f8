package org.mqscope.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.GraphicsEnvironment;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;
import javax.swing.JTree;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.TreePath;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mqscope.demo.traffic.TrafficGenerator;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.ui.queues.QueueTreeModel.QueueEntry;
import org.mqscope.ui.queues.QueueTreePanel;

/**
 * The Traffic tab in the real window: traffic started there makes the tree's depth of the queue move, and closing
 * the window ends every traffic thread. Skips without a display.
 */
class TrafficGuiTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String QUEUE = "/gui-traffic";
    private static ThreadCheckingRepaintManager threadCheck;

    private final IoExecutor io = new IoExecutor();
    private final Preferences prefsNode = Preferences.userRoot().node("org/mqscope/test/" + UUID.randomUUID());
    private Robot robot;
    private MainFrame frame;
    private FrameFixture window;
    private MqBackend emulated;

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
        if (robot == null) {
            io.close();
            prefsNode.removeNode();
            return;
        }
        try {
            if (frame != null && frame.isDisplayable()) {
                GuiActionRunner.execute(frame::quit);
                io.awaitIdle(WAIT);
            }
            if (window != null) {
                window.cleanUp();
            } else {
                robot.cleanUp();
            }
            io.close();
            if (emulated != null) {
                emulated.close();
            }
            prefsNode.removeNode();
        } finally {
            assertThat(threadCheck.violations()).as("Swing touched off the EDT").isEmpty();
        }
    }

    private void eventually(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!GuiActionRunner.execute(condition::call)) {
            assertThat(System.nanoTime()).as("waited for " + what).isLessThan(deadline);
            Thread.sleep(25);
        }
    }

    /** curmsgs of {@code name} as the tree shows it, or -1. EDT. */
    private long treeDepth(QueueTreePanel panel, String name) {
        TreePath path = panel.model().pathOf(name);
        if (path == null) {
            return -1;
        }
        Object entry = ((DefaultMutableTreeNode) path.getLastPathComponent()).getUserObject();
        return entry instanceof QueueEntry q && q.sample() != null ? q.sample().currentMessages() : -1;
    }

    @Test
    void trafficStartedInTheTabMovesTheTreeAndStopsWithTheWindow() throws Exception {
        emulated = MqBackends.emulated();
        emulated.open(QUEUE, Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(10, 128)).close();
        // Remembered settings for new rows: a producer only, so the depth climbs.
        Preferences traffic = prefsNode.node("traffic");
        traffic.putDouble("producerRate", 20);
        traffic.putDouble("consumerRate", 0);
        BackendFactory factory = kind -> {
            if (kind == BackendKind.EMULATED) {
                return emulated;
            }
            throw new IllegalStateException("kernel not used here");
        };
        frame = GuiActionRunner.execute(() -> {
            MainFrame f = new MainFrame(io, factory, WindowBounds.remembered(prefsNode), new UiPrefs(prefsNode),
                    new Dialogs(), Theme.LIGHT);
            f.setVisible(true);
            f.start(Optional.of(BackendKind.EMULATED), false);
            return f;
        });
        window = new FrameFixture(robot, frame);
        robot.waitForIdle();
        assertThat(io.awaitIdle(WAIT)).isTrue();

        QueueTreePanel panel = (QueueTreePanel) robot.finder().findByName(frame, "queues", false);
        eventually(QUEUE + " in the tree", () -> treeDepth(panel, QUEUE) == 0);
        JTree tree = panel.tree();
        int row = GuiActionRunner.execute(() -> tree.getRowForPath(panel.model().pathOf(QUEUE)));
        window.tree("queues.tree").clickRow(row);
        robot.waitForIdle();

        window.tabbedPane("tabs").selectTab("Traffic");
        window.button("traffic.add").requireEnabled().click();
        window.table("traffic.table").requireRowCount(1);
        window.button("traffic.startAll").click();

        eventually("the tree's depth of " + QUEUE + " to rise", () -> treeDepth(panel, QUEUE) >= 3);
        assertThat(TrafficGeneratorThreads.alive()).isNotEmpty();

        window.button("traffic.stopAll").click();
        assertThat(io.awaitIdle(WAIT)).isTrue();
        javax.swing.JTable table = window.table("traffic.table").target();
        eventually("the Run box cleared", () -> Boolean.FALSE.equals(table.getModel().getValueAt(0, 1)));
        Thread.sleep(1200); // a sampling pass (every 500 ms) after the stop
        long stoppedAt = GuiActionRunner.execute(() -> treeDepth(panel, QUEUE));
        Thread.sleep(1200);
        assertThat(GuiActionRunner.execute(() -> treeDepth(panel, QUEUE))).as("depth after Stop all")
                .isEqualTo(stoppedAt);

        window.button("traffic.startAll").click();
        assertThat(io.awaitIdle(WAIT)).isTrue();
        GuiActionRunner.execute(frame::quit);
        assertThat(io.awaitIdle(WAIT)).isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (!TrafficGeneratorThreads.alive().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(TrafficGeneratorThreads.alive()).as("traffic threads after the window closed").isEmpty();
    }

    /** Live threads of any traffic generator in this JVM. */
    static final class TrafficGeneratorThreads {
        static java.util.List<String> alive() {
            return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                    .filter(n -> n.startsWith(TrafficGenerator.THREAD_PREFIX)).toList();
        }
    }
}
