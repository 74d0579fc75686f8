package org.mqscope.ui.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.event.KeyEvent;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.swing.JTable;
import org.assertj.swing.core.KeyPressInfo;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.JOptionPaneFinder;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqQueue;
import org.mqscope.ui.actions.AppAction;
import org.mqscope.ui.core.BackendFactory;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.Dialogs;

/**
 * The kernel-peek question on real kernel queues: "don't explain again" skips only the general explanation, a risk
 * of the queue at hand (here a full queue, whose blocked senders would slip in) is asked every time, View → Explain Kernel Peeks First turns
 * the explanation back on, and an empty queue nobody else uses is peeked without a question.
 */
class KernelPeekQuestionGuiTest {
    @RegisterExtension
    final GuiWindow gui = new GuiWindow();

    private MqBackend kernel() {
        return gui.drainRestoreKernel();
    }

    private String queueWith(MqBackend kernel, int messages) throws Exception {
        String name = "/mqscope-rough-" + UUID.randomUUID();
        try (MqQueue q = kernel.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600,
                org.mqscope.mq.MqAttributes.of(2, 64))) {
            for (int i = 0; i < messages; i++) {
                q.send(("m" + i).getBytes(StandardCharsets.US_ASCII), 1);
            }
        }
        gui.closeAfter(() -> kernel.unlink(name));
        return name;
    }

    private JOptionPaneFixture question() {
        return JOptionPaneFinder.findOptionPane().withTimeout(gui.waitLimit().toMillis()).using(gui.robot());
    }

    /**
     * F5, then waits for {@code peeked}. Other mqscope windows on this machine keep every queue open (their
     * samplers), which is a real risk: a question that lists risks is answered Peek; one that only explains (or
     * offers "don't explain again") fails the test.
     */
    private void peekExpectingNoExplanation(FrameFixture window, java.util.concurrent.Callable<Boolean> peeked)
            throws Exception {
        window.pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_F5));
        gui.eventually("peeked without an explanation", () -> {
            java.util.Collection<java.awt.Component> asked = gui.robot().finder().findAll(
                    c -> c instanceof javax.swing.JOptionPane && c.isShowing());
            if (!asked.isEmpty()) {
                javax.swing.JOptionPane pane = (javax.swing.JOptionPane) asked.iterator().next();
                assertThat(gui.robot().finder().findAll(pane, c -> "peek.risks".equals(c.getName())))
                        .as("asked only for a risk").isNotEmpty();
                assertThat(gui.robot().finder().findAll(pane, c -> "peek.dontAsk".equals(c.getName())
                        && c.isShowing())).isEmpty();
                pane.setValue(Dialogs.PEEK); // on the EDT here: as a click would
                return false;
            }
            return peeked.call();
        });
    }

    @Test
    void aRiskOfTheQueueIsAskedEvenAfterDontExplainAgain() throws Exception {
        MqBackend kernel = kernel();
        String name = queueWith(kernel, 2); // full: maxmsg 2
        gui.prefs().setAskBeforeKernelPeek(false); // as if "don't explain this again" had been ticked before
        FrameFixture window = gui.open(BackendFactory.standard(), BackendKind.KERNEL);
        assertThat(GuiActionRunner.execute(() -> gui.frame().actions().get(AppAction.EXPLAIN_KERNEL_PEEK)
                .getValue(javax.swing.Action.SELECTED_KEY))).isEqualTo(false);
        gui.selectQueue(name);
        window.pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_F5));
        JOptionPaneFixture ask = question();
        ask.requireTitle("Peek " + name + " by drain and restore?");
        ask.label("peek.risks").requireText(java.util.regex.Pattern.compile("(?s).*The queue is full.*"));
        assertThat(GuiActionRunner.execute(() -> gui.robot().finder().findAll(ask.target(),
                c -> "peek.dontAsk".equals(c.getName()) && c.isShowing()))).as("no way to silence a risk").isEmpty();
        ask.buttonWithText(Dialogs.CANCEL).click();
        gui.settle();
        JTable table = window.table("messages.table").target();
        assertThat(GuiActionRunner.execute(table::getRowCount)).as("cancelled: nothing peeked").isZero();

        // With room in the queue nothing is at risk: "don't explain again" holds, the peek runs at once.
        try (MqQueue q = kernel.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
            q.receive();
        }
        peekExpectingNoExplanation(window, () -> table.getRowCount() == 1);
        // The setting turns the explanation back on.
        gui.window().menuItem("menuitem.explain_kernel_peek").click();
        gui.settle();
        assertThat(gui.prefs().askBeforeKernelPeek()).isTrue();
        gui.window().pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_F5));
        JOptionPaneFixture again = question();
        again.requireTitle("Peek " + name + " by drain and restore?"); // the explanation (and any risks) again
        again.buttonWithText(Dialogs.CANCEL).click();
    }

    @Test
    void anEmptyQueueNobodyUsesIsPeekedWithoutAQuestion() throws Exception {
        MqBackend kernel = kernel();
        String name = queueWith(kernel, 0);
        FrameFixture window = gui.open(BackendFactory.standard(), BackendKind.KERNEL);
        assertThat(gui.prefs().askBeforeKernelPeek()).isTrue();
        gui.selectQueue(name);
        peekExpectingNoExplanation(window, () -> window.label("messages.info").target().getText()
                .startsWith("0 messages"));
    }
}
