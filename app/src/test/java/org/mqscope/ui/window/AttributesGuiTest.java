package org.mqscope.ui.window;

import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.app.Screenshot;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqLimits;
import org.mqscope.mq.MqQueue;

/**
 * The attribute editor in the real window on an emulated namespace with the Linux default limits (msg_max 10):
 * Create Queue explains EINVAL as the user types and creates a valid queue, Recreate refuses a msgsize smaller than
 * a queued message. Skips without a display; any Swing access off the EDT fails the test.
 */
class AttributesGuiTest {
    private static final String QUEUE = "/gui-attrs";

    @RegisterExtension
    final GuiWindow gui = new GuiWindow();
    private FrameFixture window;
    private MqBackend emulated;

    @BeforeEach
    void openOnTheAttributesTab() throws Exception {
        emulated = gui.closeAfter(MqBackends.emulated(MqLimits.LINUX_DEFAULTS));
        try (MqQueue q = emulated.open(QUEUE, Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(10, 1024))) {
            q.send(new byte[100], 1);
            q.send(new byte[10], 5);
        }
        window = gui.open(kind -> emulated, BackendKind.EMULATED);
        GuiActionRunner.execute(() -> gui.frame().showTab("attributes"));
        gui.settle();
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
        return WindowFinder.findDialog(name).withTimeout(gui.waitLimit().toMillis()).using(gui.robot());
    }

    @Test
    void createExplainsEinvalAsTypedThenCreatesAndSelectsTheQueue() throws Exception {
        gui.selectQueue(QUEUE);
        gui.eventually("attributes shown", () -> window.label("attr.maxmsg").target().getText().equals("10"));
        window.label("attr.msgsize").requireText("1,024 bytes");
        window.label("attr.curmsgs").requireText("2 of 10");
        window.label("attr.qsize").requireText("110 bytes");

        window.button("attr.create").click();
        DialogFixture create = dialog("createQueue");
        gui.eventually("limits read", () -> create.textBox("create.maxmsg").target().getText().equals("10"));
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
        gui.settle();
        gui.eventually("/gui-new selected", () -> "/gui-new".equals(gui.queues().selectedQueue()));
        try (MqQueue q = emulated.open("/gui-new", Mq.O_RDONLY)) {
            assertThat(q.getAttributes()).isEqualTo(new MqAttributes(0, 5, 256, 0));
        }
        gui.eventually("its attributes shown", () -> window.label("attr.maxmsg").target().getText().equals("5"));
    }

    @Test
    void recreateRefusesAMsgsizeSmallerThanAQueuedMessage() throws Exception {
        gui.selectQueue(QUEUE);
        window.button("attr.recreate").requireEnabled().click();
        DialogFixture recreate = dialog("recreate");
        gui.eventually("snapshot taken", () -> recreate.textBox("recreate.msgsize").target().getText().equals("1024")
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
        gui.settle();
        try (MqQueue q = emulated.open(QUEUE, Mq.O_RDONLY)) {
            assertThat(q.getAttributes()).isEqualTo(new MqAttributes(0, 3, 100, 2));
        }
        gui.eventually("new attributes shown", () -> window.label("attr.maxmsg").target().getText().equals("3"));
    }

    @Test
    void nonBlockingTogglesThePanelsOwnDescriptorAndReadOnlyTurnsItOff() throws Exception {
        gui.selectQueue(QUEUE);
        gui.eventually("descriptor open", () -> window.checkBox("attr.nonblock").target().isEnabled());
        window.checkBox("attr.nonblock").requireNotSelected().click();
        gui.settle();
        window.checkBox("attr.nonblock").requireSelected();
        window.label("attr.setattr").requireText("mq_setattr: flags 0 (blocking) → O_NONBLOCK");
        window.toggleButton("readOnly").click();
        gui.settle();
        window.checkBox("attr.nonblock").requireDisabled();
        window.button("attr.create").requireDisabled();
        window.button("attr.recreate").requireDisabled();
        window.label("attr.readOnlyReason").requireText(Pattern.compile("Read-only mode: .*"));
    }
}
