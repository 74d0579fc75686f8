package org.mqscope.ui.window;

import org.mqscope.Eventually;

import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.BackendFactory;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.prefs.Preferences;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.TreePath;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mqscope.traffic.TrafficGenerator;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.MqBackends;
import org.mqscope.ui.queues.QueueTreeModel.QueueEntry;
import org.mqscope.ui.queues.QueueTreePanel;

/**
 * The Traffic tab in the real window: traffic started there makes the tree's depth of the queue move, and closing
 * the window ends every traffic thread. Skips without a display.
 */
class TrafficGuiTest {
    private static final String QUEUE = "/gui-traffic";

    @RegisterExtension
    final GuiWindow gui = new GuiWindow();

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
        MqBackend emulated = gui.closeAfter(MqBackends.emulated());
        emulated.open(QUEUE, Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(10, 128)).close();
        // Remembered settings for new rows: a slow producer only, so the depth climbs and is far from full (10)
        // when stopped: a producer still running would keep raising it.
        Preferences traffic = gui.prefsNode().node("traffic");
        traffic.putDouble("producerRate", 2);
        traffic.putDouble("consumerRate", 0);
        BackendFactory factory = kind -> {
            if (kind == BackendKind.EMULATED) {
                return emulated;
            }
            throw new IllegalStateException("kernel not used here");
        };
        FrameFixture window = gui.open(factory, BackendKind.EMULATED);

        QueueTreePanel panel = gui.queues();
        gui.eventually(QUEUE + " in the tree", () -> treeDepth(panel, QUEUE) == 0);
        gui.selectQueue(QUEUE);

        window.tabbedPane("tabs").selectTab("Traffic");
        window.button("traffic.add").requireEnabled().click();
        window.table("traffic.table").requireRowCount(1);
        window.button("traffic.startAll").click();

        gui.eventually("the tree's depth of " + QUEUE + " to rise", () -> treeDepth(panel, QUEUE) >= 2);
        assertThat(TrafficGeneratorThreads.alive()).isNotEmpty();

        window.button("traffic.stopAll").click();
        assertThat(gui.io().awaitIdle(gui.waitLimit())).isTrue();
        javax.swing.JTable table = window.table("traffic.table").target();
        gui.eventually("the Run box cleared", () -> Boolean.FALSE.equals(table.getModel().getValueAt(0, 1)));
        // Stopped means no producer thread is left to send (not: the depth looked still for a while).
        Eventually.until("no traffic thread left after Stop all", () -> TrafficGeneratorThreads.alive().isEmpty());
        long stoppedAt;
        try (MqQueue q = emulated.open(QUEUE, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
            stoppedAt = q.getAttributes().currentMessages();
        }
        assertThat(stoppedAt).as("stopped before the queue was full, so a running producer would show").isLessThan(10);
        gui.eventually("the tree showing the depth at the stop", () -> treeDepth(panel, QUEUE) == stoppedAt);

        window.button("traffic.startAll").click();
        assertThat(gui.io().awaitIdle(gui.waitLimit())).isTrue();
        GuiActionRunner.execute(gui.frame()::quit);
        assertThat(gui.io().awaitIdle(gui.waitLimit())).isTrue();
        Eventually.until("no traffic thread after the window closed", () -> TrafficGeneratorThreads.alive().isEmpty());
    }

    /** Live threads of any traffic generator in this JVM. */
    static final class TrafficGeneratorThreads {
        static java.util.List<String> alive() {
            return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                    .filter(n -> n.startsWith(TrafficGenerator.THREAD_PREFIX)).toList();
        }
    }
}
