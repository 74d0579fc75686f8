package org.mqscope.ui.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.data.TableCell.row;

import java.awt.event.KeyEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.swing.JTable;
import org.assertj.swing.core.KeyPressInfo;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.JOptionPaneFinder;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;
import org.mqscope.ui.core.BackendFactory;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.Dialogs;

/**
 * A kernel peek of a full queue with a blocked sender, in the real window: the table shows the queue's receive
 * order after the restore (the sender's priority-7 message first, although it was drained second), the message
 * that could not go back is not a row but named as held, and once a consumer makes room the running window puts
 * it back by itself and says so.
 */
class HeldMessagesGuiTest {
    @RegisterExtension
    final GuiWindow gui = new GuiWindow();
    @TempDir
    Path journals;

    @AfterEach
    void defaultJournalDirectory() {
        System.clearProperty("mqscope.journal.dir");
    }

    @Test
    void drainOrderBecomesReceiveOrderAndAHeldMessageGoesBackOnceThereIsRoom() throws Exception {
        System.setProperty("mqscope.journal.dir", journals.toString());
        MqBackend kernel = gui.drainRestoreKernel();
        String name = "/mqscope-rough-" + UUID.randomUUID();
        MqQueue q = gui.closeAfter(kernel.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR | Mq.O_NONBLOCK, 0600,
                MqAttributes.of(3, 64)));
        gui.closeAfter(() -> kernel.unlink(name));
        for (int i = 0; i < 3; i++) {
            q.send(("m" + i).getBytes(StandardCharsets.US_ASCII), 1);
        }
        MqQueue blocking = gui.closeAfter(kernel.open(name, Mq.O_WRONLY));
        CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
            try {
                blocking.timedSend("urgent".getBytes(StandardCharsets.US_ASCII), 7,
                        Instant.now().plusSeconds(60));
            } catch (MqException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitBlockedSender();

        FrameFixture window = gui.open(BackendFactory.standard(), BackendKind.KERNEL);
        gui.selectQueue(name);
        window.pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_F5));
        JOptionPaneFinder.findOptionPane().withTimeout(gui.waitLimit().toMillis()).using(gui.robot())
                .buttonWithText(Dialogs.PEEK).click();
        JTable table = window.table("messages.table").target();
        gui.eventually("the peek shown", () -> window.label("messages.info").text().startsWith("3 messages"));
        sender.get(10, TimeUnit.SECONDS);
        assertThat(GuiActionRunner.execute(table::getRowCount)).isEqualTo(3);
        window.table("messages.table").requireCellValue(row(0).column(3), "urgent");
        window.table("messages.table").requireCellValue(row(1).column(3), "m0");
        window.table("messages.table").requireCellValue(row(2).column(3), "m1");
        assertThat(window.label("messages.info").text()).contains("1 more held in a journal (not in the queue)");
        window.label("notice.headline").requireText("Peeked " + name + " by drain and restore: 1 message could "
                + "not be put back yet and is held in a journal.");
        assertThat(Files.list(journals).count()).isEqualTo(1);

        // A consumer makes room: the window puts the held message back by itself.
        assertThat(new String(q.receive().body(), StandardCharsets.US_ASCII)).isEqualTo("urgent");
        gui.eventually("restored by the window", () -> window.label("notice.headline").text()
                .equals("Restored messages kept in journals."));
        gui.settle();
        assertThat(q.getAttributes().currentMessages()).isEqualTo(3);
        assertThat(Files.list(journals).count()).as("journal deleted").isZero();
        List<String> rest = List.of(text(q), text(q), text(q));
        assertThat(rest).containsExactly("m0", "m1", "m2");
    }

    private static String text(MqQueue q) throws MqException {
        return new String(q.receive().body(), StandardCharsets.US_ASCII);
    }

    /** A thread blocked in the kernel looks RUNNABLE to Java; its stack shows the native send. */
    private static void awaitBlockedSender() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            boolean blocked = Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getState()
                    == Thread.State.RUNNABLE && List.of(t.getStackTrace()).stream()
                    .anyMatch(f -> f.getMethodName().equals("mq_timedsend")));
            if (blocked) {
                Thread.sleep(20); // from entering the native call to sleeping in the kernel
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the sender never blocked");
    }
}
