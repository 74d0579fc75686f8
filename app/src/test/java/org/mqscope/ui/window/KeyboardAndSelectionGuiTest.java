package org.mqscope.ui.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.KeyboardFocusManager;
import java.awt.event.KeyEvent;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import javax.swing.JTable;
import org.assertj.swing.core.KeyPressInfo;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.JOptionPaneFinder;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqQueue;
import org.mqscope.ui.core.BackendKind;

/**
 * Keyboard-only use and the live table's selection, in the real window on the emulation: the selected message is
 * followed as the queue moves and said to have left when it did; Freeze stops the live table; Peek, Receive and
 * Purge have shortcuts; Tab leaves the table; Compare Proposed Peeks closes with Escape and quits with Ctrl+Q;
 * Open by Name wants the slash Create wants and shows the queue even under a filter.
 */
class KeyboardAndSelectionGuiTest {
    private static final String QUEUE = "/gui-rough-keys";

    @RegisterExtension
    final GuiWindow gui = new GuiWindow();

    private MqBackend emulated;

    private FrameFixture openWith(String... bodies) throws Exception {
        emulated = gui.closeAfter(MqBackends.emulated());
        try (MqQueue q = emulated.open(QUEUE, Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(10, 64))) {
            for (String b : bodies) {
                q.send(b.getBytes(StandardCharsets.US_ASCII), 1);
            }
        }
        FrameFixture window = gui.open(kind -> emulated, BackendKind.EMULATED);
        gui.selectQueue(QUEUE);
        return window;
    }

    private void receiveOne() throws Exception {
        try (MqQueue q = emulated.open(QUEUE, Mq.O_RDONLY)) {
            q.receive();
        }
    }

    private JOptionPaneFixture question() {
        return JOptionPaneFinder.findOptionPane().withTimeout(gui.waitLimit().toMillis()).using(gui.robot());
    }

    @Test
    void theSelectedMessageIsFollowedAndSaidToHaveLeftAndFreezeStopsTheTable() throws Exception {
        FrameFixture window = openWith("a", "b", "c");
        JTable table = window.table("messages.table").target();
        gui.eventually("three rows", () -> table.getRowCount() == 3);
        window.table("messages.table").selectRows(2);
        gui.settle();
        window.label("detail.title").requireText("Message #2 of " + QUEUE);

        receiveOne(); // "a" leaves: "c" moves up to #1 and stays selected
        gui.eventually("two rows", () -> table.getRowCount() == 2);
        gui.eventually("c still selected", () -> table.getSelectedRow() == 1);
        window.label("detail.title").requireText("Message #1 of " + QUEUE);
        assertThat(table.getModel().getValueAt(1, 3)).isEqualTo("c");

        receiveOne();
        receiveOne(); // "c" leaves: not another message in its place
        gui.eventually("empty", () -> table.getRowCount() == 0);
        window.label("detail.title").requireText("No longer in " + QUEUE + " (received or purged since)");
        window.label("detail.facts").requireText("priority 1 · 1 bytes");

        // Frozen, the table stays as it is while the queue moves on.
        window.toggleButton("messages.freeze").requireVisible().click();
        try (MqQueue q = emulated.open(QUEUE, Mq.O_WRONLY)) {
            q.send("d".getBytes(StandardCharsets.US_ASCII), 1);
        }
        gui.eventually("the tree sees it", () -> {
            javax.swing.tree.TreePath path = gui.queues().model().pathOf(QUEUE);
            Object entry = path == null ? null
                    : ((javax.swing.tree.DefaultMutableTreeNode) path.getLastPathComponent()).getUserObject();
            return entry instanceof org.mqscope.ui.queues.QueueTreeModel.QueueEntry q && q.sample() != null
                    && q.sample().currentMessages() == 1;
        });
        long until = System.nanoTime() + 3 * InspectorController.LIVE_PERIOD.toNanos();
        while (System.nanoTime() < until) {
            assertThat(GuiActionRunner.execute(table::getRowCount)).as("frozen").isZero();
            Thread.sleep(50);
        }
        window.toggleButton("messages.freeze").click();
        gui.eventually("followed again", () -> table.getRowCount() == 1);
    }

    @Test
    void shortcutsTabAndTheCompareDialogWorkFromTheKeyboard() throws Exception {
        FrameFixture window = openWith("a", "b");
        JTable table = window.table("messages.table").target();
        gui.eventually("two rows", () -> table.getRowCount() == 2);

        window.table("messages.table").focus();
        gui.ctrl(KeyEvent.VK_R);
        JOptionPaneFixture receive = question();
        receive.requireTitle("Receive from " + QUEUE + "?");
        receive.buttonWithText("Cancel").click();
        window.table("messages.table").focus();
        gui.robot().pressKey(KeyEvent.VK_CONTROL);
        gui.robot().pressKey(KeyEvent.VK_SHIFT);
        gui.robot().pressAndReleaseKey(KeyEvent.VK_P);
        gui.robot().releaseKey(KeyEvent.VK_SHIFT);
        gui.robot().releaseKey(KeyEvent.VK_CONTROL);
        JOptionPaneFixture purge = question();
        purge.requireTitle("Purge " + QUEUE + "?");
        purge.buttonWithText("Cancel").click();
        try (MqQueue q = emulated.open(QUEUE, Mq.O_RDONLY)) {
            assertThat(q.getAttributes().currentMessages()).as("cancelled: nothing taken").isEqualTo(2);
        }

        // Tab leaves the table (no Ctrl+Tab needed).
        window.table("messages.table").focus();
        window.table("messages.table").pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_TAB));
        gui.eventually("focus left the table", () -> KeyboardFocusManager.getCurrentKeyboardFocusManager()
                .getFocusOwner() != table);

        // Compare Proposed Peeks: Escape closes it; Ctrl+Q in it quits the window.
        window.menuItem("menuitem.compare_peeks").click();
        DialogFixture compare = WindowFinder.findDialog("proposedPeek").withTimeout(5000).using(gui.robot());
        compare.pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_ESCAPE));
        compare.requireNotVisible();
        window.menuItem("menuitem.compare_peeks").click();
        DialogFixture again = WindowFinder.findDialog("proposedPeek").withTimeout(5000).using(gui.robot());
        again.focus();
        gui.ctrl(KeyEvent.VK_Q);
        window.requireNotVisible();
    }

    @Test
    void openByNameWantsTheSlashAndRevealsTheQueueUnderAFilter() throws Exception {
        FrameFixture window = openWith("a");
        window.textBox("queues.filter").enterText("zzz");
        gui.eventually("filtered out", () -> gui.queues().model().pathOf(QUEUE) == null);

        window.menuItem("menuitem.open_by_name").click();
        JOptionPaneFixture ask = question();
        ask.textBox().deleteText().enterText(QUEUE.substring(1));
        ask.okButton().click();
        gui.settle();
        window.label("notice.headline").requireText(Pattern.compile("Opening " + QUEUE.substring(1)
                + " failed\\. EINVAL.*"));

        window.menuItem("menuitem.open_by_name").click();
        JOptionPaneFixture again = question();
        again.textBox().deleteText().enterText(QUEUE);
        again.okButton().click();
        gui.settle();
        gui.eventually("selected and shown", () -> QUEUE.equals(gui.queues().selectedQueue())
                && gui.queues().model().pathOf(QUEUE) != null);
        window.textBox("queues.filter").requireText("");
    }
}
