package org.mqscope.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.data.TableCell.row;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.GraphicsEnvironment;
import java.awt.event.KeyEvent;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;
import javax.swing.JTree;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqQueue;
import org.mqscope.ui.compose.SendComposerPanel;
import org.mqscope.ui.queues.QueueTreePanel;

/**
 * The Send tab in the real window on the emulated backend: Ctrl+Enter sends what was typed and the message table
 * shows it without a refresh; a bulk send into a small queue stops at EAGAIN and says so; read-only mode turns
 * Send off with the reason. Skips without a display; Swing off the EDT fails the test.
 */
class SendComposerGuiTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String QUEUE = "/gui-send";
    private static ThreadCheckingRepaintManager threadCheck;

    private final IoExecutor io = new IoExecutor();
    private final Preferences prefsNode = Preferences.userRoot().node("org/mqscope/test/" + UUID.randomUUID());
    private final UiPrefs prefs = new UiPrefs(prefsNode);
    private final MqBackend emulated = MqBackends.emulated();
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
        if (robot == null) {
            io.close();
            emulated.close();
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
            emulated.close();
            prefsNode.removeNode();
        } finally {
            assertThat(threadCheck.violations()).as("Swing touched off the EDT").isEmpty();
        }
    }

    private void openOnQueue() throws Exception {
        try (MqQueue q = emulated.open(QUEUE, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600, MqAttributes.of(10, 128))) {
            assertThat(q.getAttributes().currentMessages()).isZero();
        }
        BackendFactory factory = kind -> kind == BackendKind.EMULATED ? emulated : new FakeBackend("kernel");
        frame = GuiActionRunner.execute(() -> {
            MainFrame f = new MainFrame(io, factory, WindowBounds.remembered(prefsNode), prefs, new Dialogs(),
                    Theme.LIGHT);
            f.setVisible(true);
            f.start(Optional.of(BackendKind.EMULATED), false);
            return f;
        });
        window = new FrameFixture(robot, frame);
        settle();
        QueueTreePanel panel = (QueueTreePanel) robot.finder().findByName(frame, "queues", false);
        eventually(QUEUE + " in the tree", () -> panel.model().pathOf(QUEUE) != null);
        JTree tree = panel.tree();
        int rowIndex = GuiActionRunner.execute(() -> tree.getRowForPath(panel.model().pathOf(QUEUE)));
        window.tree("queues.tree").clickRow(rowIndex);
        settle();
        window.tabbedPane("tabs").selectTab("Send");
        eventually("the queue's msgsize", () -> window.label("compose.target").text()
                .equals("To " + QUEUE + " · 0 of 10 · msgsize 128"));
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

    private int tableRows() {
        return window.table("messages.table").target().getRowCount();
    }

    @Test
    void ctrlEnterSendsTheTextAndTheTableShowsIt() throws Exception {
        openOnQueue();
        window.button("compose.send").requireEnabled(); // an empty editor is a 0-byte message: allowed
        window.textBox("compose.editor").enterText("hello from the composer");
        window.label("compose.info").requireText("23 bytes");
        window.spinner("compose.priority").enterTextAndCommit("12");
        window.textBox("compose.editor").focus();
        robot.pressKey(KeyEvent.VK_CONTROL);
        robot.pressAndReleaseKey(KeyEvent.VK_ENTER);
        robot.releaseKey(KeyEvent.VK_CONTROL);
        eventually("the sent message in the table", () -> tableRows() == 1);
        window.table("messages.table").requireCellValue(row(0).column(1), "12");
        window.table("messages.table").requireCellValue(row(0).column(3), "hello from the composer");
        eventually("the result", () -> window.label("compose.result").text().equals("Sent 1 message to " + QUEUE
                + "."));
        assertThat(window.textBox("compose.editor").text()).as("the editor keeps the text for the next send")
                .isEqualTo("hello from the composer");
        assertThat(window.comboBox("compose.recent").contents())
                .containsExactly("Text · prio 12 · hello from the composer");
    }

    @Test
    void aBulkSendIntoASmallQueueStopsAtEagain() throws Exception {
        openOnQueue();
        window.textBox("compose.editor").enterText("bulk ${n}");
        window.spinner("compose.count").enterTextAndCommit("20");
        window.radioButton("compose.nonblocking").click();
        window.label("compose.info").requireText("6–7 bytes × 20 messages");
        window.button("compose.send").click();
        eventually("the EAGAIN report", () -> window.label("compose.result").text()
                .equals("Sent 10 of 20; the 11th: EAGAIN — the queue is full (10 of 10)"));
        eventually("ten rows, without a refresh", () -> tableRows() == 10);
        window.table("messages.table").requireCellValue(row(0).column(3), "bulk 1");
        window.table("messages.table").requireCellValue(row(9).column(3), "bulk 10");
        window.button("compose.send").requireEnabled();
        window.textBox("compose.editor").enterText("x".repeat(200));
        window.label("compose.info").requireText(
                "Text: 206–207 bytes is more than the queue's msgsize of 128 (EMSGSIZE)");
        window.button("compose.send").requireDisabled();
        java.awt.Component cancel = robot.finder().findByName(frame, "compose.cancel", false);
        assertThat(GuiActionRunner.execute(cancel::isVisible)).as("Cancel hidden once done").isFalse();
    }

    @Test
    void badHexAndReadOnlyModeTurnSendOffWithTheReason() throws Exception {
        openOnQueue();
        window.radioButton("compose.mode.hex").click();
        window.textBox("compose.editor").enterText("48 65 6g");
        window.label("compose.info").requireText("Hex: bad digit 'g' at position 8");
        window.button("compose.send").requireDisabled();
        window.textBox("compose.editor").deleteText().enterText("48 69");
        window.label("compose.info").requireText("2 bytes");
        window.button("compose.send").requireEnabled();

        window.toggleButton("readOnly").click();
        settle();
        window.button("compose.send").requireDisabled();
        window.label("compose.info").requireText(SendComposerPanel.READ_ONLY);
    }
}
