package org.mqscope.ui.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.event.KeyEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.swing.JOptionPane;
import javax.swing.JTable;
import org.assertj.swing.core.KeyPressInfo;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.JOptionPaneFinder;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;
import org.mqscope.ui.core.BackendFactory;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.Dialogs;
import org.mqscope.ui.transfer.TransferDialogs;

/**
 * Queue → Move Messages to Queue… with rows from the middle of a real kernel queue: the window asks first, with
 * the risks the peek question lists (here a full queue), Cancel moves nothing, Move moves exactly the selected
 * messages and leaves the rest in their order.
 */
class SelectionMoveGuiTest {
    @RegisterExtension
    final GuiWindow gui = new GuiWindow();

    private String queue(MqBackend kernel, String role, long maxmsg, String... bodies) throws MqException {
        String name = "/mqscope-move-gui-" + role + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (MqQueue q = kernel.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR | Mq.O_NONBLOCK, 0600,
                MqAttributes.of(maxmsg, 64))) {
            for (String b : bodies) {
                q.send(b.getBytes(StandardCharsets.US_ASCII), 1);
            }
        }
        gui.closeAfter(() -> kernel.unlink(name));
        return name;
    }

    private static List<String> drain(MqBackend kernel, String name) throws MqException {
        List<String> out = new ArrayList<>();
        try (MqQueue q = kernel.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
            for (;;) {
                try {
                    out.add(new String(q.receive().body(), StandardCharsets.US_ASCII));
                } catch (MqException e) {
                    if (e.errno() == Errno.EAGAIN) {
                        return out;
                    }
                    throw e;
                }
            }
        }
    }

    private static long depth(MqBackend kernel, String name) throws MqException {
        try (MqQueue q = kernel.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
            return q.getAttributes().currentMessages();
        }
    }

    private JOptionPaneFixture question(String title) {
        JOptionPaneFixture pane = JOptionPaneFinder.findOptionPane().withTimeout(gui.waitLimit().toMillis())
                .using(gui.robot());
        pane.requireTitle(title);
        return pane;
    }

    /** Move Messages to Queue…, the target chosen in its list, up to the move question. */
    private JOptionPaneFixture askToMove(FrameFixture window, String source, String target) {
        window.menuItem("menuitem.move_messages").click();
        JOptionPaneFixture which = question("Move 2 messages of " + source);
        GuiActionRunner.execute(() -> {
            JOptionPane p = which.target();
            p.setInputValue(target); // as picking it in the list would
            p.setValue(JOptionPane.OK_OPTION);
        });
        return question("Move 2 from the middle of " + source + "?");
    }

    @Test
    void rowsFromTheMiddleMoveAfterTheQuestionAndTheRestKeepTheirOrder() throws Exception {
        MqBackend kernel = gui.drainRestoreKernel();
        String source = queue(kernel, "src", 4, "m0", "m1", "m2", "m3"); // full: a risk the question names
        String target = queue(kernel, "dst", 4);
        FrameFixture window = gui.open(BackendFactory.standard(), BackendKind.KERNEL);
        gui.selectQueue(source);
        window.pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_F5));
        question("Peek " + source + " by drain and restore?").buttonWithText(Dialogs.PEEK).click();
        JTable table = window.table("messages.table").target();
        gui.eventually("peeked", () -> GuiActionRunner.execute(table::getRowCount) == 4);
        window.table("messages.table").selectRows(1, 2);

        JOptionPaneFixture ask = askToMove(window, source, target);
        ask.label("peek.risks").requireText(Pattern.compile("(?s).*The queue is full.*"));
        ask.buttonWithText(Dialogs.CANCEL).click();
        gui.settle();
        assertThat(depth(kernel, target)).as("cancelled: nothing moved").isZero();
        assertThat(depth(kernel, source)).isEqualTo(4);

        askToMove(window, source, target).buttonWithText(TransferDialogs.MOVE).click();
        gui.eventually("moved", () -> depth(kernel, target) == 2);
        gui.eventually("the source got the rest back", () -> depth(kernel, source) == 2);
        gui.settle();
        assertThat(drain(kernel, target)).containsExactly("m1", "m2");
        assertThat(drain(kernel, source)).containsExactly("m0", "m3");
    }
}
