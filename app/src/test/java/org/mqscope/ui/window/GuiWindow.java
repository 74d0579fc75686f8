package org.mqscope.ui.window;

import org.mqscope.Needs;
import org.mqscope.Needs.Need;

import org.mqscope.ui.core.UiPrefs;
import org.mqscope.ui.core.ThreadCheckingRepaintManager;
import org.mqscope.ui.core.Theme;
import org.mqscope.ui.core.IoExecutor;
import org.mqscope.ui.core.Edt;
import org.mqscope.ui.core.EdtGuard;
import org.mqscope.ui.core.Dialogs;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.BackendFactory;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.event.KeyEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;
import javax.swing.JTree;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mqscope.ui.queues.QueueTreePanel;

/**
 * The real main window for an AssertJ Swing test, as a JUnit 5 extension on an instance field
 * ({@code @RegisterExtension final GuiWindow gui = new GuiWindow();}).
 * <p>
 * Before each test: skips it, with the reason, when there is no display (per test rather than per class, so each
 * test reports itself skipped); a new robot, a preferences node of its own and an mq-io executor. The theme and
 * the {@link ThreadCheckingRepaintManager} are installed once per test class and removed after it. After each
 * test: the window is closed through its own quit path (which stops the sampler, whose descriptors would
 * otherwise keep opening and closing every queue in this JVM), mq-io drained and closed, what the test handed to
 * {@link #closeAfter} closed (last first), the node removed, and the test fails if Swing was touched off the EDT or a backend the window started
 * was called on it ({@link EdtGuard}).
 */
public final class GuiWindow implements BeforeEachCallback, AfterEachCallback {
    /** The kernel backend's choice of peek method (auto or drain-restore), read when a backend starts. */
    private static final String PEEK_PROPERTY = "mqscope.peek";
    private static final ExtensionContext.Namespace PER_CLASS = ExtensionContext.Namespace.create(GuiWindow.class);

    private final Deque<AutoCloseable> cleanups = new ArrayDeque<>();
    private Duration wait = Duration.ofSeconds(15);
    private Duration poll = Duration.ofMillis(25);
    private ThreadCheckingRepaintManager threadCheck;
    /** Every backend the window starts fails a call made on the EDT; checked after each test. */
    private final EdtGuard edtGuard = new EdtGuard();
    private IoExecutor io;
    private Preferences prefsNode;
    private UiPrefs prefs;
    private Robot robot;
    private MainFrame frame;
    private FrameFixture window;

    /** How long {@link #settle} and {@link #eventually} wait (15 s unless set). */
    public GuiWindow waitingUpTo(Duration limit) {
        this.wait = limit;
        return this;
    }

    /** How often {@link #eventually} looks (every 25 ms unless set; a measurement wants it finer). */
    public GuiWindow polling(Duration every) {
        this.poll = every;
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Needs.display();
        ExtensionContext testClass = context.getParent().orElseThrow();
        threadCheck = testClass.getStore(PER_CLASS)
                .getOrComputeIfAbsent(ThreadCheck.class, k -> new ThreadCheck(), ThreadCheck.class).manager;
        threadCheck.clear();
        io = new IoExecutor();
        prefsNode = Preferences.userRoot().node("org/mqscope/test/" + UUID.randomUUID());
        prefs = new UiPrefs(prefsNode);
        robot = BasicRobot.robotWithNewAwtHierarchy();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            if (robot == null) { // skipped (or failed to set up): no window, but what the test made before that
                if (io != null) {
                    io.close();
                }
                closeAll();
                if (prefsNode != null) {
                    prefsNode.removeNode();
                }
                return;
            }
            try {
                if (frame != null && GuiActionRunner.execute(frame::isDisplayable)) {
                    GuiActionRunner.execute(frame::quit);
                    assertThat(io.awaitIdle(wait)).as("backends closed").isTrue();
                }
                if (window != null) {
                    window.cleanUp();
                } else {
                    robot.cleanUp();
                }
                io.close();
                closeAll();
                prefsNode.removeNode();
            } finally {
                assertThat(threadCheck.violations()).as("Swing touched off the EDT").isEmpty();
                assertThat(edtGuard.violations()).as("backend called on the EDT").isEmpty();
            }
        } finally {
            cleanups.clear();
        }
    }

    private void closeAll() throws Exception {
        while (!cleanups.isEmpty()) {
            cleanups.pop().close();
        }
    }

    /**
     * The kernel backend for a test of the drain-and-restore peek, pinned to it (as is the window opened after this
     * call) even where the exact peek could run; closed and unpinned after the test. Missing kernel queues fail the
     * test under CI ({@link Needs}).
     */
    public org.mqscope.mq.MqBackend drainRestoreKernel() {
        System.setProperty(PEEK_PROPERTY, "drain-restore");
        closeAfter(() -> System.clearProperty(PEEK_PROPERTY));
        try {
            return closeAfter(org.mqscope.mq.MqBackends.kernel());
        } catch (Exception | LinkageError e) {
            throw Needs.missing(Need.KERNEL_MQUEUE, "kernel backend unavailable: " + e.getMessage());
        }
    }

    /** Closes {@code resource} after the window and mq-io, before the next test; the last handed in first. */
    public <T extends AutoCloseable> T closeAfter(T resource) {
        cleanups.push(resource);
        return resource;
    }

    /**
     * Builds and shows the main window on {@code backends}, starts {@code kind} when given, and waits until it
     * settled. A second call replaces the first window's fixture and robot (the first window stays as the test left
     * it, e.g. closed by Ctrl+Q).
     */
    public FrameFixture open(BackendFactory backends, Optional<BackendKind> kind) throws InterruptedException {
        if (window != null) {
            window.cleanUp();
            window = null;
            settle();
            robot = BasicRobot.robotWithNewAwtHierarchy();
        }
        frame = GuiActionRunner.execute(() -> {
            MainFrame f = new MainFrame(io, edtGuard.wrap(backends), WindowBounds.remembered(prefsNode), prefs,
                    new Dialogs(), Theme.LIGHT);
            f.setVisible(true);
            kind.ifPresent(k -> f.start(Optional.of(k), false));
            return f;
        });
        window = new FrameFixture(robot, frame);
        settle();
        return window;
    }

    /** {@link #open(BackendFactory, Optional)} started on {@code kind}. */
    public FrameFixture open(BackendFactory backends, BackendKind kind) throws InterruptedException {
        return open(backends, Optional.of(kind));
    }

    /** Both the EDT and mq-io have nothing left to do. */
    public void settle() throws InterruptedException {
        robot.waitForIdle();
        assertThat(io.awaitIdle(wait)).as("mq-io settled").isTrue();
        robot.waitForIdle();
    }

    /** The sampler and live peeks run on their own: waits until the EDT sees {@code condition} hold. */
    public void eventually(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!GuiActionRunner.execute(condition::call)) {
            assertThat(System.nanoTime()).as("waited for " + what).isLessThan(deadline);
            Thread.sleep(poll.toMillis());
        }
        robot.waitForIdle();
    }

    public QueueTreePanel queues() {
        return (QueueTreePanel) robot.finder().findByName(frame, "queues", QueueTreePanel.class, false);
    }

    /** Clicks a queue's row in the tree, once the sampler has put it there, and settles. */
    public void selectQueue(String name) throws Exception {
        QueueTreePanel panel = queues();
        eventually(name + " in the tree", () -> panel.model().pathOf(name) != null);
        clickQueue(name);
        settle();
    }

    /** Clicks a queue's row in the tree, which must be there already; returns at once. */
    public void clickQueue(String name) {
        QueueTreePanel panel = queues();
        JTree tree = panel.tree();
        int row = GuiActionRunner.execute(() -> tree.getRowForPath(panel.model().pathOf(name)));
        window.tree("queues.tree").clickRow(row);
    }

    /** Ctrl+{@code keyCode} on the robot, to whichever component has the focus. */
    public void ctrl(int keyCode) {
        robot.pressKey(KeyEvent.VK_CONTROL);
        robot.pressAndReleaseKey(keyCode);
        robot.releaseKey(KeyEvent.VK_CONTROL);
    }

    public Robot robot() {
        return robot;
    }

    /** The window opened last, or null before {@link #open}. */
    public MainFrame frame() {
        return frame;
    }

    public FrameFixture window() {
        return window;
    }

    public IoExecutor io() {
        return io;
    }

    /** This test's own preferences node: the window's bounds and the UiPrefs live here. */
    public Preferences prefsNode() {
        return prefsNode;
    }

    public UiPrefs prefs() {
        return prefs;
    }

    public Duration waitLimit() {
        return wait;
    }

    /** The theme and the thread checker, once per test class; closed with the class's store. */
    private static final class ThreadCheck implements AutoCloseable {
        final ThreadCheckingRepaintManager manager;

        ThreadCheck() {
            Edt.run(Theme.LIGHT::install);
            manager = ThreadCheckingRepaintManager.install();
        }

        @Override
        public void close() {
            ThreadCheckingRepaintManager.uninstall();
        }
    }
}
