package org.mqscope.ui.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.data.TableCell.row;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.swing.JTable;
import javax.swing.LookAndFeel;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.UnsupportedLookAndFeelException;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.PeekMethod;
import org.mqscope.ui.core.BackendFactory;
import org.mqscope.ui.core.BackendKind;

/**
 * The window on the real kernel where the exact peek can run (root, BTF, the built helper): selecting a queue
 * lists its messages at once, asks nothing, keeps them live, and read-only mode changes none of that. Fails instead
 * of skipping under CI=true, where the helper is always built.
 */
class ExactKernelPeekGuiTest {
    @RegisterExtension
    final GuiWindow gui = new GuiWindow();
    /** Taken before any window of this class installs its theme (extensions run before @BeforeEach methods). */
    private static LookAndFeel before;

    @BeforeAll
    static void rememberLookAndFeel() {
        before = UIManager.getLookAndFeel();
    }

    /**
     * The window installs its FlatLaf theme for the whole JVM, and FlatLaf's icon colour filter follows it: put the
     * look and feel back, so that tests after this one (ActionIconsTest renders icons outside any window) see what
     * they would have seen without it.
     */
    @AfterAll
    static void restoreLookAndFeel() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            try {
                UIManager.setLookAndFeel(before);
            } catch (UnsupportedLookAndFeelException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aKernelQueueIsPeekedExactlyWithoutAQuestionAndLive() throws Exception {
        MqBackend kernel;
        try {
            kernel = MqBackends.kernel();
        } catch (Exception | LinkageError e) {
            Assumptions.abort("kernel backend unavailable: " + e.getMessage());
            return;
        }
        gui.closeAfter(kernel);
        String name = "/mqscope-exact-peek-gui-" + UUID.randomUUID();
        MqQueue q = kernel.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR | Mq.O_NONBLOCK);
        gui.closeAfter(() -> kernel.unlink(name));
        gui.closeAfter(q);
        if (q.peekSupport().method() != PeekMethod.EXACT) {
            String why = "the exact kernel peek cannot run here: " + q.peekSupport().reason();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI=true, yet " + why);
            }
            Assumptions.abort(why);
        }
        q.send("first".getBytes(StandardCharsets.US_ASCII), 2);
        q.send("urgent".getBytes(StandardCharsets.US_ASCII), 7);

        FrameFixture window = gui.open(BackendFactory.standard(), BackendKind.KERNEL);
        gui.selectQueue(name);
        JTable table = window.table("messages.table").target();
        gui.eventually("the peeked rows, with no question asked", () -> table.getRowCount() == 2);
        window.table("messages.table").requireCellValue(row(0).column(3), "urgent");
        window.table("messages.table").requireCellValue(row(1).column(3), "first");
        assertThat(window.label("messages.info").text()).contains("exact peek (live)");
        window.label("status.peek").requireText("Peek: exact, live (~2 Hz)");

        // live: a message sent by someone else appears without F5
        q.send("later".getBytes(StandardCharsets.US_ASCII), 0);
        gui.eventually("the live update", () -> table.getRowCount() == 3);

        // read-only mode keeps the exact peek
        window.toggleButton("readOnly").click();
        gui.settle();
        q.send("read-only".getBytes(StandardCharsets.US_ASCII), 0);
        gui.eventually("a live update in read-only mode", () -> table.getRowCount() == 4);
        assertThat(q.getAttributes().currentMessages()).as("nothing taken").isEqualTo(4);
    }
}
