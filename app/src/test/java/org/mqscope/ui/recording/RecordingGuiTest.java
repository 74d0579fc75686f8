package org.mqscope.ui.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.event.KeyEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import javax.swing.Action;
import javax.swing.JTable;

import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JFileChooserFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mqscope.Needs;
import org.mqscope.Needs.Need;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.RecordedEvent;
import org.mqscope.ui.actions.AppAction;
import org.mqscope.ui.core.BackendFactory;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.window.GuiWindow;

/**
 * Recording in the window, on the real kernel: Queue → Record… on a queue, this JVM sends and receives through
 * the kernel meanwhile, and the recording window lists each call with this process's pid, the priority and the
 * payload; the find bar's filter narrows the list; Stop, Save As… through the file chooser, and File → Open
 * Recording… shows the same rows again. On the emulation Record is off and says why. Needs root, BTF and the built
 * mqpeek helper; fails instead of skipping under CI.
 */
class RecordingGuiTest {
    private static final int[] PRIORITIES = {1, 5, 9, 5, 1};

    @RegisterExtension
    final GuiWindow gui = new GuiWindow();
    @TempDir
    Path dir;

    /** The queue a test records, the test's own descriptor on it, and the main window. */
    private record Setup(String name, MqQueue q, FrameFixture window) {
    }

    /** The kernel backend of this JVM (it plays producer and consumer), a queue, and the window on the kernel. */
    private Setup kernelWindow() throws Exception {
        Needs.root("recording needs the helper's CAP_BPF and CAP_PERFMON");
        MqBackend kernel;
        try {
            kernel = gui.closeAfter(MqBackends.kernel());
        } catch (Exception | LinkageError e) {
            throw Needs.missing(Need.KERNEL_MQUEUE, "kernel backend unavailable: " + e.getMessage());
        }
        Needs.that(kernel.recorder().isPresent(), Need.TOOL, "no kernel recorder: the mqpeek helper or BTF is "
                + "missing (clang, bpftool and libbpf-dev build it)");
        String name = "/mqscope-rec-gui-" + UUID.randomUUID();
        MqQueue q = kernel.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR | Mq.O_NONBLOCK, 0600,
                MqAttributes.of(10, 64));
        gui.closeAfter(() -> kernel.unlink(name));
        gui.closeAfter(q);
        q.send("queued before".getBytes(StandardCharsets.US_ASCII), 3); // in the starting snapshot
        FrameFixture window = gui.open(BackendFactory.standard(), BackendKind.KERNEL);
        return new Setup(name, q, window);
    }

    /**
     * Closes the recording windows a test left open without asking: an unsaved one would make the main window's
     * quit (after each test) ask first, and wait for an answer nobody gives. In a finally of every test that records.
     */
    private void discardRecordings() {
        if (gui.frame() != null) {
            GuiActionRunner.execute(() -> gui.frame().recordingWindows().forEach(RecordingWindow::discardAndClose));
        }
    }

    /** Queue → Record… on the selected queue, through the toolbar and the question; waits for the recorder. */
    private RecordingWindow record(Setup s) throws Exception {
        gui.selectQueue(s.name());
        Action record = gui.frame().actions().get(AppAction.RECORD);
        gui.eventually("Record enabled on the kernel", record::isEnabled);
        s.window().button("record").click();
        DialogFixture ask = WindowFinder.findDialog("record.dialog").withTimeout(10_000).using(gui.robot());
        assertThat(ask.list("record.queues").selection()).containsExactly(s.name());
        ask.button("record.start").click();
        gui.eventually("a recording window", () -> gui.frame().recordingWindows().size() == 1);
        RecordingWindow rec = GuiActionRunner.execute(() -> gui.frame().recordingWindows().get(0));
        gui.eventually("the recorder in place", () -> rec.shownStatus().startsWith("● Recording " + s.name()));
        return rec;
    }

    /** Five sends at PRIORITIES and two receives (the 9, then the first 5), by this process. */
    private static void traffic(MqQueue q) throws Exception {
        for (int i = 0; i < PRIORITIES.length; i++) {
            q.send(("order-" + i).getBytes(StandardCharsets.US_ASCII), PRIORITIES[i]);
        }
        assertThat(new String(q.receive().body(), StandardCharsets.US_ASCII)).isEqualTo("order-2"); // prio 9
        assertThat(new String(q.receive().body(), StandardCharsets.US_ASCII)).isEqualTo("order-1"); // first 5
    }

    @Test
    void rowsAppearWhileTheRecordingRuns() throws Exception {
        Setup s = kernelWindow();
        try {
            RecordingWindow rec = record(s);
            traffic(s.q());
            gui.eventually("7 rows while it records", () -> rec.shownEvents().size() == 7);
            assertThat(GuiActionRunner.execute(rec::recording)).isTrue();
        } finally {
            discardRecordings();
        }
    }

    @Test
    void aKernelRecordingListsFiltersSavesAndReopens() throws Exception {
        Setup s = kernelWindow();
        try {
            listFilterSaveReopen(s);
        } finally {
            discardRecordings();
        }
    }

    private void listFilterSaveReopen(Setup s) throws Exception {
        FrameFixture window = s.window();
        String name = s.name();
        MqQueue q = s.q();
        RecordingWindow rec = record(s);
        FrameFixture recording = new FrameFixture(gui.robot(), rec);
        long pid = ProcessHandle.current().pid();
        traffic(q);
        recording.button("recording.stop").click();
        gui.eventually("stopped", () -> !rec.recording() && recording.button("recording.save").target().isEnabled());
        gui.eventually("7 rows", () -> rec.shownEvents().size() == 7);
        List<RecordedEvent> rows = GuiActionRunner.execute(rec::shownEvents);
        assertThat(rows).allSatisfy(e -> {
            assertThat(e.event().pid()).isEqualTo(pid);
            assertThat(e.event().queue()).isEqualTo(name);
            assertThat(e.event().errno()).isNull();
        });
        assertThat(rows).extracting(e -> e.event().call().replace("mq_timed", "") + " " + e.event().priority() + " "
                + new String(e.payload(), StandardCharsets.US_ASCII)).containsExactly(
                "send 1 order-0", "send 5 order-1", "send 9 order-2", "send 5 order-3", "send 1 order-4",
                "receive 9 order-2", "receive 5 order-1");
        JTable table = recording.table("recording.events").target();
        assertThat(GuiActionRunner.execute(() -> table.getValueAt(0, EventTableModel.Column.PROCESS.ordinal())))
                .asString().matches("\\S+ " + pid + "(/\\d+)?"); // command, pid, and the thread when not the main one

        // the find bar's language: prio:5 keeps the two sends at 5 and the receive of one of them
        recording.textBox("recording.find.field").enterText("prio:5\n");
        gui.eventually("3 rows at priority 5", () -> table.getRowCount() == 3);
        assertThat(GuiActionRunner.execute(rec::shownEvents)).allSatisfy(e ->
                assertThat(e.event().priority()).isEqualTo(5));
        recording.textBox("recording.find.field").deleteText().enterText("order-4\n");
        gui.eventually("1 row with order-4", () -> table.getRowCount() == 1);
        recording.textBox("recording.find.field").deleteText().pressAndReleaseKeys(KeyEvent.VK_ENTER);
        gui.eventually("every row again", () -> table.getRowCount() == 7);

        // who talks to whom: this process sent the two messages it received, with their time in queue
        recording.tabbedPane("recording.tabs").selectTab("Who Talks to Whom");
        JTable talk = recording.table("recording.talk").target();
        gui.eventually("a sender → receiver row", () -> talk.getRowCount() == 1);
        assertThat(GuiActionRunner.execute(() -> talk.getValueAt(0, 0) + " " + talk.getValueAt(0, 1) + " "
                + talk.getValueAt(0, 2) + " " + talk.getValueAt(0, 3))).matches(".* " + pid + "  → " + name
                + " →  .* " + pid + " 2");
        assertThat(recording.label("recording.talk.summary").text()).contains("5 sent", "2 received", "p50");

        recording.button("recording.save").click();
        JFileChooserFixture save = recording.fileChooser("recording.chooser");
        save.setCurrentDirectory(dir.toFile());
        save.fileNameTextBox().setText("saved.jsonl");
        save.approve();
        Path saved = dir.resolve("saved.jsonl");
        gui.eventually("saved", () -> rec.shownStatus().contains("saved as " + saved));
        long recorded = GuiActionRunner.execute(rec::totalEvents); // mqscope's own calls too: hidden, not dropped
        assertThat(recorded).isGreaterThanOrEqualTo(7);
        assertThat(Files.readAllLines(saved)).hasSize((int) (1 + recorded + 1)); // header, events, end
        recording.close(); // saved: no question
        gui.eventually("the recording window closed", () -> gui.frame().recordingWindows().isEmpty());

        window.menuItem("menuitem.open_recording").click();
        JFileChooserFixture open = window.fileChooser("recording.chooser");
        assertThat(open.target().getCurrentDirectory().toPath()).as("the last directory is remembered")
                .isEqualTo(dir);
        open.selectFile(saved.toFile());
        open.approve();
        gui.eventually("the file's window", () -> gui.frame().recordingWindows().size() == 1);
        RecordingWindow reopened = GuiActionRunner.execute(() -> gui.frame().recordingWindows().get(0));
        gui.eventually("the same rows", () -> reopened.shownEvents().size() == 7);
        assertThat(GuiActionRunner.execute(reopened::shownEvents)).isEqualTo(rows);
        GuiActionRunner.execute(reopened::close);
        assertThat(q.getAttributes().currentMessages()).as("recording took nothing").isEqualTo(4);
    }

    @Test
    void recordIsOffOnTheEmulationAndSaysWhy() throws Exception {
        FrameFixture window = gui.open(BackendFactory.standard(), BackendKind.EMULATED);
        Action record = gui.frame().actions().get(AppAction.RECORD);
        gui.eventually("the veto's reason as the tooltip", () -> String.valueOf(record.getValue(
                Action.SHORT_DESCRIPTION)).contains("emulation has no recorder"));
        window.button("record").requireDisabled();
        assertThat(window.button("record").target().getToolTipText()).startsWith("Record is off: the emulation");
        gui.robot().pressKey(KeyEvent.VK_CONTROL);
        gui.robot().pressKey(KeyEvent.VK_SHIFT);
        gui.robot().pressAndReleaseKey(KeyEvent.VK_R); // its shortcut does nothing either
        gui.robot().releaseKey(KeyEvent.VK_SHIFT);
        gui.robot().releaseKey(KeyEvent.VK_CONTROL);
        gui.settle();
        assertThat(gui.frame().recordingWindows()).isEmpty();
    }
}
