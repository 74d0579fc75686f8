package org.mqscope.ui.window;

import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.BackendFactory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.data.TableCell.row;

import java.awt.event.KeyEvent;
import org.assertj.swing.core.KeyPressInfo;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqQueue;
import org.mqscope.ui.compose.SendComposerPanel;

/**
 * The Send tab in the real window on the emulated backend: Ctrl+Enter sends what was typed and the message table
 * shows it without a refresh; a bulk send into a small queue stops at EAGAIN and says so; read-only mode turns
 * Send off with the reason. Skips without a display; Swing off the EDT fails the test.
 */
class SendComposerGuiTest {
    private static final String QUEUE = "/gui-send";

    @RegisterExtension
    final GuiWindow gui = new GuiWindow();
    private final MqBackend emulated = gui.closeAfter(MqBackends.emulated());
    private FrameFixture window;

    private void openOnQueue() throws Exception {
        try (MqQueue q = emulated.open(QUEUE, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600, MqAttributes.of(10, 128))) {
            assertThat(q.getAttributes().currentMessages()).isZero();
        }
        BackendFactory factory = kind -> kind == BackendKind.EMULATED ? emulated : new FakeBackend("kernel");
        window = gui.open(factory, BackendKind.EMULATED);
        gui.selectQueue(QUEUE);
        window.tabbedPane("tabs").selectTab("Send");
        gui.eventually("the queue's msgsize", () -> window.label("compose.target").text()
                .equals("To " + QUEUE + " · 0 of 10 · msgsize 128"));
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
        gui.ctrl(KeyEvent.VK_ENTER);
        gui.eventually("the sent message in the table", () -> tableRows() == 1);
        window.table("messages.table").requireCellValue(row(0).column(1), "12");
        window.table("messages.table").requireCellValue(row(0).column(3), "hello from the composer");
        gui.eventually("the result", () -> window.label("compose.result").text()
                .equals("Sent 1 message to " + QUEUE + "."));
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
        gui.eventually("the EAGAIN report", () -> window.label("compose.result").text()
                .equals("Sent 10 of 20; the 11th: EAGAIN — the queue is full (10 of 10)"));
        gui.eventually("ten rows, without a refresh", () -> tableRows() == 10);
        window.table("messages.table").requireCellValue(row(0).column(3), "bulk 1");
        window.table("messages.table").requireCellValue(row(9).column(3), "bulk 10");
        window.button("compose.send").requireEnabled();
        window.textBox("compose.editor").enterText("x".repeat(200));
        window.label("compose.info").requireText(
                "Text: 206–207 bytes is more than the queue's msgsize of 128 (EMSGSIZE)");
        window.button("compose.send").requireDisabled();
        java.awt.Component cancel = gui.robot().finder().findByName(gui.frame(), "compose.cancel", false);
        assertThat(GuiActionRunner.execute(cancel::isShowing)).as("Cancel hidden once done").isFalse();
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
        gui.settle();
        window.button("compose.send").requireDisabled();
        window.label("compose.info").requireText(SendComposerPanel.READ_ONLY);
    }

    @Test
    void countAndPriorityBelongToTheQueueAndTheSessionTabMovesOnAndBadNumbersAreFlagged() throws Exception {
        emulated.open("/gui-rough-other", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(10, 128)).close();
        openOnQueue();
        window.spinner("compose.count").enterTextAndCommit("20");
        window.spinner("compose.priority").enterTextAndCommit("12");
        gui.selectQueue("/gui-rough-other");
        window.spinner("compose.count").requireValue(1L);
        window.spinner("compose.priority").requireValue(0L);
        gui.selectQueue(QUEUE);
        window.spinner("compose.count").requireValue(20L);
        window.spinner("compose.priority").requireValue(12L);

        // Tab leaves the body; Ctrl+Tab types a tab into it.
        window.textBox("compose.editor").deleteText().enterText("a");
        window.textBox("compose.editor").pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_TAB));
        gui.eventually("focus moved on", () -> !window.textBox("compose.editor").target().isFocusOwner());
        assertThat(window.textBox("compose.editor").text()).isEqualTo("a");
        window.textBox("compose.editor").focus();
        gui.eventually("the body focused", () -> window.textBox("compose.editor").target().isFocusOwner());
        gui.ctrl(KeyEvent.VK_TAB);
        gui.robot().waitForIdle();
        assertThat(window.textBox("compose.editor").text()).isEqualTo("a\t");

        // An out-of-range priority stays as typed, flagged, and Send is off.
        window.spinner("compose.priority").enterText("40000");
        window.textBox("compose.editor").focus();
        gui.settle();
        assertThat(((javax.swing.JSpinner.DefaultEditor) window.spinner("compose.priority").target().getEditor())
                .getTextField().getText()).isEqualTo("40000");
        window.label("compose.info").requireText(java.util.regex.Pattern.compile("Priority: .*40000.*"));
        window.button("compose.send").requireDisabled();

        // Another session: nothing carried over.
        window.spinner("compose.priority").enterTextAndCommit("3");
        window.focus();
        gui.ctrl(KeyEvent.VK_Q);
        MqBackend next = gui.closeAfter(MqBackends.emulated()); // the first window closed its backends
        next.open(QUEUE, Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(10, 128)).close();
        window = gui.open(kind -> kind == BackendKind.EMULATED ? next : new FakeBackend("kernel"),
                BackendKind.EMULATED);
        gui.selectQueue(QUEUE);
        window.tabbedPane("tabs").selectTab("Send");
        window.spinner("compose.count").requireValue(1L);
        window.spinner("compose.priority").requireValue(0L);
    }
}
