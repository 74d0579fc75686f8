package org.mqscope.ui.window;

import org.mqscope.Needs;
import org.mqscope.Needs.Need;

import org.mqscope.ui.core.ThreadCheckingRepaintManager;
import org.mqscope.ui.core.Dialogs;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.BackendFactory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.data.TableCell.row;

import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.swing.JButton;
import javax.swing.JTable;
import org.assertj.swing.core.KeyPressInfo;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.JOptionPaneFinder;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;
import org.mqscope.ui.core.LineView;

/**
 * The real window under a real display (Xvfb + openbox in CI). Skips when there is no display. Every Swing access
 * off the EDT fails the test through {@link ThreadCheckingRepaintManager}.
 */
class MainFrameGuiTest {
    private static final String MOUNT = "sudo mkdir -p /dev/mqueue && sudo mount -t mqueue none /dev/mqueue";
    private static final String QUEUE = "/gui-orders";

    @RegisterExtension
    final GuiWindow gui = new GuiWindow();

    private boolean noticeVisible() {
        java.awt.Component notice = gui.robot().finder().findByName(gui.frame(), "notice", false);
        return GuiActionRunner.execute(notice::isVisible);
    }

    private String viewLine(String viewName, int line) {
        LineView v = (LineView) gui.robot().finder().findByName(gui.frame(), viewName, false);
        return GuiActionRunner.execute(() -> v.source().line(line));
    }

    /** A real emulated namespace with one queue: "low" (1), "high" (9), a JSON message (1), sent in that order. */
    private MqBackend seededEmulation() throws MqException {
        MqBackend emulated = MqBackends.emulated();
        gui.closeAfter(emulated);
        try (MqQueue q = emulated.open(QUEUE, Mq.O_CREAT | Mq.O_RDWR)) {
            q.send("low".getBytes(StandardCharsets.US_ASCII), 1);
            q.send("high".getBytes(StandardCharsets.US_ASCII), 9);
            q.send("{\"id\":7,\"ok\":true}".getBytes(StandardCharsets.US_ASCII), 1);
        }
        return emulated;
    }

    private static BackendFactory factory(MqBackend emulated, Object kernelOrFailure) {
        return kind -> {
            if (kind == BackendKind.EMULATED) {
                return emulated;
            }
            if (kernelOrFailure instanceof Exception e) {
                throw e;
            }
            return (MqBackend) kernelOrFailure;
        };
    }

    private JOptionPaneFixture dialog() {
        return JOptionPaneFinder.findOptionPane().withTimeout(gui.waitLimit().toMillis()).using(gui.robot());
    }

    @Test
    void theEmulationEndToEnd() throws Exception {
        MqBackend emulated = seededEmulation();
        BackendFactory backends = factory(emulated, new FakeBackend("kernel").listing(FakeBackend.queue("/k1", 0)));
        FrameFixture window = gui.open(backends, BackendKind.EMULATED);
        window.requireTitle(MainFrame.TITLE);
        window.toggleButton("backend.emulated").requireSelected();
        window.label("status.backend").requireText(Pattern.compile("Backend: emulated .*"));
        window.label("status.peek").requireText("Peek: exact, live (~2 Hz)");
        assertThat(noticeVisible()).isFalse();

        // Select the queue: its messages appear by themselves (live exact peek), in receive order.
        gui.selectQueue(QUEUE);
        gui.eventually("three rows", () -> window.table("messages.table").target().getRowCount() == 3);
        window.table("messages.table").requireCellValue(row(0).column(1), "9");
        window.table("messages.table").requireCellValue(row(0).column(3), "high");
        window.table("messages.table").requireCellValue(row(1).column(3), "low");
        window.table("messages.table").requireCellValue(row(2).column(3), "{\"id\":7,\"ok\":true}");
        window.label("messages.info").requireText(Pattern.compile("3 messages · exact peek \\(live\\) at .*"));

        // Open one in the detail views.
        window.table("messages.table").selectRows(2);
        gui.settle();
        window.label("detail.title").requireText("Message #2 of " + QUEUE);
        window.label("detail.facts").requireText("priority 1 · 18 bytes");
        assertThat(viewLine("detail.text", 0)).isEqualTo("{\"id\":7,\"ok\":true}");
        window.tabbedPane("detail.tabs").selectTab("Hex");
        assertThat(viewLine("detail.hex", 0)).startsWith("00000000  7b 22 69 64").endsWith("|{\"id\":7,\"ok\":tru|");
        window.tabbedPane("detail.tabs").selectTab("JSON");
        assertThat(viewLine("detail.json", 1)).isEqualTo("  \"id\": 7,");
        window.button("detail.copy").requireEnabled();
        // Copy Body copies the message as the tab in front shows it...
        window.button("detail.copy").click();
        gui.robot().waitForIdle();
        assertThat(java.awt.Toolkit.getDefaultToolkit().getSystemClipboard()
                .getData(java.awt.datatransfer.DataFlavor.stringFlavor))
                .isEqualTo("{\n  \"id\": 7,\n  \"ok\": true\n}");
        // ...and Ctrl+C in the table copies the selected rows, the body as text whatever tab is in front.
        window.tabbedPane("detail.tabs").selectTab("Hex");
        window.table("messages.table").focus();
        gui.ctrl(KeyEvent.VK_C);
        gui.robot().waitForIdle();
        assertThat(java.awt.Toolkit.getDefaultToolkit().getSystemClipboard()
                .getData(java.awt.datatransfer.DataFlavor.stringFlavor))
                .isEqualTo("#\tpriority\tsize\tbody\n2\t1\t18\t{\"id\":7,\"ok\":true}\n");

        // A confirmed receive takes the head (priority 9), shows it, and the table follows.
        window.button("receive").click();
        JOptionPaneFixture confirm = dialog();
        confirm.requireTitle("Receive from " + QUEUE + "?");
        confirm.buttonWithText("Receive").click();
        gui.settle();
        gui.eventually("two rows", () -> window.table("messages.table").target().getRowCount() == 2);
        window.label("detail.title").requireText("Received from " + QUEUE + " (no longer in the queue)");
        window.label("detail.facts").requireText("priority 9 · 4 bytes");
        window.table("messages.table").requireCellValue(row(0).column(3), "low");
        try (MqQueue q = emulated.open(QUEUE, Mq.O_RDONLY)) {
            assertThat(q.getAttributes().currentMessages()).isEqualTo(2);
        }

        // Read-only mode: title, every destructive action off, the exact peek still live.
        window.toggleButton("readOnly").click();
        gui.settle();
        window.requireTitle(MainFrame.READ_ONLY_TITLE);
        window.button("receive").requireDisabled();
        window.button("purge").requireDisabled();
        window.button("unlink").requireDisabled();
        window.button("peek").requireEnabled();
        try (MqQueue q = emulated.open(QUEUE, Mq.O_RDWR)) {
            q.send("late".getBytes(StandardCharsets.US_ASCII), 0);
        }
        gui.eventually("the arrival, live", () -> window.table("messages.table").target().getRowCount() == 3);
        window.toggleButton("readOnly").click();
        window.requireTitle(MainFrame.TITLE);
        window.button("receive").requireEnabled();

        // Switch backend: tree, status and table follow.
        window.toggleButton("backend.kernel").click();
        gui.settle();
        window.toggleButton("backend.kernel").requireSelected();
        window.label("status.backend").requireText(Pattern.compile("Backend: kernel .*"));
        window.label("status.peek").requireText(
                "Peek: exact where the BPF helper runs, else drain and restore (select a queue)");
        gui.eventually("the kernel's queue", () -> gui.queues().model().shownNames().equals(List.of("/k1")));
        window.table("messages.table").requireRowCount(0);
        window.button("receive").requireDisabled();
    }

    @Test
    void destructiveActionsDefaultToCancel() throws Exception {
        MqBackend emulated = seededEmulation();
        FrameFixture window = gui.open(factory(emulated, new FakeBackend("kernel")), BackendKind.EMULATED);
        gui.selectQueue(QUEUE);

        window.tree("queues.tree").pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_DELETE));
        JOptionPaneFixture confirm = dialog();
        confirm.requireTitle("Unlink " + QUEUE + "?");
        JButton cancel = confirm.buttonWithText(Dialogs.CANCEL).target();
        assertThat(GuiActionRunner.execute(() -> cancel.getRootPane().getDefaultButton())).isSameAs(cancel);
        gui.robot().pressAndReleaseKey(KeyEvent.VK_ENTER);
        gui.settle();
        assertThat(emulated.list()).hasSize(1);

        window.button("purge").click();
        dialog().buttonWithText("Purge").click();
        gui.settle();
        gui.eventually("an empty table", () -> window.table("messages.table").target().getRowCount() == 0);
        window.label("status.message").requireText("Purged 3 messages from " + QUEUE + ".");

        window.button("unlink").click();
        dialog().buttonWithText("Unlink").click();
        gui.settle();
        assertThat(emulated.list()).isEmpty();
        gui.eventually("the queue gone from the tree", () -> gui.queues().model().shownNames().isEmpty());
        window.table("messages.table").requireRowCount(0);
        window.button("unlink").requireDisabled();
    }

    @Test
    void ctrlFFiltersTheTree() throws Exception {
        MqBackend emulated = seededEmulation();
        emulated.open("/other", Mq.O_CREAT | Mq.O_RDWR).close();
        FrameFixture window = gui.open(factory(emulated, new FakeBackend("kernel")), BackendKind.EMULATED);
        gui.eventually("two queues", () -> gui.queues().model().shownNames().size() == 2);
        window.tree("queues.tree").focus();
        gui.ctrl(KeyEvent.VK_F);
        java.awt.Component field = gui.robot().finder().findByName(gui.frame(), "queues.filter", false);
        gui.eventually("the filter focused", field::isFocusOwner);
        gui.robot().enterText("oth");
        gui.eventually("filtered", () -> gui.queues().model().shownNames().equals(List.of("/other")));
    }

    @Test
    void aListThatFailsShowsTheMessageAndTheMountCommand() throws Exception {
        FakeBackend kernel = new FakeBackend("kernel")
                .failingList(new MqException(Errno.ENODEV, "list", null, "/dev/mqueue is not mounted: " + MOUNT));
        FrameFixture window = gui.open(factory(seededEmulation(), kernel), BackendKind.KERNEL);
        javax.swing.JLabel status = (javax.swing.JLabel) gui.robot().finder().findByName(gui.frame(), "status.queues",
                false);
        gui.eventually("the failure", () -> "queues unavailable".equals(status.getText()));
        window.panel("queues.message").requireVisible();
        assertThat(window.label("queues.message.call").text()).isEqualTo("list: ENODEV (No such device)");
        assertThat(window.textBox("queues.message.detail").text()).endsWith(MOUNT);
    }

    @Test
    void ctrlQClosesTheWindowAndItsBoundsAreRememberedNextTime() throws Exception {
        MqBackend emulated = seededEmulation();
        FrameFixture window = gui.open(factory(emulated, new FakeBackend("kernel")), BackendKind.EMULATED);
        GuiActionRunner.execute(() -> gui.frame().setBounds(40, 30, 900, 600));
        gui.robot().waitForIdle();
        Rectangle before = GuiActionRunner.execute(() -> gui.frame().getBounds());

        window.focus();
        gui.ctrl(KeyEvent.VK_Q); // on the robot: the window is gone before Ctrl is released
        window.requireNotVisible();
        assertThat(gui.prefsNode().getInt(WindowBounds.WIDTH, -1)).isEqualTo(before.width);
        assertThat(gui.prefsNode().getInt(WindowBounds.HEIGHT, -1)).isEqualTo(before.height);
        assertThat(gui.prefs().split(MainFrame.SPLIT_QUEUES)).isPositive();

        // A new window on the same preferences, not started: it comes back at the size it closed with.
        FrameFixture again = gui.open(factory(emulated, new FakeBackend("kernel")), Optional.empty());
        assertThat(GuiActionRunner.execute(() -> again.target().getSize())).isEqualTo(before.getSize());
    }

    @Test
    void theRealKernelPeeksAQueueWeCreateAndLeavesItUnchanged() throws Exception {
        MqBackend kernel;
        try {
            kernel = MqBackends.kernel();
        } catch (Exception | LinkageError e) {
            throw Needs.missing(Need.KERNEL_MQUEUE, "kernel backend unavailable: " + e.getMessage());
        }
        gui.closeAfter(kernel);
        String name = "/mqscope-test-" + UUID.randomUUID();
        List<MqMessage> sent = List.of(new MqMessage("first".getBytes(StandardCharsets.US_ASCII), 2),
                new MqMessage("urgent".getBytes(StandardCharsets.US_ASCII), 7),
                new MqMessage(new byte[] {0, 1, 2, 3}, 2));
        try (MqQueue q = kernel.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR)) {
            for (MqMessage m : sent) {
                q.send(m.body(), m.priority());
            }
        }
        gui.closeAfter(() -> kernel.unlink(name)); // closed last first: unlinked before the backend closes
        // This test is about the drain-and-restore dialog: the fallback, even where the exact peek could run.
        System.setProperty("mqscope.peek", "drain-restore");
        gui.closeAfter(() -> System.clearProperty("mqscope.peek"));
        FrameFixture window = gui.open(BackendFactory.standard(), BackendKind.KERNEL);
        window.toggleButton("backend.kernel").requireSelected();

        gui.selectQueue(name);
        JTable table = window.table("messages.table").target();
        assertThat(GuiActionRunner.execute(table::getRowCount)).as("nothing peeked before asking").isZero();
        window.pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_F5));
        JOptionPaneFixture ask = dialog();
        ask.requireTitle("Peek " + name + " by drain and restore?");
        // Other programs' samplers (other mqscope windows on this machine) may hold the queue for a moment: then it
        // is a risk, asked every time, and "don't explain again" is not offered.
        boolean offered = !gui.robot().finder().findAll(ask.target(), c -> "peek.dontAsk".equals(c.getName())
                && c.isShowing()).isEmpty();
        if (offered) {
            ask.checkBox("peek.dontAsk").check();
        }
        ask.buttonWithText(Dialogs.PEEK).click();
        gui.settle();
        gui.eventually("the peeked rows", () -> table.getRowCount() == 3);
        window.table("messages.table").requireCellValue(row(0).column(3), "urgent");
        window.table("messages.table").requireCellValue(row(1).column(3), "first");
        window.table("messages.table").requireCellValue(row(2).column(3), "00 01 02 03");
        assertThat(noticeVisible()).isTrue();
        window.label("notice.headline").requireText(
                "Peeked " + name + " by drain and restore: 3 messages drained and 3 restored.");
        assertThat(gui.prefs().askBeforeKernelPeek()).isEqualTo(!offered);

        // "Don't explain again": the next F5 peeks straight away, unless a risk shows up meanwhile (then it asks,
        // and the answer is Peek). A fourth message first, so only a new peek shows four rows.
        MqMessage later = new MqMessage("later".getBytes(StandardCharsets.US_ASCII), 0);
        try (MqQueue q = kernel.open(name, Mq.O_WRONLY | Mq.O_NONBLOCK)) {
            q.send(later.body(), later.priority());
        }
        javax.swing.JLabel info = window.label("messages.info").target();
        org.mqscope.ui.core.Edt.run(() -> info.setText("before the second peek")); // its time has seconds only
        window.pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_F5));
        gui.eventually("the second peek, with the fourth message", () -> {
            java.util.Collection<java.awt.Component> asked = gui.robot().finder().findAll(
                    c -> c instanceof javax.swing.JOptionPane && c.isShowing());
            if (!asked.isEmpty()) { // on the EDT here: answer Peek as a click would
                ((javax.swing.JOptionPane) asked.iterator().next()).setValue(Dialogs.PEEK);
                return false;
            }
            return table.getRowCount() == 4 && info.getText().startsWith("4 messages");
        });
        window.table("messages.table").requireCellValue(row(3).column(3), "later");

        // Unchanged afterwards: same messages, same receive order.
        List<MqMessage> after = new ArrayList<>();
        try (MqQueue q = kernel.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
            assertThat(q.getAttributes().currentMessages()).isEqualTo(4);
            for (int i = 0; i < 4; i++) {
                after.add(q.receive());
            }
        }
        assertThat(after).containsExactly(sent.get(1), sent.get(0), sent.get(2), later);

        // The peek is a picture of one moment: once the queue moved on, the table says so.
        gui.eventually("the stale note", () -> window.label("messages.info").text().endsWith(
                "now 0 in the queue: F5 to peek again"));
    }
}
