package org.mqscope.ui.actions;

import javax.swing.KeyStroke;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.function.Predicate;

/**
 * Every user action of the window in one place: name, icon, shortcut, tooltip and when it is enabled. The
 * toolbar, the menus and the key bindings are all built from this list, so they cannot disagree.
 */
public enum AppAction {
    REFRESH("Refresh", "refresh", key(KeyEvent.VK_F5, 0),
            "List the queues again and peek the selected queue (F5)", s -> s.backend() != null),
    PEEK("Peek", "peek", key(KeyEvent.VK_P, InputEvent.CTRL_DOWN_MASK),
            "Read the selected queue's messages (on the kernel: drain and restore, after asking) (Ctrl+P)",
            UiState::mayPeek),
    OPEN_BY_NAME("Open Queue by Name…", "open", key(KeyEvent.VK_O, InputEvent.CTRL_DOWN_MASK),
            "Open a queue by its name, even when /dev/mqueue cannot be listed (Ctrl+O)", s -> s.backend() != null),
    CREATE_QUEUE("Create Queue…", "create", key(KeyEvent.VK_N, InputEvent.CTRL_DOWN_MASK),
            "Create a queue with its size and mode, checked against the limits as you type (Ctrl+N)",
            s -> s.backend() != null && !s.readOnly()),
    RECREATE("Recreate with New Attributes…", null, null,
            "Recreate the selected queue with another maxmsg or msgsize; its messages are replayed in order",
            UiState::mayChange),
    CLEAN_UP_STALE("Clean Up Stale Queues…", null, null,
            "List the queues nobody uses and nothing touched for a while, with what they charge against"
                    + " RLIMIT_MSGQUEUE; unlink the ones you tick", s -> s.backend() != null && !s.readOnly()),
    FILTER("Filter Queues", "filter", key(KeyEvent.VK_F, InputEvent.CTRL_DOWN_MASK),
            "Filter the queue tree by name (Ctrl+F)", s -> true),
    COPY("Copy Body", "copy", key(KeyEvent.VK_C, InputEvent.CTRL_DOWN_MASK),
            "Copy the shown message as text, hex or JSON, as the tab in front shows it (Ctrl+C)",
            UiState::messageShown),
    RECEIVE("Receive…", "receive", key(KeyEvent.VK_R, InputEvent.CTRL_DOWN_MASK),
            "Receive (remove) the next message of the selected queue and show it; asks first (Ctrl+R)",
            UiState::mayChange),
    PURGE("Purge…", "purge", key(KeyEvent.VK_P, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK),
            "Receive and discard every message of the selected queue; asks first (Ctrl+Shift+P)",
            UiState::mayChange),
    UNLINK("Unlink…", "unlink", key(KeyEvent.VK_DELETE, 0),
            "Remove the selected queue's name (mq_unlink); asks first (Delete)", UiState::mayChange),
    RESTORE_HELD("Restore Held Messages", null, null,
            "Put back now the messages journals hold (a queue others refilled during a peek or move, or a crash)",
            s -> s.backend() == org.mqscope.ui.core.BackendKind.KERNEL && !s.readOnly()),
    EXPORT_MESSAGES("Export Messages…", null, null,
            "Write the selected queue's messages to a message file (JSON Lines), without consuming them",
            UiState::mayPeek),
    IMPORT_MESSAGES("Import Messages…", null, null,
            "Send a message file's messages into the selected queue, after checking they all fit",
            UiState::mayChange),
    COPY_MESSAGES("Copy Messages to Queue…", null, null,
            "Send copies of the selected rows to another queue; this queue keeps them", UiState::mayChange),
    MOVE_MESSAGES("Move Messages to Queue…", null, null,
            "Move the selected rows (from the first one on) to another queue, journaled", UiState::mayChange),
    RECORD("Record…", "record", key(KeyEvent.VK_R, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK),
            "Record every send and receive on the selected queue (or several) on the real kernel; the queues stay "
                    + "as they are (Ctrl+Shift+R)", s -> s.backend() != null),
    OPEN_RECORDING("Open Recording…", null, null,
            "Open a recording file (JSON Lines) made here or by 'mqscope record'", s -> true),
    READ_ONLY("Read Only", "read-only", null,
            "Read-only mode: no receive, purge, unlink or kernel peek, and no writable descriptor",
            s -> !s.readOnlyLocked()),
    COMPARE_PEEKS("Compare Proposed Peeks…", null, null,
            "Try the two proposed kernel peek interfaces (MQ_PEEK, F_MQ_PEEK) on the emulation",
            s -> s.queueSelected() && s.backend() == org.mqscope.ui.core.BackendKind.EMULATED),
    EXPLAIN_KERNEL_PEEK("Explain Kernel Peeks First", null, null,
            "Before a drain-and-restore peek, explain what it does even when nothing else uses the queue (risks "
                    + "to a queue are always asked)", s -> true),
    DARK_THEME("Dark Theme", "theme", null, "Switch between the light and the dark theme", s -> true),
    SHORTCUTS("Keyboard Shortcuts", null, key(KeyEvent.VK_F1, 0), "Every keyboard shortcut (F1)", s -> true),
    USER_GUIDE("User Guide", null, null, "The README's sections: peeking, read-only mode, the tabs, recovery",
            s -> true),
    ABOUT("About mqscope", null, null, "Version, Java and system", s -> true),
    OPEN_LESSON("Open Lesson…", null, null,
            "Open a lesson file you wrote (see docs/lessons.md) and run it on a private emulated namespace", s -> true),
    PRESENTATION("Presentation Mode", null, key(KeyEvent.VK_F11, 0),
            "Large type and high-contrast charts for a projector; the toolbar and status bar step aside (F11)",
            s -> true),
    ZOOM_IN("Zoom In", null, key(KeyEvent.VK_PLUS, InputEvent.CTRL_DOWN_MASK),
            "Make everything larger (Ctrl+Plus)", s -> true),
    ZOOM_OUT("Zoom Out", null, key(KeyEvent.VK_MINUS, InputEvent.CTRL_DOWN_MASK),
            "Make everything smaller (Ctrl+Minus)", s -> true),
    ZOOM_RESET("Actual Size", null, key(KeyEvent.VK_0, InputEvent.CTRL_DOWN_MASK),
            "Back to the normal size (Ctrl+0)", s -> true),
    QUIT("Quit", null, key(KeyEvent.VK_Q, InputEvent.CTRL_DOWN_MASK), "Close mqscope (Ctrl+Q)", s -> true);

    private final String label;
    private final String icon;
    private final KeyStroke key;
    private final String tooltip;
    private final Predicate<UiState> enabledWhen;

    AppAction(String label, String icon, KeyStroke key, String tooltip, Predicate<UiState> enabledWhen) {
        this.label = label;
        this.icon = icon;
        this.key = key;
        this.tooltip = tooltip;
        this.enabledWhen = enabledWhen;
    }

    private static KeyStroke key(int code, int modifiers) {
        return KeyStroke.getKeyStroke(code, modifiers);
    }

    public String label() {
        return label;
    }

    /** Base name of the SVG icon, or null. */
    public String icon() {
        return icon;
    }

    /** The shortcut, or null. */
    public KeyStroke key() {
        return key;
    }

    public String tooltip() {
        return tooltip;
    }

    public boolean enabledIn(UiState state) {
        return enabledWhen.test(state);
    }

    /** Receive, purge and unlink: confirmed first, never the default button, off in read-only mode. */
    public boolean destructive() {
        return this == RECEIVE || this == PURGE || this == UNLINK;
    }

    /** Read-only and dark theme are on/off switches (check box items, toggle buttons). */
    public boolean toggle() {
        return this == READ_ONLY || this == DARK_THEME || this == EXPLAIN_KERNEL_PEEK || this == PRESENTATION;
    }
}
