package org.mqscope.ui.window;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;

import javax.swing.JButton;
import javax.swing.SwingUtilities;

import org.mqscope.ui.app.Screenshot;
import org.mqscope.ui.core.BackendFactory;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.Dialogs;
import org.mqscope.ui.core.IoExecutor;
import org.mqscope.ui.core.Theme;
import org.mqscope.ui.core.UiPrefs;
import org.mqscope.ui.lessons.LessonWindow;

/**
 * Not a test: the "Why peek is hard" lesson at its drain-and-restore step, and the timeline following it; writes
 * {@code OUTDIR/classroom-lesson-THEME.png} and {@code OUTDIR/classroom-timeline-THEME.png}. Run under a display:
 * {@code java -cp <test class path> org.mqscope.ui.window.ClassroomShot OUTDIR light|dark}.
 */
public final class ClassroomShot {
    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static final int STEPS = 3;

    private ClassroomShot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Theme theme = Theme.byId(args[1]);
        IoExecutor io = new IoExecutor();
        Preferences node = Preferences.userRoot().node("org/mqscope/classroom-shot");
        node.clear();
        UiPrefs prefs = new UiPrefs(node);
        prefs.setSplit(MainFrame.SPLIT_MESSAGES, 150); // a short message table, a tall timeline
        prefs.setSplit(MainFrame.SPLIT_QUEUES, 200);
        AtomicReference<MainFrame> frame = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            theme.install();
            MainFrame f = new MainFrame(io, BackendFactory.standard(), WindowBounds.fixed(WindowBounds.DEFAULT_SIZE),
                    prefs, new Dialogs(), theme);
            f.setVisible(true);
            f.start(Optional.of(BackendKind.EMULATED), false);
            f.openLesson("peek");
            frame.set(f);
        });
        io.awaitIdle(SETTLE);
        for (int i = 1; i < STEPS; i++) {
            SwingUtilities.invokeAndWait(() -> ((JButton) find(frame.get().lessonWindow(), "lesson.next")).doClick());
            io.awaitIdle(SETTLE);
        }
        Thread.sleep(500); // two timeline refreshes
        SwingUtilities.invokeAndWait(() -> {
            try {
                LessonWindow lesson = frame.get().lessonWindow();
                Screenshot.write(Screenshot.render(lesson.getRootPane()),
                        out.resolve("classroom-lesson-" + theme.id() + ".png"));
                Screenshot.write(Screenshot.render(frame.get()), out.resolve("classroom-timeline-" + theme.id()
                        + ".png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            frame.get().quit();
        });
        io.awaitIdle(SETTLE);
        node.removeNode();
        System.exit(0);
    }

    private static java.awt.Component find(java.awt.Container c, String name) {
        for (java.awt.Component k : c.getComponents()) {
            if (name.equals(k.getName())) {
                return k;
            }
            if (k instanceof java.awt.Container sub) {
                java.awt.Component f = find(sub, name);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }
}
