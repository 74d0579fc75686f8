package org.mqscope.ui.window;

import java.awt.Component;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.prefs.Preferences;

import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JOptionPane;
import javax.swing.KeyStroke;
import javax.swing.filechooser.FileNameExtensionFilter;

import org.mqscope.lessons.Lesson;
import org.mqscope.lessons.LessonFormatException;
import org.mqscope.lessons.Lessons;
import org.mqscope.ui.actions.ActionSet;
import org.mqscope.ui.actions.AppAction;
import org.mqscope.ui.core.IoExecutor;

/** The window's side of lessons and zoom: Help → Lessons titles, File → Open Lesson…, the extra zoom keys. */
final class LessonMenu {
    private static final String LAST_DIR = "lessonDirectory";

    private LessonMenu() {
    }

    /** Built-in lesson name → title, in menu order. */
    static Map<String, String> titles() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : Lessons.BUILT_IN) {
            out.put(name, builtIn(name).title());
        }
        return out;
    }

    static Lesson builtIn(String name) {
        try {
            return Lessons.builtIn(name);
        } catch (LessonFormatException e) {
            // the build's tests run every built-in lesson: this is a broken jar, not a user's mistake
            throw new IllegalStateException("a built-in lesson is broken: " + e.getMessage(), e);
        }
    }

    /** Asks for a lesson file, reads it on mq-io, and opens it; a bad file is refused naming its line. */
    static void chooseFile(Component parent, IoExecutor io, Preferences prefs, Consumer<Lesson> open) {
        JFileChooser chooser = new JFileChooser(prefs.get(LAST_DIR, System.getProperty("user.home")));
        chooser.setDialogTitle("Open Lesson");
        chooser.setFileFilter(new FileNameExtensionFilter("Lessons (*.lesson, *.txt)", "lesson", "txt"));
        if (chooser.showOpenDialog(parent) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path file = chooser.getSelectedFile().toPath();
        if (file.getParent() != null) {
            prefs.put(LAST_DIR, file.getParent().toString());
        }
        io.run(() -> Lessons.read(file), open, failure -> JOptionPane.showMessageDialog(parent,
                failure instanceof LessonFormatException
                        ? "This lesson file has a mistake:\n" + failure.getMessage()
                                + "\n\nThe format is described in docs/lessons.md."
                        : failure instanceof IOException
                                ? "Cannot read " + file + ": " + failure.getClass().getSimpleName() + " ("
                                        + failure.getMessage() + ")"
                                : "Cannot open the lesson: " + failure.getMessage(),
                "Open Lesson", JOptionPane.ERROR_MESSAGE));
    }

    /** Ctrl+= and the keypad's Ctrl++ / Ctrl+- / Ctrl+0 do what the menu's Ctrl+Plus / Minus / 0 do. */
    static void bindZoomKeys(JComponent root, ActionSet actions) {
        bind(root, actions, AppAction.ZOOM_IN, KeyEvent.VK_EQUALS, InputEvent.CTRL_DOWN_MASK);
        bind(root, actions, AppAction.ZOOM_IN, KeyEvent.VK_EQUALS,
                InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK);
        bind(root, actions, AppAction.ZOOM_IN, KeyEvent.VK_ADD, InputEvent.CTRL_DOWN_MASK);
        bind(root, actions, AppAction.ZOOM_OUT, KeyEvent.VK_SUBTRACT, InputEvent.CTRL_DOWN_MASK);
        bind(root, actions, AppAction.ZOOM_RESET, KeyEvent.VK_NUMPAD0, InputEvent.CTRL_DOWN_MASK);
    }

    private static void bind(JComponent root, ActionSet actions, AppAction a, int key, int modifiers) {
        root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(key, modifiers), a.name());
        root.getActionMap().put(a.name(), actions.get(a));
    }
}
