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
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.regex.Pattern;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.KeyPressInfo;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;

/**
 * The real window under a real display (Xvfb + openbox in CI). Skips when there is no display. Every Swing access
 * off the EDT fails the test through {@link ThreadCheckingRepaintManager}.
 */
class MainFrameGuiTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String MOUNT = "sudo mkdir -p /dev/mqueue && sudo mount -t mqueue none /dev/mqueue";
    private static ThreadCheckingRepaintManager threadCheck;

    private final IoExecutor io = new IoExecutor();
    private final Preferences prefs = Preferences.userRoot().node("org/mqscope/test/" + UUID.randomUUID());
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
            prefs.removeNode();
            return; // skipped: nothing was opened
        }
        try {
            if (window != null) {
                window.cleanUp();
            } else {
                robot.cleanUp();
            }
            io.close();
            for (AutoCloseable c : cleanups) {
                c.close();
            }
            prefs.removeNode();
        } finally {
            assertThat(threadCheck.violations()).as("Swing touched off the EDT").isEmpty();
        }
    }

    private void open(BackendFactory factory, BackendKind kind) throws InterruptedException {
        frame = GuiActionRunner.execute(() -> {
            MainFrame f = new MainFrame(io, factory, WindowBounds.remembered(prefs));
            f.setVisible(true);
            f.start(Optional.of(kind));
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

    /** The notice strip is hidden when empty, and fixtures only find showing components. */
    private boolean noticeVisible() {
        java.awt.Component notice = robot.finder().findByName(frame, "notice", false);
        return GuiActionRunner.execute(notice::isVisible);
    }

    /** A real emulated namespace with one queue holding 5 bytes. */
    private MqBackend seededEmulation() throws MqException {
        MqBackend emulated = MqBackends.emulated();
        cleanups.add(emulated);
        try (MqQueue q = emulated.open("/gui-orders", Mq.O_CREAT | Mq.O_RDWR)) {
            q.send("hello".getBytes(StandardCharsets.US_ASCII), 1);
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

    @Test
    void opensOnTheEmulationWithTitleChooserPanesAndRealQueues() throws Exception {
        open(factory(seededEmulation(), new FakeBackend("kernel")), BackendKind.EMULATED);

        window.requireTitle("mqscope");
        window.toggleButton("backend.emulated").requireSelected();
        window.toggleButton("backend.kernel").requireNotSelected().requireEnabled();
        window.button("refresh").requireEnabled();
        window.panel("queues").requireVisible();
        window.panel("messages").requireVisible();
        window.panel("detail").requireVisible();
        window.panel("status").requireVisible();
        assertThat(noticeVisible()).isFalse();

        window.table("queues.table").requireRowCount(1);
        window.table("queues.table").requireCellValue(row(0).column(0), "/gui-orders");
        window.table("queues.table").requireCellValue(row(0).column(1), "5");
        window.table("messages.table").requireRowCount(0);
        assertThat(window.table("messages.table").target().getColumnCount()).isEqualTo(4);
        window.label("detail.placeholder").requireText(Pattern.compile(".*selected message will appear here.*"));
        window.label("status.backend").requireText(Pattern.compile("Backend: emulated .*"));
        window.label("status.queues").requireText("1 queue");
        window.label("status.version").requireText(AppInfo.versionLine());
        assertThat(frame.getIconImages()).isNotEmpty();
    }

    @Test
    void theChooserSwitchesToTheKernelAndBack() throws Exception {
        FakeBackend kernel = new FakeBackend("kernel").listing(FakeBackend.queue("/k1", 0),
                FakeBackend.queue("/k2", 300));
        open(factory(seededEmulation(), kernel), BackendKind.EMULATED);

        window.toggleButton("backend.kernel").click();
        settle();
        window.toggleButton("backend.kernel").requireSelected();
        window.toggleButton("backend.emulated").requireNotSelected();
        window.label("status.backend").requireText(Pattern.compile("Backend: kernel .*"));
        window.table("queues.table").requireRowCount(2);
        window.table("queues.table").requireCellValue(row(1).column(1), "300");
        assertThat(GuiActionRunner.execute(frame::currentBackend)).isEqualTo(BackendKind.KERNEL);

        window.toggleButton("backend.emulated").click();
        settle();
        window.toggleButton("backend.emulated").requireSelected();
        window.table("queues.table").requireCellValue(row(0).column(0), "/gui-orders");
    }

    @Test
    void aKernelThatWillNotStartIsExplainedAndTheChooserStaysOnTheEmulation() throws Exception {
        open(factory(seededEmulation(), new MqException(Errno.ENOSYS, "mq_unlink", "/")), BackendKind.EMULATED);

        window.toggleButton("backend.kernel").click();
        settle();
        window.toggleButton("backend.emulated").requireSelected();
        window.toggleButton("backend.kernel").requireNotSelected();
        assertThat(noticeVisible()).isTrue();
        window.label("notice.headline").requireText(
                Pattern.compile("The kernel backend did not start\\. ENOSYS: this kernel has no POSIX .*"));
        assertThat(window.textBox("notice.detail").text()).contains("Still showing the emulated backend.");
        window.label("status.backend").requireText(Pattern.compile("Backend: emulated .*"));

        window.button("notice.close").click();
        assertThat(noticeVisible()).isFalse();
    }

    @Test
    void aListThatFailsShowsTheMessageAndTheMountCommand() throws Exception {
        FakeBackend kernel = new FakeBackend("kernel")
                .failingList(new MqException(Errno.ENODEV, "list", null, "/dev/mqueue is not mounted: " + MOUNT));
        open(factory(seededEmulation(), kernel), BackendKind.KERNEL);

        window.panel("queues.message").requireVisible();
        assertThat(window.label("queues.message.call").text()).isEqualTo("list: ENODEV (No such device)");
        assertThat(window.textBox("queues.message.detail").text()).endsWith(MOUNT);
        window.label("status.queues").requireText("queues unavailable");
    }

    @Test
    void refreshListsAgain() throws Exception {
        MqBackend emulated = seededEmulation();
        open(factory(emulated, new FakeBackend("kernel")), BackendKind.EMULATED);
        emulated.open("/gui-late", Mq.O_CREAT | Mq.O_RDWR).close();

        window.button("refresh").click();
        settle();
        window.table("queues.table").requireRowCount(2);

        emulated.unlink("/gui-late");
        window.pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_F5));
        settle();
        window.table("queues.table").requireRowCount(1);
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
        assertThat(prefs.getInt(WindowBounds.WIDTH, -1)).isEqualTo(before.width);
        assertThat(prefs.getInt(WindowBounds.HEIGHT, -1)).isEqualTo(before.height);
        window.cleanUp();
        window = null;
        settle();

        robot = BasicRobot.robotWithNewAwtHierarchy();
        MainFrame again = GuiActionRunner.execute(() -> {
            MainFrame f = new MainFrame(io, factory(emulated, new FakeBackend("kernel")),
                    WindowBounds.remembered(prefs));
            f.setVisible(true);
            return f;
        });
        window = new FrameFixture(robot, again);
        robot.waitForIdle();
        assertThat(GuiActionRunner.execute(() -> again.getSize())).isEqualTo(before.getSize());
    }

    @Test
    void theRealKernelListsAQueueWeCreate() throws Exception {
        MqBackend kernel;
        try {
            kernel = MqBackends.kernel();
        } catch (Exception | LinkageError e) {
            assumeTrue(false, "kernel backend unavailable: " + e.getMessage());
            return;
        }
        cleanups.add(kernel);
        String name = "/mqscope-test-" + UUID.randomUUID();
        try (MqQueue q = kernel.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR)) {
            q.send(new byte[7], 0);
        }
        cleanups.add(0, () -> kernel.unlink(name)); // unlink before the backend closes
        open(BackendFactory.standard(), BackendKind.KERNEL);

        window.toggleButton("backend.kernel").requireSelected();
        javax.swing.JTable table = window.table("queues.table").target();
        int rowIndex = GuiActionRunner.execute(() -> {
            for (int r = 0; r < table.getRowCount(); r++) {
                if (name.equals(table.getValueAt(r, 0))) {
                    return r;
                }
            }
            return -1;
        });
        assertThat(rowIndex).as("row of " + name).isNotNegative();
        window.table("queues.table").requireCellValue(row(rowIndex).column(1), "7");
    }
}
