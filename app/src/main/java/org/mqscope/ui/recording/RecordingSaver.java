package org.mqscope.ui.recording;

import java.awt.Component;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javax.swing.JFileChooser;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import javax.swing.filechooser.FileNameExtensionFilter;

/**
 * Save As for a recording: asks where (starting in the last directory used), then copies the recording's file
 * there off the EDT with progress and Cancel, through a temporary file beside the target so a cancelled or failed
 * copy never leaves half a file under the chosen name. Also what "closing an unsaved recording" asks. EDT only.
 */
final class RecordingSaver {
    static final String SAVE = "Save As…";
    static final String DISCARD = "Discard";
    static final String CANCEL = "Cancel";
    private static final int CHUNK = 1 << 16;

    private final Component parent;
    private final Executor work;
    private final RecordingPrefs prefs;
    private final RecordingHeaderBar bar;
    private volatile boolean cancelled;
    private Path saved;
    private Path opened;

    RecordingSaver(Component parent, Executor work, RecordingPrefs prefs, RecordingHeaderBar bar) {
        this.parent = parent;
        this.work = work;
        this.prefs = prefs;
        this.bar = bar;
    }

    /** The recording came from this file: it is saved already, and Save As copies it. */
    void opened(Path file) {
        opened = file;
        prefs.setDirectory(file.toAbsolutePath().getParent());
    }

    Path openedFile() {
        return opened;
    }

    boolean saved() {
        return saved != null || opened != null;
    }

    /** " · saved as /path" once saved, else "". */
    String savedText() {
        return saved == null ? "" : " · saved as " + saved;
    }

    void cancel() {
        cancelled = true;
    }

    /** Asks for a file and copies {@code source} there; {@code done} hears the target once written. */
    void saveAs(Path source, Consumer<Path> done) {
        assert SwingUtilities.isEventDispatchThread();
        if (source == null) {
            return;
        }
        JFileChooser chooser = chooser(prefs, "Save Recording As");
        chooser.setSelectedFile(new java.io.File(chooser.getCurrentDirectory(), "recording.jsonl"));
        if (chooser.showSaveDialog(parent) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path target = chooser.getSelectedFile().toPath();
        if (!target.getFileName().toString().contains(".")) {
            target = target.resolveSibling(target.getFileName() + ".jsonl");
        }
        if (target.toFile().exists() && JOptionPane.showConfirmDialog(parent, target + " exists. Replace it?",
                "Save Recording", JOptionPane.OK_CANCEL_OPTION, JOptionPane.WARNING_MESSAGE)
                != JOptionPane.OK_OPTION) {
            return;
        }
        prefs.setDirectory(target.toAbsolutePath().getParent());
        copy(source, target, done);
    }

    /** Copies off the EDT with progress; the result (or the failure, in words) comes back on the EDT. */
    void copy(Path source, Path target, Consumer<Path> done) {
        cancelled = false;
        bar.save.setEnabled(false);
        bar.setProgress(0, "Saving…");
        work.execute(() -> {
            String problem = null;
            Path temp = null;
            try {
                long size = Math.max(1, Files.size(source));
                temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".saving-", ".jsonl");
                try (InputStream in = Files.newInputStream(source); OutputStream out = Files.newOutputStream(temp)) {
                    byte[] buffer = new byte[CHUNK];
                    long copied = 0;
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        if (cancelled) {
                            throw new IOException("cancelled; nothing was written to " + target);
                        }
                        out.write(buffer, 0, n);
                        copied += n;
                        double f = copied / (double) size;
                        SwingUtilities.invokeLater(() -> bar.setProgress(f, "Saving " + Math.round(f * 100) + " %"));
                    }
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                problem = "The recording was not saved: " + e.getMessage();
                try {
                    if (temp != null) {
                        Files.deleteIfExists(temp);
                    }
                } catch (IOException ignored) {
                    // the temporary file is hidden and named as such; the message says what failed
                }
            }
            String p = problem;
            SwingUtilities.invokeLater(() -> {
                bar.setProgress(-1, null);
                bar.save.setEnabled(true);
                if (p != null) {
                    bar.status.setText(p);
                    return;
                }
                saved = target;
                done.accept(target);
            });
        });
    }

    /** Closing a recording that is only in its temporary file: Save As… / Discard / Cancel. True: may close. */
    boolean askBeforeDiscarding(Path temp) {
        Object[] options = {SAVE, DISCARD, CANCEL};
        int answer = JOptionPane.showOptionDialog(parent, "This recording is only in a temporary file ("
                + temp.getFileName() + "), deleted when its window closes. Save it first?", "Close Recording",
                JOptionPane.DEFAULT_OPTION, JOptionPane.WARNING_MESSAGE, null, options, CANCEL);
        if (answer == 0) {
            saveAs(temp, t -> { });
            return false; // the window stays until the copy is done; closing again then closes it
        }
        return answer == 1;
    }

    /** A file chooser for recordings, in the last directory used. */
    static JFileChooser chooser(RecordingPrefs prefs, String title) {
        JFileChooser chooser = new JFileChooser(prefs.directory() == null ? null : prefs.directory().toFile());
        chooser.setName("recording.chooser");
        chooser.setDialogTitle(title);
        chooser.setFileFilter(new FileNameExtensionFilter("Recordings (JSON Lines)", "jsonl", "json"));
        return chooser;
    }
}
