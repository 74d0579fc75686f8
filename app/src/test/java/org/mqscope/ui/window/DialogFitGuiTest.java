package org.mqscope.ui.window;

import static org.assertj.core.api.Assertions.assertThat;

import com.formdev.flatlaf.FlatLaf;
import java.awt.Component;
import java.awt.Container;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.AbstractButton;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JRootPane;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.plaf.FontUIResource;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqLimits;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.PeekMethod;
import org.mqscope.mq.PeekRisks;
import org.mqscope.mq.ProcessRef;
import org.mqscope.ui.actions.AppAction;
import org.mqscope.ui.app.Screenshot;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.Dialogs;

/**
 * Every dialog shows all its buttons, at the default font and at a large one: each button lies inside the dialog
 * (and the dialog on the screen). The kernel-peek question carries the longest risk list there is. With
 * -Dmqscope.shots=DIR each dialog is also written to DIR for a look by eye.
 */
class DialogFitGuiTest {
    private static final String QUEUE = "/gui-rough-fit";
    private static final int LARGE_FONT = 22;

    @RegisterExtension
    final GuiWindow gui = new GuiWindow();

    @AfterEach
    void defaultFont() {
        GuiActionRunner.execute(() -> {
            UIManager.put("defaultFont", null);
            FlatLaf.updateUI();
        });
    }

    @Test
    void everyDialogShowsItsButtonsAtTheDefaultFont() throws Exception {
        everyDialog("default");
    }

    @Test
    void everyDialogShowsItsButtonsAtALargeFont() throws Exception {
        GuiActionRunner.execute(() -> {
            UIManager.put("defaultFont", new FontUIResource(Font.SANS_SERIF, Font.PLAIN, LARGE_FONT));
            FlatLaf.updateUI();
        });
        everyDialog("large");
    }

    private void everyDialog(String font) throws Exception {
        MqBackend emulated = gui.closeAfter(MqBackends.emulated(MqLimits.LINUX_DEFAULTS));
        try (MqQueue q = emulated.open(QUEUE, Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(10, 1024))) {
            q.send("a message".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 3);
        }
        gui.open(kind -> emulated, BackendKind.EMULATED);
        gui.selectQueue(QUEUE);

        // The kernel-peek question with every risk there is, several holders among them.
        PeekRisks risks = new PeekRisks(new ProcessRef(17804, "notify-owner"), true, List.of(
                new ProcessRef(17805, "producer-one"), new ProcessRef(17806, "producer-two"),
                new ProcessRef(17807, "a-consumer-with-a-long-name")));
        SwingUtilities.invokeLater(() -> new Dialogs().confirmKernelPeek(gui.frame(), QUEUE,
                PeekMethod.DRAIN_RESTORE, risks.describe()));
        checkOptionPane("Peek " + QUEUE + " by drain and restore?", font + "-peek-question");

        // A confirmation (Purge) and Open by Name.
        act(AppAction.PURGE);
        checkOptionPane("Purge " + QUEUE + "?", font + "-purge");
        act(AppAction.OPEN_BY_NAME);
        checkOptionPane("Open Queue by Name", font + "-open-by-name");
        act(AppAction.ABOUT);
        checkOptionPane("About mqscope", font + "-about");

        act(AppAction.CREATE_QUEUE);
        DialogFixture create = dialog("createQueue");
        gui.eventually("limits read", () -> !create.textBox("create.maxmsg").target().getText().isEmpty());
        gui.settle();
        check(create.target(), font + "-create");
        create.button("create.cancel").click();

        act(AppAction.RECREATE);
        DialogFixture recreate = dialog("recreate");
        gui.eventually("snapshot taken", () -> recreate.button("recreate.ok").target().isEnabled());
        check(recreate.target(), font + "-recreate");
        recreate.textBox("recreate.msgsize").deleteText().enterText("2");
        gui.settle();
        check(recreate.target(), font + "-recreate-refused");
        recreate.button("recreate.cancel").click();

        act(AppAction.COMPARE_PEEKS);
        DialogFixture compare = dialog("proposedPeek");
        compare.button("proposed.run").click();
        gui.eventually("results", () -> !compare.label("proposed.mqPeek").target().getText().equals("–"));
        check(compare.target(), font + "-compare");
        compare.button("proposed.close").click();
        compare.requireNotVisible();

        act(AppAction.SHORTCUTS);
        DialogFixture keys = dialog("help.shortcuts");
        check(keys.target(), font + "-shortcuts");
        keys.button("help.shortcuts.close").click();
        act(AppAction.USER_GUIDE);
        DialogFixture guide = dialog("help.guide");
        check(guide.target(), font + "-guide");
        guide.button("help.guide.close").click();
    }

    private void act(AppAction a) {
        SwingUtilities.invokeLater(() -> gui.frame().actions().get(a).actionPerformed(null));
    }

    private DialogFixture dialog(String name) {
        return WindowFinder.findDialog(name).withTimeout(gui.waitLimit().toMillis()).using(gui.robot());
    }

    /** Checks the option pane's dialog titled {@code title}, then closes it with its last button (Cancel / OK). */
    private void checkOptionPane(String title, String shot) throws Exception {
        DialogFixture d = WindowFinder.findDialog(new org.assertj.swing.core.GenericTypeMatcher<JDialog>(
                JDialog.class) {
            @Override
            protected boolean isMatching(JDialog dialog) {
                return title.equals(dialog.getTitle()) && dialog.isShowing();
            }
        }).withTimeout(gui.waitLimit().toMillis()).using(gui.robot());
        check(d.target(), shot);
        List<JButton> buttons = GuiActionRunner.execute(() -> buttonsOf(d.target()));
        d.button(new org.assertj.swing.core.GenericTypeMatcher<JButton>(JButton.class) {
            @Override
            protected boolean isMatching(JButton b) {
                return b == buttons.get(buttons.size() - 1);
            }
        }).click();
        d.requireNotVisible();
    }

    private void check(Window w, String shot) throws Exception {
        gui.robot().waitForIdle();
        List<String> outside = GuiActionRunner.execute(() -> {
            List<String> bad = new ArrayList<>();
            JRootPane root = ((javax.swing.RootPaneContainer) w).getRootPane();
            Rectangle inside = new Rectangle(0, 0, root.getWidth(), root.getHeight());
            List<JButton> buttons = buttonsOf(w);
            if (buttons.isEmpty()) {
                bad.add("no buttons at all");
            }
            for (AbstractButton b : buttons) {
                Rectangle r = SwingUtilities.convertRectangle(b.getParent(), b.getBounds(), root);
                if (!inside.contains(r) || r.height < b.getPreferredSize().height) {
                    bad.add("“" + b.getText() + "” at " + r + " outside " + inside);
                }
            }
            Rectangle screen = w.getGraphicsConfiguration().getBounds();
            if (!screen.contains(w.getBounds())) {
                bad.add("the dialog " + w.getBounds() + " is larger than the screen " + screen);
            }
            return bad;
        });
        shoot(w, shot);
        assertThat(outside).as(shot + ": buttons outside the dialog").isEmpty();
    }

    private static List<JButton> buttonsOf(Container c) {
        List<JButton> out = new ArrayList<>();
        for (Component child : c.getComponents()) {
            if (child instanceof JButton b && b.isShowing()) {
                out.add(b);
            }
            // A spinner's, combo box's or scroll bar's arrows are part of their field, sized by it, not buttons of the dialog.
            if (child instanceof Container inner && !(child instanceof javax.swing.JSpinner)
                    && !(child instanceof javax.swing.JComboBox) && !(child instanceof javax.swing.JScrollBar)) {
                out.addAll(buttonsOf(inner));
            }
        }
        return out;
    }

    private static void shoot(Window w, String name) throws Exception {
        String dir = System.getProperty("mqscope.shots");
        if (dir != null) {
            BufferedImage image = GuiActionRunner.execute(() -> {
                JRootPane root = ((javax.swing.RootPaneContainer) w).getRootPane();
                BufferedImage img = new BufferedImage(root.getWidth(), root.getHeight(), BufferedImage.TYPE_INT_RGB);
                java.awt.Graphics2D g = img.createGraphics();
                root.paint(g);
                g.dispose();
                return img;
            });
            Screenshot.write(image, Path.of(dir, name + ".png"));
        }
    }
}
