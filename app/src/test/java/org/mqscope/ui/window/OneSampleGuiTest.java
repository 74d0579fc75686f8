package org.mqscope.ui.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.JTable;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.TreePath;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.queues.QueueTreeModel.QueueEntry;

/**
 * One sample feeds the tree and the live message table: while a producer and a consumer move the queue, every
 * look at the window finds the tree's depth and the table's row count equal (they used to come from two samplers
 * running apart: "36/64" in the tree while the table said 35).
 */
class OneSampleGuiTest {
    private static final String QUEUE = "/gui-rough-one-sample";
    private static final int LOOKS = 40;

    @RegisterExtension
    final GuiWindow gui = new GuiWindow();
    private final ExecutorService mover = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-mover"));
    private final AtomicBoolean moving = new AtomicBoolean(true);

    @AfterEach
    void stopMoving() throws InterruptedException {
        moving.set(false);
        mover.shutdownNow();
        assertThat(mover.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    private long treeDepth() {
        TreePath path = gui.queues().model().pathOf(QUEUE);
        Object entry = path == null ? null : ((DefaultMutableTreeNode) path.getLastPathComponent()).getUserObject();
        return entry instanceof QueueEntry q && q.sample() != null ? q.sample().currentMessages() : -1;
    }

    @Test
    void theTreeAndTheTableAgreeAtEveryLook() throws Exception {
        MqBackend emulated = gui.closeAfter(MqBackends.emulated());
        emulated.open(QUEUE, Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(10, 64)).close();
        FrameFixture window = gui.open(kind -> emulated, BackendKind.EMULATED);
        gui.selectQueue(QUEUE);
        JTable table = window.table("messages.table").target();
        Future<?> moved = mover.submit(() -> {
            try (MqQueue q = emulated.open(QUEUE, Mq.O_RDWR | Mq.O_NONBLOCK)) {
                for (long i = 0; moving.get(); i++) {
                    q.send(new byte[] {(byte) i}, (int) (i % 4));
                    if (i % 3 == 2) {
                        q.receive(); // a consumer slower than the producer: the depth climbs and wobbles
                    }
                    if (q.getAttributes().currentMessages() >= 9) {
                        for (int k = 0; k < 6; k++) {
                            q.receive();
                        }
                    }
                    Thread.sleep(7);
                }
            } catch (MqException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        gui.eventually("rows", () -> table.getRowCount() > 0);
        long lastDepth = -1;
        int changes = 0;
        for (int look = 0; look < LOOKS; look++) {
            long[] both = GuiActionRunner.execute(() -> new long[] {treeDepth(), table.getRowCount()});
            assertThat(both[1]).as("look %d: the table's rows against the tree's depth", look).isEqualTo(both[0]);
            if (both[0] != lastDepth) {
                changes++;
                lastDepth = both[0];
            }
            Thread.sleep(100); // spaced looks across several sampling passes, not synchronisation
        }
        assertThat(changes).as("the queue moved while we looked").isGreaterThan(3);
        assertThat(moved.isDone()).as("the mover still runs").isFalse();
    }
}
