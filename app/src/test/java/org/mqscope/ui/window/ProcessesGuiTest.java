package org.mqscope.ui.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.awt.Toolkit;
import java.awt.datatransfer.DataFlavor;
import java.awt.event.KeyEvent;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTable;
import javax.swing.JTree;

import org.assertj.swing.data.TableCell;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.JOptionPaneFinder;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.QueueInfo;
import org.mqscope.mq.emulated.Credentials;
import org.mqscope.mq.emulated.EmulatedBackend;
import org.mqscope.ui.actions.AppAction;
import org.mqscope.ui.actions.UiState;
import org.mqscope.ui.core.BackendKind;

/**
 * The Processes tab, the tree's badges and Clean Up Stale Queues… in the real window, on the emulation (its users
 * are its own descriptors and threads; the kernel's come from /proc and are tested with real processes in
 * ProcScannerProcessesTest). Skips without a display.
 */
class ProcessesGuiTest {
    private static final MqAttributes TINY = MqAttributes.of(1, 16);

    @RegisterExtension
    final GuiWindow gui = new GuiWindow();
    private final ExecutorService receiver = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-receiver"));

    @AfterEach
    void stopReceiver() throws InterruptedException {
        receiver.shutdownNow();
        assertThat(receiver.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theTabShowsHoldersAndWaitersTheTreeCountsThemAndCtrlCCopiesTheRows() throws Exception {
        EmulatedBackend emulated = gui.closeAfter(new EmulatedBackend());
        emulated.open("/busy", Mq.O_CREAT | Mq.O_RDWR, 0644, TINY).close();
        MqQueue other = emulated.asProcess(Credentials.unprivileged(4242, 1000, 1000)).open("/busy", Mq.O_RDONLY);
        Future<?> waiting = receiver.submit(() -> {
            try (MqQueue q = emulated.open("/busy", Mq.O_RDONLY)) {
                return q.timedReceive(Instant.now().plusSeconds(60));
            }
        });
        FrameFixture window = gui.open(kind -> emulated, BackendKind.EMULATED);
        gui.selectQueue("/busy");
        window.tabbedPane("tabs").selectTab("Processes");
        JTable table = window.table("processes.table").target();

        gui.eventually("a holder of pid 4242 and a blocked receiver", () -> GuiActionRunner.execute(() ->
                column(table, 0).contains("blocked-receive") && column(table, 1).contains("4242")));
        assertThat(GuiActionRunner.execute(() -> column(table, 0)))
                .as("holders first, then the waiter (the sampler's own descriptor is listed too)")
                .containsSubsequence("holder", "blocked-receive");
        gui.eventually("the badge counts two holding processes and one waiter",
                () -> GuiActionRunner.execute(() -> badge("/busy")).matches(".*2 (⇄|open) 1 (⏳|waiting).*"));
        window.label("processes.activity").requireText(java.util.regex.Pattern.compile(
                "2 processes hold it besides mqscope · 1 waiting · last send/receive .*"));
        window.label("messages.activity").requireText(java.util.regex.Pattern.compile("last send/receive .* ago|"
                + "last send/receive just now"));

        window.table("processes.table").selectRows(0, 1);
        window.table("processes.table").focus();
        gui.ctrl(KeyEvent.VK_C);
        gui.eventually("the rows on the clipboard", () -> String.valueOf(Toolkit.getDefaultToolkit()
                .getSystemClipboard().getData(DataFlavor.stringFlavor)).startsWith("Role\tPID\tTID"));
        String copied = (String) Toolkit.getDefaultToolkit().getSystemClipboard().getData(DataFlavor.stringFlavor);
        assertThat(copied.lines()).hasSize(3);

        // a message ends the wait: the waiter leaves the tab
        try (MqQueue q = emulated.open("/busy", Mq.O_WRONLY)) {
            q.send(new byte[] {1}, 0);
        }
        waiting.get(10, TimeUnit.SECONDS);
        gui.eventually("no waiter left", () -> GuiActionRunner.execute(() -> !column(table, 0)
                .contains("blocked-receive")));
        other.close();
    }

    @Test
    void cleanUpUnlinksOnlyTheTickedQueuesAfterConfirmationAndIsOffInReadOnlyMode() throws Exception {
        MqBackend emulated = gui.closeAfter(new EmulatedBackend());
        for (String name : List.of("/stale-a", "/stale-b", "/stale-c", "/used")) {
            emulated.open(name, Mq.O_CREAT | Mq.O_RDWR, 0600, TINY).close();
        }
        MqQueue used = emulated.open("/used", Mq.O_RDONLY);
        FrameFixture window = gui.open(kind -> emulated, BackendKind.EMULATED);
        gui.selectQueue("/stale-a");
        gui.eventually("the tree knows who uses the queues", () -> GuiActionRunner.execute(
                () -> badge("/used").matches(".*1 (⇄|open).*"))); // a scan has been shown, not just the depth

        window.menuItemWithPath("Queue", "Clean Up Stale Queues…").click();
        DialogFixture dialog = WindowFinder.findDialog("stale").withTimeout(gui.waitLimit().toMillis())
                .using(gui.robot());
        dialog.comboBox("stale.idle").selectItem("any time (unused now)");
        dialog.table("stale.table").requireRowCount(3); // /used is held
        dialog.button("stale.unlink").requireDisabled(); // nothing ticked at first
        JTable stale = dialog.table("stale.table").target();
        for (String name : List.of("/stale-a", "/stale-c")) {
            int row = GuiActionRunner.execute(() -> column(stale, 1).indexOf(name));
            dialog.table("stale.table").cell(TableCell.row(row).column(0)).click();
        }
        dialog.button("stale.unlink").click();
        JOptionPaneFinder.findOptionPane().withTimeout(gui.waitLimit().toMillis()).using(gui.robot())
                .buttonWithText("Unlink").click();
        gui.eventually("two unlinked", () -> names(emulated).equals(List.of("/stale-b", "/used")));
        dialog.table("stale.table").requireRowCount(1);
        dialog.button("stale.close").click();
        used.close();

        UiState state = UiState.INITIAL.withBackend(BackendKind.EMULATED);
        assertThat(AppAction.CLEAN_UP_STALE.enabledIn(state)).isTrue();
        assertThat(AppAction.CLEAN_UP_STALE.enabledIn(state.withReadOnly(true))).isFalse();
    }

    private static List<String> names(MqBackend backend) throws Exception {
        return backend.list().stream().map(QueueInfo::name).toList();
    }

    private static List<String> column(JTable table, int column) {
        List<String> out = new java.util.ArrayList<>();
        for (int r = 0; r < table.getRowCount(); r++) {
            out.add(String.valueOf(table.getValueAt(r, column)));
        }
        return out;
    }

    /** The tree row's badge as the renderer draws it. */
    private String badge(String queue) {
        JTree tree = gui.queues().tree();
        int row = tree.getRowForPath(gui.queues().model().pathOf(queue));
        Component c = tree.getCellRenderer().getTreeCellRendererComponent(tree,
                tree.getPathForRow(row).getLastPathComponent(), false, false, true, row, false);
        return ((JLabel) ((JPanel) c).getComponent(1)).getText();
    }
}
