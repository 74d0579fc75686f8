package org.mqscope.ui.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.awt.event.KeyEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.JLabel;
import javax.swing.JTabbedPane;
import javax.swing.UIManager;

import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.QueueEvent;
import org.mqscope.ui.core.BackendFactory;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.Zoom;
import org.mqscope.ui.lessons.LessonWindow;
import org.mqscope.ui.timeline.TimelinePanel;

/** Zoom and presentation mode on the real window, remembered across a restart; a lesson from the Help menu. */
class ClassroomGuiTest {
    @RegisterExtension
    final GuiWindow gui = new GuiWindow();

    @AfterEach
    void normalSize() {
        // FlatLaf's zoom is global to the JVM: the next test class starts at the normal size
        GuiActionRunner.execute(() -> {
            Zoom.highContrast(false);
            Zoom.set(1f);
        });
    }

    @Test
    void zoomChangesTheFontSizeAndTheNextWindowStartsAtTheRememberedZoom() throws Exception {
        FrameFixture window = gui.open(BackendFactory.standard(), BackendKind.EMULATED);
        int before = fontSize(window);

        gui.ctrl(KeyEvent.VK_EQUALS); // Ctrl+= is Ctrl+Plus without Shift
        gui.settle();
        gui.ctrl(KeyEvent.VK_EQUALS);
        gui.settle();
        assertThat(GuiActionRunner.execute(Zoom::factor)).isEqualTo(1.25f);
        int zoomed = fontSize(window);
        assertThat(zoomed).isGreaterThan(before);
        assertThat(gui.prefs().zoom(false)).isEqualTo(1.25f);

        gui.ctrl(KeyEvent.VK_MINUS);
        gui.settle();
        assertThat(GuiActionRunner.execute(Zoom::factor)).isEqualTo(1.1f);
        assertThat(gui.prefs().zoom(false)).isEqualTo(1.1f);
        int afterMinus = fontSize(window);
        assertThat(afterMinus).isLessThan(zoomed).isGreaterThan(before);

        // a restart: this window closes, FlatLaf starts at its normal size as in a new JVM, a new window opens
        GuiActionRunner.execute(() -> gui.frame().quit());
        gui.settle();
        GuiActionRunner.execute(() -> Zoom.set(1f));
        assertThat(GuiActionRunner.execute(() -> UIManager.getFont("Label.font").getSize())).isEqualTo(before);
        FrameFixture again = gui.open(BackendFactory.standard(), BackendKind.EMULATED);
        assertThat(GuiActionRunner.execute(Zoom::factor)).isEqualTo(1.1f);
        assertThat(fontSize(again)).isEqualTo(afterMinus);

        gui.ctrl(KeyEvent.VK_0);
        gui.settle();
        assertThat(fontSize(again)).isEqualTo(before);
        assertThat(gui.prefs().zoom(false)).isEqualTo(1f);
    }

    @Test
    void presentationModeEnlargesHidesTheToolbarAndGivesTheNormalSizeBack() throws Exception {
        FrameFixture window = gui.open(BackendFactory.standard(), BackendKind.EMULATED);
        int normal = fontSize(window);
        String curmsgs = GuiActionRunner.execute(() -> UIManager.getColor("Mqscope.chart.curmsgs").toString());

        window.pressAndReleaseKeys(KeyEvent.VK_F11);
        gui.settle();
        assertThat(GuiActionRunner.execute(() -> gui.frame().presentation())).isTrue();
        assertThat(GuiActionRunner.execute(Zoom::factor)).isEqualTo(1.5f);
        assertThat(fontSize(window)).isGreaterThan(normal);
        javax.swing.JToolBar toolbar = (javax.swing.JToolBar) gui.robot().finder().findByName(gui.frame(), "toolbar",
                javax.swing.JToolBar.class, false);
        assertThat(GuiActionRunner.execute(toolbar::isShowing)).isFalse();
        assertThat(GuiActionRunner.execute(() -> UIManager.getColor("Mqscope.chart.curmsgs").toString()))
                .as("high-contrast chart line").isNotEqualTo(curmsgs)
                .isEqualTo(GuiActionRunner.execute(() ->
                        UIManager.getColor("Mqscope.presentation.chart.curmsgs").toString()));

        window.pressAndReleaseKeys(KeyEvent.VK_F11);
        gui.settle();
        assertThat(GuiActionRunner.execute(Zoom::factor)).isEqualTo(1f);
        assertThat(fontSize(window)).isEqualTo(normal);
        assertThat(GuiActionRunner.execute(toolbar::isShowing)).isTrue();
        assertThat(GuiActionRunner.execute(() -> UIManager.getColor("Mqscope.chart.curmsgs").toString()))
                .isEqualTo(curmsgs);
    }

    @Test
    void aLessonFromTheHelpMenuStepsAndTheTimelineFollowsIt() throws Exception {
        FrameFixture window = gui.open(BackendFactory.standard(), BackendKind.EMULATED);
        // The Lessons submenu gets its items when first selected: by keyboard here, Alt+H then its mnemonic L.
        assertThat(GuiActionRunner.execute(() -> lessonsMenu(window).getMenuComponentCount())).isZero();
        gui.robot().pressKey(KeyEvent.VK_ALT);
        gui.robot().pressAndReleaseKey(KeyEvent.VK_H);
        gui.robot().releaseKey(KeyEvent.VK_ALT);
        gui.settle();
        gui.robot().pressAndReleaseKey(KeyEvent.VK_L);
        gui.settle();
        assertThat(GuiActionRunner.execute(() -> lessonsMenu(window).isPopupMenuVisible())).isTrue();
        assertThat(GuiActionRunner.execute(() -> java.util.Arrays.stream(lessonsMenu(window).getMenuComponents())
                .map(c -> ((javax.swing.JMenuItem) c).getText()).toList())).hasSize(6)
                .contains("Priority order and FIFO within a priority");
        window.pressAndReleaseKeys(KeyEvent.VK_ESCAPE, KeyEvent.VK_ESCAPE);
        gui.settle();
        // by mouse now (the fixture opens Help, then Lessons): selected a second time, the items are made once
        window.menuItem("menuitem.lesson.notify").click();
        gui.settle();
        assertThat(GuiActionRunner.execute(() -> lessonsMenu(window).getMenuComponentCount())).isEqualTo(6);
        DialogFixture lesson = window.dialog(new GenericTypeMatcher<>(LessonWindow.class) {
            @Override
            protected boolean isMatching(LessonWindow w) {
                return w.isShowing();
            }
        });
        lesson.label("lesson.step").requireText("Step 1 of 7: Register for notification");
        lesson.button("lesson.next").click();
        gui.settle();
        lesson.label("lesson.step").requireText("Step 2 of 7: Only one registrant per queue");
        // The Timeline tab is in front: the holder its panel is built into when first shown.
        assertThat(GuiActionRunner.execute(() -> ((JTabbedPane) window.tabbedPane("tabs").target())
                .getSelectedComponent().getName())).isEqualTo("tab.timeline");
        TimelinePanel timeline = (TimelinePanel) window.panel("timeline").target();
        gui.eventually("the rival's EBUSY in the timeline", () -> timeline.rows().stream()
                .anyMatch(e -> e.actor().equals("rival") && e.summary().equals("mq_notify → EBUSY")));

        lesson.button("lesson.end").click();
        gui.settle();
        lesson.label("lesson.step").requireText("Step 7 of 7: The slot is free for another process");
        lesson.button("lesson.back").click();
        gui.settle();
        lesson.label("lesson.step").requireText("Step 6 of 7: Empty, nobody waiting: it fires");

        AtomicReference<LessonWindow> open = new AtomicReference<>(GuiActionRunner.execute(() ->
                gui.frame().lessonWindow()));
        lesson.button("lesson.close").click();
        gui.settle();
        assertThat(GuiActionRunner.execute(() -> gui.frame().lessonWindow())).isNull();
        assertThat(GuiActionRunner.execute(() -> open.get().isDisplayable())).isFalse();
        assertThat(GuiActionRunner.execute(() -> ((JLabel) window.label("timeline.source").target()).getText()))
                .startsWith("Backend: Emulated");
    }

    @Test
    void aTimelineRowWithAMessageSelectsThatMessageInTheTable() throws Exception {
        MqBackend emulated = gui.closeAfter(MqBackends.emulated());
        FrameFixture window = gui.open(kind -> emulated, BackendKind.EMULATED);
        window.tabbedPane("tabs").selectTab("Timeline");
        try (MqQueue q = emulated.open("/tl-classroom-gui", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(8, 32))) {
            for (String body : new String[] {"first", "second", "third"}) {
                q.send(body.getBytes(StandardCharsets.UTF_8), 4);
            }
        }
        TimelinePanel timeline = (TimelinePanel) window.panel("timeline").target();
        gui.eventually("three sends in the timeline", () -> timeline.rows().stream()
                .filter(e -> e.call().equals("mq_send")).count() == 3);
        int secondSend = GuiActionRunner.execute(() -> {
            List<QueueEvent> rows = timeline.rows();
            int sends = 0;
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).call().equals("mq_send") && ++sends == 2) {
                    return i;
                }
            }
            return -1;
        });
        Component view = window.robot().finder().findByName(timeline, "timeline.view", Component.class, true);
        java.awt.Rectangle row = GuiActionRunner.execute(() -> timeline.showRow(secondSend));
        window.robot().click(view, new java.awt.Point(40, row.y + row.height / 2));
        gui.eventually("the second message selected in the table", () -> {
            javax.swing.JTable table = window.table("messages.table").target();
            return table.getSelectedRow() == 1;
        });
        assertThat(GuiActionRunner.execute(() -> gui.queues().tree().getSelectionPath().getLastPathComponent()
                .toString())).contains("/tl-classroom-gui");
    }

    private static int fontSize(FrameFixture window) {
        return GuiActionRunner.execute(() -> window.tree("queues.tree").target().getFont().getSize());
    }

    private static javax.swing.JMenu lessonsMenu(FrameFixture window) {
        return (javax.swing.JMenu) window.menuItem("menu.lessons").target();
    }
}
