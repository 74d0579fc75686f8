package org.mqscope.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.data.TableCell.row;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;
import java.util.regex.Pattern;
import javax.swing.JButton;
import javax.swing.JTable;
import javax.swing.JTree;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.KeyPressInfo;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.JOptionPaneFinder;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;
import org.mqscope.ui.common.LineView;
import org.mqscope.ui.queues.QueueTreePanel;

/**
 * The real window under a real display (Xvfb + openbox in CI). Skips when there is no display. Every Swing access
 * off the EDT fails the test through {@link ThreadCheckingRepaintManager}.
 */
class MainFrameGuiTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String MOUNT = "sudo mkdir -p /dev/mqueue && sudo mount -t mqueue none /dev/mqueue";
    private static final String QUEUE = "/gui-orders";
    private static ThreadCheckingRepaintManager threadCheck;

    private final IoExecutor io = new IoExecutor();
    private final Preferences prefsNode = Preferences.userRoot().node("org/mqscope/test/" + UUID.randomUUID());
    private final UiPrefs prefs = new UiPrefs(prefsNode);
    private final List<AutoCloseable> cleanups = new ArrayList<>();
    private Robot robot;
    private MainFrame frame;
    private FrameFixture window;

    /** Per test rather than per class, so each test reports itself skipped, with the reason. */
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
            return; // skipped: nothing was opened
        }
        try {
            if (frame != null) {
                // Through the window's own close path: it stops the sampler, whose descriptors would otherwise
                // keep opening and closing every kernel queue in this JVM (and a close by this process removes
                // the notification registrations other tests make).
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

    private void open(BackendFactory factory, BackendKind kind) throws InterruptedException {
        frame = GuiActionRunner.execute(() -> {
            MainFrame f = new MainFrame(io, factory, WindowBounds.remembered(prefsNode), prefs, new Dialogs(),
                    Theme.LIGHT);
            f.setVisible(true);
            f.start(Optional.of(kind), false);
            return f;
        });
        window = new FrameFixture(robot, frame);
        settle();
    }

    private void settle() throws InterruptedException {
        robot.waitForIdle();
        assertThat(io.awaitIdle(WAIT)).as("mq-io settled").isTrue();
        robot.waitForIdle();
    }

    /** The sampler and live peeks run on their own: wait until the EDT sees their result. */
    private void eventually(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!GuiActionRunner.execute(condition::call)) {
            assertThat(System.nanoTime()).as("waited for " + what).isLessThan(deadline);
            Thread.sleep(25);
        }
        robot.waitForIdle();
    }

    private QueueTreePanel queuePanel() {
        return (QueueTreePanel) robot.finder().findByName(frame, "queues", false);
    }

    /** Clicks a queue's row in the tree, once the sampler has put it there. */
    private void selectQueue(String name) throws Exception {
        QueueTreePanel panel = queuePanel();
        eventually(name + " in the tree", () -> panel.model().pathOf(name) != null);
        JTree tree = panel.tree();
        int rowIndex = GuiActionRunner.execute(() -> tree.getRowForPath(panel.model().pathOf(name)));
        window.tree("queues.tree").clickRow(rowIndex);
        settle();
    }

    private boolean noticeVisible() {
        java.awt.Component notice = robot.finder().findByName(frame, "notice", false);
        return GuiActionRunner.execute(notice::isVisible);
    }

    private String viewLine(String viewName, int line) {
        LineView v = (LineView) robot.finder().findByName(frame, viewName, false);
        return GuiActionRunner.execute(() -> v.source().line(line));
    }

    /** A real emulated namespace with one queue: "low" (1), "high" (9), a JSON message (1), sent in that order. */
    private MqBackend seededEmulation() throws MqException {
        MqBackend emulated = MqBackends.emulated();
        cleanups.add(emulated);
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
        return JOptionPaneFinder.findOptionPane().withTimeout(WAIT.toMillis()).using(robot);
    }

    @Test
    void theEmulationEndToEnd() throws Exception {
        MqBackend emulated = seededEmulation();
        open(factory(emulated, new FakeBackend("kernel").listing(FakeBackend.queue("/k1", 0))),
                BackendKind.EMULATED);
        window.requireTitle(MainFrame.TITLE);
        window.toggleButton("backend.emulated").requireSelected();
        window.label("status.backend").requireText(Pattern.compile("Backend: emulated .*"));
        window.label("status.peek").requireText("Peek: exact, live (~2 Hz)");
        assertThat(noticeVisible()).isFalse();

        // Select the queue: its messages appear by themselves (live exact peek), in receive order.
        selectQueue(QUEUE);
        eventually("three rows", () -> window.table("messages.table").target().getRowCount() == 3);
        window.table("messages.table").requireCellValue(row(0).column(1), "9");
        window.table("messages.table").requireCellValue(row(0).column(3), "high");
        window.table("messages.table").requireCellValue(row(1).column(3), "low");
        window.table("messages.table").requireCellValue(row(2).column(3), "{\"id\":7,\"ok\":true}");
        window.label("messages.info").requireText(Pattern.compile("3 messages · exact peek \\(live\\) at .*"));

        // Open one in the detail views.
        window.table("messages.table").selectRows(2);
        settle();
        window.label("detail.title").requireText("Message #2 of " + QUEUE);
        window.label("detail.facts").requireText("priority 1 · 18 bytes");
        assertThat(viewLine("detail.text", 0)).isEqualTo("{\"id\":7,\"ok\":true}");
        window.tabbedPane("detail.tabs").selectTab("Hex");
        assertThat(viewLine("detail.hex", 0)).startsWith("00000000  7b 22 69 64").endsWith("|{\"id\":7,\"ok\":tru|");
        window.tabbedPane("detail.tabs").selectTab("JSON");
        assertThat(viewLine("detail.json", 1)).isEqualTo("  \"id\": 7,");
        window.button("detail.copy").requireEnabled();
        // Ctrl+C in the table copies the message as the tab in front shows it, not the table's cells.
        window.table("messages.table").focus();
        robot.pressKey(KeyEvent.VK_CONTROL);
        robot.pressAndReleaseKey(KeyEvent.VK_C);
        robot.releaseKey(KeyEvent.VK_CONTROL);
        robot.waitForIdle();
        assertThat(java.awt.Toolkit.getDefaultToolkit().getSystemClipboard()
                .getData(java.awt.datatransfer.DataFlavor.stringFlavor))
                .isEqualTo("{\n  \"id\": 7,\n  \"ok\": true\n}");

        // A confirmed receive takes the head (priority 9), shows it, and the table follows.
        window.button("receive").click();
        JOptionPaneFixture confirm = dialog();
        confirm.requireTitle("Receive from " + QUEUE + "?");
        confirm.buttonWithText("Receive").click();
        settle();
        eventually("two rows", () -> window.table("messages.table").target().getRowCount() == 2);
        window.label("detail.title").requireText("Received from " + QUEUE + " (no longer in the queue)");
        window.label("detail.facts").requireText("priority 9 · 4 bytes");
        window.table("messages.table").requireCellValue(row(0).column(3), "low");
        try (MqQueue q = emulated.open(QUEUE, Mq.O_RDONLY)) {
            assertThat(q.getAttributes().currentMessages()).isEqualTo(2);
        }

        // Read-only mode: title, every destructive action off, the exact peek still live.
        window.toggleButton("readOnly").click();
        settle();
        window.requireTitle(MainFrame.READ_ONLY_TITLE);
        window.button("receive").requireDisabled();
        window.button("purge").requireDisabled();
        window.button("unlink").requireDisabled();
        window.button("peek").requireEnabled();
        try (MqQueue q = emulated.open(QUEUE, Mq.O_RDWR)) {
            q.send("late".getBytes(StandardCharsets.US_ASCII), 0);
        }
        eventually("the arrival, live", () -> window.table("messages.table").target().getRowCount() == 3);
        window.toggleButton("readOnly").click();
        window.requireTitle(MainFrame.TITLE);
        window.button("receive").requireEnabled();

        // Switch backend: tree, status and table follow.
        window.toggleButton("backend.kernel").click();
        settle();
        window.toggleButton("backend.kernel").requireSelected();
        window.label("status.backend").requireText(Pattern.compile("Backend: kernel .*"));
        window.label("status.peek").requireText("Peek: drain and restore, on demand (F5)");
        eventually("the kernel's queue", () -> queuePanel().model().shownNames().equals(List.of("/k1")));
        window.table("messages.table").requireRowCount(0);
        window.button("receive").requireDisabled();
    }

    @Test
    void destructiveActionsDefaultToCancel() throws Exception {
        MqBackend emulated = seededEmulation();
        open(factory(emulated, new FakeBackend("kernel")), BackendKind.EMULATED);
        selectQueue(QUEUE);

        window.tree("queues.tree").pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_DELETE));
        JOptionPaneFixture confirm = dialog();
        confirm.requireTitle("Unlink " + QUEUE + "?");
        JButton cancel = confirm.buttonWithText(Dialogs.CANCEL).target();
        assertThat(GuiActionRunner.execute(() -> cancel.getRootPane().getDefaultButton())).isSameAs(cancel);
        robot.pressAndReleaseKey(KeyEvent.VK_ENTER);
        settle();
        assertThat(emulated.list()).hasSize(1);

        window.button("purge").click();
        dialog().buttonWithText("Purge").click();
        settle();
        eventually("an empty table", () -> window.table("messages.table").target().getRowCount() == 0);
        window.label("status.message").requireText("Purged 3 messages from " + QUEUE + ".");

        window.button("unlink").click();
        dialog().buttonWithText("Unlink").click();
        settle();
        assertThat(emulated.list()).isEmpty();
        eventually("the queue gone from the tree", () -> queuePanel().model().shownNames().isEmpty());
        window.table("messages.table").requireRowCount(0);
        window.button("unlink").requireDisabled();
    }

    @Test
    void ctrlFFiltersTheTree() throws Exception {
        MqBackend emulated = seededEmulation();
        emulated.open("/other", Mq.O_CREAT | Mq.O_RDWR).close();
        open(factory(emulated, new FakeBackend("kernel")), BackendKind.EMULATED);
        eventually("two queues", () -> queuePanel().model().shownNames().size() == 2);
        window.tree("queues.tree").focus();
        robot.pressKey(KeyEvent.VK_CONTROL);
        robot.pressAndReleaseKey(KeyEvent.VK_F);
        robot.releaseKey(KeyEvent.VK_CONTROL);
        java.awt.Component field = robot.finder().findByName(frame, "queues.filter", false);
        eventually("the filter focused", field::isFocusOwner);
        robot.enterText("oth");
        eventually("filtered", () -> queuePanel().model().shownNames().equals(List.of("/other")));
    }

    @Test
    void aListThatFailsShowsTheMessageAndTheMountCommand() throws Exception {
        FakeBackend kernel = new FakeBackend("kernel")
                .failingList(new MqException(Errno.ENODEV, "list", null, "/dev/mqueue is not mounted: " + MOUNT));
        open(factory(seededEmulation(), kernel), BackendKind.KERNEL);
        eventually("the failure", () -> "queues unavailable".equals(
                ((javax.swing.JLabel) robot.finder().findByName(frame, "status.queues", false)).getText()));
        window.panel("queues.message").requireVisible();
        assertThat(window.label("queues.message.call").text()).isEqualTo("list: ENODEV (No such device)");
        assertThat(window.textBox("queues.message.detail").text()).endsWith(MOUNT);
    }

    @Test
    void ctrlQClosesTheWindowAndItsBoundsAreRememberedNextTime() throws Exception {
        MqBackend emulated = seededEmulation();
        open(factory(emulated, new FakeBackend("kernel")), BackendKind.EMULATED);
        GuiActionRunner.execute(() -> frame.setBounds(40, 30, 900, 600));
        robot.waitForIdle();
        Rectangle before = GuiActionRunner.execute(() -> frame.getBounds());

        window.focus();
        robot.pressKey(KeyEvent.VK_CONTROL);
        robot.pressAndReleaseKey(KeyEvent.VK_Q);
        robot.releaseKey(KeyEvent.VK_CONTROL); // on the robot: the window is gone by now
        window.requireNotVisible();
        assertThat(prefsNode.getInt(WindowBounds.WIDTH, -1)).isEqualTo(before.width);
        assertThat(prefsNode.getInt(WindowBounds.HEIGHT, -1)).isEqualTo(before.height);
        assertThat(prefs.split(MainFrame.SPLIT_QUEUES)).isPositive();
        window.cleanUp();
        window = null;
        settle();

        robot = BasicRobot.robotWithNewAwtHierarchy();
        MainFrame again = GuiActionRunner.execute(() -> {
            MainFrame f = new MainFrame(io, factory(emulated, new FakeBackend("kernel")),
                    WindowBounds.remembered(prefsNode), prefs, new Dialogs(), Theme.LIGHT);
            f.setVisible(true);
            return f;
        });
        window = new FrameFixture(robot, again);
        robot.waitForIdle();
        assertThat(GuiActionRunner.execute(() -> again.getSize())).isEqualTo(before.getSize());
    }

    @Test
    void theRealKernelPeeksAQueueWeCreateAndLeavesItUnchanged() throws Exception {
        MqBackend kernel;
        try {
            kernel = MqBackends.kernel();
        } catch (Exception | LinkageError e) {
            assumeTrue(false, "kernel backend unavailable: " + e.getMessage());
            return;
        }
        cleanups.add(kernel);
        String name = "/mqscope-test-" + UUID.randomUUID();
        List<MqMessage> sent = List.of(new MqMessage("first".getBytes(StandardCharsets.US_ASCII), 2),
                new MqMessage("urgent".getBytes(StandardCharsets.US_ASCII), 7),
                new MqMessage(new byte[] {0, 1, 2, 3}, 2));
        try (MqQueue q = kernel.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR)) {
            for (MqMessage m : sent) {
                q.send(m.body(), m.priority());
            }
        }
        cleanups.add(0, () -> kernel.unlink(name)); // unlink before the backend closes
        open(BackendFactory.standard(), BackendKind.KERNEL);
        window.toggleButton("backend.kernel").requireSelected();

        selectQueue(name);
        JTable table = window.table("messages.table").target();
        assertThat(GuiActionRunner.execute(table::getRowCount)).as("nothing peeked before asking").isZero();
        window.pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_F5));
        JOptionPaneFixture ask = dialog();
        ask.requireTitle("Peek " + name + " by drain and restore?");
        ask.checkBox("peek.dontAsk").check();
        ask.buttonWithText(Dialogs.PEEK).click();
        settle();
        eventually("the peeked rows", () -> table.getRowCount() == 3);
        window.table("messages.table").requireCellValue(row(0).column(3), "urgent");
        window.table("messages.table").requireCellValue(row(1).column(3), "first");
        window.table("messages.table").requireCellValue(row(2).column(3), "00 01 02 03");
        assertThat(noticeVisible()).isTrue();
        window.label("notice.headline").requireText(
                "Peeked " + name + " by drain and restore: 3 messages drained and 3 restored.");
        assertThat(prefs.askBeforeKernelPeek()).isFalse();

        // "Don't ask again": the next F5 peeks straight away.
        window.pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_F5));
        settle();
        eventually("the second peek", () -> table.getRowCount() == 3);

        // Unchanged afterwards: same messages, same receive order.
        List<MqMessage> after = new ArrayList<>();
        try (MqQueue q = kernel.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
            assertThat(q.getAttributes().currentMessages()).isEqualTo(3);
            for (int i = 0; i < 3; i++) {
                after.add(q.receive());
            }
        }
        assertThat(after).containsExactly(sent.get(1), sent.get(0), sent.get(2));

        // The peek is a picture of one moment: once the queue moved on, the table says so.
        eventually("the stale note", () -> window.label("messages.info").text().endsWith(
                "now 0 in the queue: F5 to peek again"));
    }
}
