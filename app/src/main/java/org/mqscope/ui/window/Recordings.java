package org.mqscope.ui.window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;

import org.mqscope.monitor.SampleBatch;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.QueueRecorder;
import org.mqscope.ui.actions.ActionSet;
import org.mqscope.ui.actions.AppAction;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.QueueContext;
import org.mqscope.ui.core.QueueView;
import org.mqscope.ui.recording.RecordDialog;
import org.mqscope.ui.recording.RecordingPrefs;
import org.mqscope.ui.recording.RecordingWindow;

/**
 * Queue → Record… and File → Open Recording…: whether the backend in use can record (asked on mq-io whenever it
 * changes; where it cannot, Record is off with the reason and the one command that enables it as its tooltip), the
 * recording windows open now, and what quitting does with recordings not saved yet. EDT only.
 */
final class Recordings implements QueueView {
    static final String EMULATED = "the emulation has no recorder: recording watches real processes on the real "
            + "kernel (choose Kernel in the toolbar)";
    static final String NO_BTF = "the kernel has no BTF (" + "/sys/kernel/btf/vmlinux is missing; recording needs a"
            + " kernel built with CONFIG_DEBUG_INFO_BTF, as Debian, Ubuntu and Fedora ship)";
    static final String NO_HELPER = "the mqpeek helper is not installed (it is built when clang, bpftool and "
            + "libbpf-dev are present: sudo apt-get install clang llvm libbpf-dev bpftool, then rebuild)";
    private static final Path BTF = Path.of("/sys/kernel/btf/vmlinux");

    private final QueueContext ctx;
    private final ActionSet actions;
    private final List<RecordingWindow> open = new ArrayList<>();
    private List<String> names = List.of();
    /** Counts backend changes, so a late answer about an older backend is dropped. */
    private int generation;

    Recordings(QueueContext ctx, ActionSet actions) {
        this.ctx = ctx;
        this.actions = actions;
        actions.veto(AppAction.RECORD, "no backend has started yet");
    }

    @Override
    public void backendChanged(BackendKind kind) {
        int mine = ++generation;
        names = List.of();
        if (kind == BackendKind.EMULATED) {
            actions.veto(AppAction.RECORD, EMULATED);
            return;
        }
        actions.veto(AppAction.RECORD, "finding out whether this backend can record…");
        MqBackend backend = ctx.backend();
        if (backend == null) {
            return;
        }
        ctx.io().run(() -> backend.recorder().isPresent() ? null : Files.exists(BTF) ? NO_HELPER : NO_BTF,
                why -> {
                    if (mine == generation) {
                        actions.veto(AppAction.RECORD, why);
                    }
                }, failure -> {
                    if (mine == generation) {
                        actions.veto(AppAction.RECORD, "the backend could not say: " + failure.getMessage());
                    }
                });
    }

    @Override
    public void sampled(SampleBatch batch) {
        if (batch.failure() == null) {
            names = batch.queues().stream().map(q -> q.name()).sorted().toList();
        }
    }

    /** Queue → Record…: asks which queues, then opens a recording window that records them. */
    void record() {
        assert SwingUtilities.isEventDispatchThread();
        String selected = ctx.queue();
        List<String> choices = names;
        if (selected != null && !choices.contains(selected)) {
            choices = new ArrayList<>(choices);
            choices.add(0, selected);
        }
        QueueRecorder.Request request = RecordDialog.ask(ctx.window(), choices, selected,
                new RecordingPrefs(ctx.prefs(RecordingPrefs.NODE)));
        if (request != null) {
            track(RecordingWindow.record(ctx, request));
        }
    }

    /** File → Open Recording…: a file chooser, then a window that reads the file with progress. */
    void openFile() {
        assert SwingUtilities.isEventDispatchThread();
        RecordingWindow w = RecordingWindow.chooseAndOpen(ctx);
        if (w != null) {
            track(w);
        }
    }

    /** Records {@code request} in a new recording window, without asking (screenshot tours, tests). */
    RecordingWindow start(QueueRecorder.Request request) {
        return track(RecordingWindow.record(ctx, request));
    }

    /** Opens {@code file} in a recording window (for --screenshot tours and tests). */
    RecordingWindow open(Path file) {
        return track(RecordingWindow.open(ctx, file));
    }

    private RecordingWindow track(RecordingWindow w) {
        open.add(w);
        w.onClosed(() -> open.remove(w));
        return w;
    }

    /** The recording windows open now. */
    List<RecordingWindow> windows() {
        return List.copyOf(open);
    }

    /**
     * Quitting with recordings that exist only in their temporary files asks first: quit and lose them, or stay
     * (and save them). True: the window may close.
     */
    boolean mayQuit() {
        long unsaved = open.stream().filter(RecordingWindow::unsaved).count();
        if (unsaved == 0) {
            return true;
        }
        Object[] options = {"Quit and Discard", "Cancel"};
        int answer = JOptionPane.showOptionDialog(ctx.window(), unsaved + (unsaved == 1 ? " recording is" :
                " recordings are") + " not saved; quitting deletes " + (unsaved == 1 ? "it" : "them")
                + ". Use Save As… in " + (unsaved == 1 ? "its window" : "their windows") + " to keep them.",
                "Quit", JOptionPane.DEFAULT_OPTION, JOptionPane.WARNING_MESSAGE, null, options, options[1]);
        return answer == 0;
    }

    /** Stops every recording and closes its window (the main window closes; unsaved ones were asked about). */
    void closeAll() {
        for (RecordingWindow w : List.copyOf(open)) {
            w.discardAndClose();
        }
    }
}
