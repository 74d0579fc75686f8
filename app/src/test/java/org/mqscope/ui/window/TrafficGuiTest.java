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

    /**
     * At the default window size every column of the traffic table shows whole: the preferred widths fit the
     * tab's viewport (no sideways scrolling) and each header's title fits its column. EAGAIN and ETIMEDOUT share
     * the one Refused column, whose header tooltip names both.
     */
    @Test
    void trafficColumnsFitTheTabAtTheDefaultWindowSize() throws Exception {
        MqBackend emulated = gui.closeAfter(MqBackends.emulated());
        FrameFixture window = gui.open(kind -> emulated, BackendKind.EMULATED);
        assertThat(gui.frame().getSize()).isEqualTo(WindowBounds.DEFAULT_SIZE);
        window.tabbedPane("tabs").selectTab("Traffic");
        gui.settle();
        javax.swing.JTable table = window.table("traffic.table").target();
        record Fit(int viewport, int sum, java.util.List<String> cut, java.util.List<String> titles) {
        }
        Fit fit = GuiActionRunner.execute(() -> {
            javax.swing.table.TableColumnModel columns = table.getColumnModel();
            java.awt.FontMetrics fm = table.getTableHeader().getFontMetrics(table.getTableHeader().getFont());
            int sum = 0;
            java.util.List<String> cut = new java.util.ArrayList<>();
            java.util.List<String> titles = new java.util.ArrayList<>();
            for (int i = 0; i < columns.getColumnCount(); i++) {
                javax.swing.table.TableColumn c = columns.getColumn(i);
                String title = String.valueOf(c.getHeaderValue());
                titles.add(title);
                sum += c.getPreferredWidth();
                // 8 px: the header renderer's insets on both sides.
                if (fm.stringWidth(title) + 8 > c.getPreferredWidth()) {
                    cut.add(title + " (" + fm.stringWidth(title) + " px in " + c.getPreferredWidth() + ")");
                }
            }
            return new Fit(((javax.swing.JViewport) table.getParent()).getWidth(), sum, cut, titles);
        });
        assertThat(fit.viewport()).as("the traffic table is laid out").isGreaterThan(500);
        assertThat(fit.sum()).as("preferred column widths within the tab (%d px)", fit.viewport())
                .isLessThanOrEqualTo(fit.viewport());
        assertThat(fit.cut()).as("headers cut at their preferred width").isEmpty();
        assertThat(fit.titles()).contains("Refused").doesNotContain("EAGAIN", "ETIMEDOUT");
        String tip = GuiActionRunner.execute(() -> {
            int col = table.getColumnModel().getColumnIndex("Refused");
            java.awt.Rectangle r = table.getTableHeader().getHeaderRect(col);
            return table.getTableHeader().getToolTipText(new java.awt.event.MouseEvent(table.getTableHeader(),
                    java.awt.event.MouseEvent.MOUSE_MOVED, 0, 0, r.x + 2, r.y + 2, 0, false));
        });
        assertThat(tip).contains("EAGAIN").contains("non-blocking").contains("ETIMEDOUT").contains("timed");
    }

    /** Live threads of any traffic generator in this JVM. */
    static final class TrafficGeneratorThreads {
        static java.util.List<String> alive() {
            return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                    .filter(n -> n.startsWith(TrafficGenerator.THREAD_PREFIX)).toList();
        }
    }
}
