package org.mqscope.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.GraphicsEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;
import java.util.regex.Pattern;
import javax.swing.JTree;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqLimits;
import org.mqscope.mq.MqQueue;
import org.mqscope.ui.queues.QueueTreePanel;

/**
 * The attribute editor in the real window on an emulated namespace with the Linux default limits (msg_max 10):
 * Create Queue explains EINVAL as the user types and creates a valid queue, Recreate refuses a msgsize smaller than
 * a queued message. Skips without a display; any Swing access off the EDT fails the test.
 */
class AttributesGuiTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String QUEUE = "/gui-attrs";
    private static ThreadCheckingRepaintManager threadCheck;

    private final IoExecutor io = new IoExecutor();
    private final Preferences prefsNode = Preferences.userRoot().node("org/mqscope/test/" + UUID.randomUUID());
    private final List<AutoCloseable> cleanups = new ArrayList<>();
    private Robot robot;
    private MainFrame frame;
    private FrameFixture window;
    private MqBackend emulated;

    @BeforeEach
    void needsADisplay() throws Exception {
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
        emulated = MqBackends.emulated(MqLimits.LINUX_DEFAULTS);
        cleanups.add(emulated);
        try (MqQueue q = emulated.open(QUEUE, Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(10, 1024))) {
            q.send(new byte[100], 1);
            q.send(new byte[10], 5);
        }
        frame = GuiActionRunner.execute(() -> {
            MainFrame f = new MainFrame(io, kind -> emulated, WindowBounds.remembered(prefsNode),
                    new UiPrefs(prefsNode), new Dialogs(), Theme.LIGHT);
            f.setVisible(true);
            f.start(Optional.of(BackendKind.EMULATED), false);
            f.showTab("attributes");
            return f;
        });
        window = new FrameFixture(robot, frame);
        settle();
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
            GuiActionRunner.execute(frame::quit);
            assertThat(io.awaitIdle(WAIT)).as("backends closed").isTrue();
            window.cleanUp();
            io.close();
            for (AutoCloseable c : cleanups) {
                c.close();
            }
            prefsNode.removeNode();
        } finally {
            assertThat(threadCheck.violations()).as("Swing touched off the EDT").isEmpty();
        }
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
    }

    private QueueTreePanel tree() {
        return (QueueTreePanel) robot.finder().findByName(frame, "queues", QueueTreePanel.class, false);
    }

    private void selectQueue(String name) throws Exception {
        QueueTreePanel panel = tree();
        eventually(name + " in the tree", () -> panel.model().pathOf(name) != null);
        JTree t = panel.tree();
        int rowIndex = GuiActionRunner.execute(() -> t.getRowForPath(panel.model().pathOf(name)));
        window.tree("queues.tree").clickRow(rowIndex);
        settle();
    }

    /** With -Dmqscope.shots=DIR, renders the dialog to DIR/NAME.png for a look by eye. */
    private static void shoot(DialogFixture d, String name) throws Exception {
        String dir = System.getProperty("mqscope.shots");
        if (dir != null) {
            java.awt.image.BufferedImage image = GuiActionRunner.execute(() -> {
                javax.swing.JRootPane root = ((javax.swing.JDialog) d.target()).getRootPane();
                java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(root.getWidth(),
                        root.getHeight(), java.awt.image.BufferedImage.TYPE_INT_RGB);
                java.awt.Graphics2D g = img.createGraphics();
                root.paint(g);
                g.dispose();
                return img;
            });
            Screenshot.write(image, java.nio.file.Path.of(dir, name + ".png"));
        }
    }

    private DialogFixture dialog(String name) {
        return WindowFinder.findDialog(name).withTimeout(WAIT.toMillis()).using(robot);
    }

    @Test
    void createExplainsEinvalAsTypedThenCreatesAndSelectsTheQueue() throws Exception {
        selectQueue(QUEUE);
        eventually("attributes shown", () -> window.label("attr.maxmsg").target().getText().equals("10"));
        window.label("attr.msgsize").requireText("1,024 bytes");
        window.label("attr.curmsgs").requireText("2 of 10");
        window.label("attr.qsize").requireText("110 bytes");

        window.button("attr.create").click();
        DialogFixture create = dialog("createQueue");
        eventually("limits read", () -> create.textBox("create.maxmsg").target().getText().equals("10"));
        create.textBox("create.name").deleteText().enterText("/gui-new");
        create.textBox("create.maxmsg").deleteText().enterText("20");
        create.label("create.maxmsg.message").requireText("Max messages: EINVAL — 20 is above msg_max 10");
        create.button("create.ok").requireDisabled();
        shoot(create, "attrs-create-error");

        // A bad name and a bad size: the name's errno, as mq_open checks the name first.
        create.textBox("create.name").deleteText().enterText("/a/b");
        create.label("create.name.message").requireText(Pattern.compile("Name: EACCES — .*"));
        create.label("create.maxmsg.message").requireText(Pattern.compile("1 to 10 .*"));
        create.button("create.ok").requireDisabled();

        create.textBox("create.name").deleteText().enterText("/gui-new");
        create.textBox("create.maxmsg").deleteText().enterText("5");
        create.textBox("create.msgsize").deleteText().enterText("256");
        create.button("create.ok").requireEnabled().click();
        settle();
        eventually("/gui-new selected", () -> "/gui-new".equals(tree().selectedQueue()));
        try (MqQueue q = emulated.open("/gui-new", Mq.O_RDONLY)) {
            assertThat(q.getAttributes()).isEqualTo(new MqAttributes(0, 5, 256, 0));
        }
        eventually("its attributes shown", () -> window.label("attr.maxmsg").target().getText().equals("5"));
    }

    @Test
    void recreateRefusesAMsgsizeSmallerThanAQueuedMessage() throws Exception {
        selectQueue(QUEUE);
        window.button("attr.recreate").requireEnabled().click();
        DialogFixture recreate = dialog("recreate");
        eventually("snapshot taken", () -> recreate.textBox("recreate.msgsize").target().getText().equals("1024")
                && recreate.button("recreate.ok").target().isEnabled());
        recreate.textBox("recreate.msgsize").deleteText().enterText("50");
        recreate.label("recreate.verdict").requireText(Pattern.compile(
                "(?s).*Refused: EMSGSIZE — message 2 of 2 is 100 bytes, more than the new msgsize of 50.*"));
        recreate.button("recreate.ok").requireDisabled();
        recreate.textBox("recreate.maxmsg").deleteText().enterText("11");
        recreate.textBox("recreate.msgsize").deleteText().enterText("100");
        recreate.label("recreate.verdict").requireText(Pattern.compile("(?s).*EINVAL — 11 is above msg_max 10.*"));
        recreate.textBox("recreate.maxmsg").deleteText().enterText("3");
        recreate.button("recreate.ok").requireEnabled().click();
        settle();
        try (MqQueue q = emulated.open(QUEUE, Mq.O_RDONLY)) {
            assertThat(q.getAttributes()).isEqualTo(new MqAttributes(0, 3, 100, 2));
        }
        eventually("new attributes shown", () -> window.label("attr.maxmsg").target().getText().equals("3"));
    }

    @Test
    void nonBlockingTogglesThePanelsOwnDescriptorAndReadOnlyTurnsItOff() throws Exception {
        selectQueue(QUEUE);
        eventually("descriptor open", () -> window.checkBox("attr.nonblock").target().isEnabled());
        window.checkBox("attr.nonblock").requireNotSelected().click();
        settle();
        window.checkBox("attr.nonblock").requireSelected();
        window.label("attr.setattr").requireText("mq_setattr: flags 0 (blocking) → O_NONBLOCK");
        window.toggleButton("readOnly").click();
        settle();
        window.checkBox("attr.nonblock").requireDisabled();
        window.button("attr.create").requireDisabled();
        window.button("attr.recreate").requireDisabled();
        window.label("attr.readOnlyReason").requireText(Pattern.compile("Read-only mode: .*"));
    }
}
