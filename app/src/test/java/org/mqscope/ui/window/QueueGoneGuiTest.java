package org.mqscope.ui.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.JOptionPaneFinder;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.notice.NoticeBar;
import org.mqscope.ui.status.StatusBar;

/**
 * Messages that must not stay or be cut: a queue another program deletes is announced, one this window unlinks is
 * not; a notice about one queue goes when another is selected; the status bar's texts carry a tooltip.
 */
class QueueGoneGuiTest {
    private static final String QUEUE = "/gui-rough-gone";
    private static final String OTHER = "/gui-rough-other";

    @RegisterExtension
    final GuiWindow gui = new GuiWindow();

    @Test
    void aQueueDeletedByAnotherProgramIsAnnouncedOneUnlinkedHereIsNot() throws Exception {
        MqBackend emulated = gui.closeAfter(MqBackends.emulated());
        emulated.open(QUEUE, Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(4, 64)).close();
        emulated.open(OTHER, Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(4, 64)).close();
        FrameFixture window = gui.open(kind -> emulated, BackendKind.EMULATED);
        gui.selectQueue(QUEUE);

        emulated.unlink(QUEUE); // another program
        NoticeBar notice = (NoticeBar) gui.robot().finder().findByName(gui.frame(), "notice", false);
        gui.eventually("the notice", () -> (QUEUE + " no longer exists: another program unlinked it.")
                .equals(notice.headlineText()));

        window.button("notice.close").click();
        gui.selectQueue(OTHER);
        window.button("unlink").click();
        JOptionPaneFinder.findOptionPane().withTimeout(gui.waitLimit().toMillis()).using(gui.robot())
                .buttonWithText("Unlink").click();
        gui.eventually("gone from the tree", () -> gui.queues().model().pathOf(OTHER) == null);
        gui.settle();
        assertThat(GuiActionRunner.execute(notice::isVisible)).as("unlinked here: no notice").isFalse();
        window.label("status.message").requireText("Unlinked " + OTHER + ".");
        assertThat(window.label("status.message").target().getToolTipText()).isEqualTo("Unlinked " + OTHER + ".");
    }

    @Test
    void aNoticeAboutOneQueueGoesWhenAnotherIsSelectedAndReadOnlyTextsGoWithTheMode() {
        org.mqscope.ui.core.Edt.run(() -> {
            NoticeBar notice = new NoticeBar();
            notice.showAbout("/a", false, "Peeked /a by drain and restore: 3 messages drained and 3 restored.",
                    null);
            notice.dismissUnlessAbout("/a");
            assertThat(notice.headlineText()).startsWith("Peeked /a");
            notice.dismissUnlessAbout("/b");
            assertThat(notice.headlineText()).isNull();
            notice.show("The kernel backend did not start.", null); // about the window: stays
            notice.dismissUnlessAbout("/b");
            assertThat(notice.headlineText()).isEqualTo("The kernel backend did not start.");

            StatusBar status = new StatusBar();
            status.setMessage(InspectorController.READ_ONLY_PEEK);
            assertThat(status.messageText()).matches(Pattern.compile("Read-only mode: .*"));
            status.clearMessageStartingWith("Read-only mode");
            assertThat(status.messageText()).isNull();
        });
    }
}
