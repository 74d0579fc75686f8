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
    PEEK("Peek", "peek", null,
            "Read the selected queue's messages (on the kernel: drain and restore, after asking)", UiState::mayPeek),
    OPEN_BY_NAME("Open Queue by Name…", "open", key(KeyEvent.VK_O, InputEvent.CTRL_DOWN_MASK),
            "Open a queue by its name, even when /dev/mqueue cannot be listed (Ctrl+O)", s -> s.backend() != null),
    CREATE_QUEUE("Create Queue…", "create", key(KeyEvent.VK_N, InputEvent.CTRL_DOWN_MASK),
            "Create a queue with its size and mode, checked against the limits as you type (Ctrl+N)",
            s -> s.backend() != null && !s.readOnly()),
    RECREATE("Recreate with New Attributes…", null, null,
            "Recreate the selected queue with another maxmsg or msgsize; its messages are replayed in order",
            UiState::mayChange),
    FILTER("Filter Queues", "filter", key(KeyEvent.VK_F, InputEvent.CTRL_DOWN_MASK),
            "Filter the queue tree by name (Ctrl+F)", s -> true),
    COPY("Copy Body", "copy", key(KeyEvent.VK_C, InputEvent.CTRL_DOWN_MASK),
            "Copy the shown message as text, hex or JSON, as the tab in front shows it (Ctrl+C)",
            UiState::messageShown),
    RECEIVE("Receive…", "receive", null,
            "Receive (remove) the next message of the selected queue and show it; asks first", UiState::mayChange),
    PURGE("Purge…", "purge", null,
            "Receive and discard every message of the selected queue; asks first", UiState::mayChange),
    UNLINK("Unlink…", "unlink", key(KeyEvent.VK_DELETE, 0),
            "Remove the selected queue's name (mq_unlink); asks first (Delete)", UiState::mayChange),
    READ_ONLY("Read Only", "read-only", null,
            "Read-only mode: no receive, purge, unlink or kernel peek, and no writable descriptor", s -> true),
    COMPARE_PEEKS("Compare Proposed Peeks…", null, null,
            "Try the two proposed kernel peek interfaces (MQ_PEEK, F_MQ_PEEK) on the emulation",
            s -> s.queueSelected() && s.backend() == org.mqscope.ui.core.BackendKind.EMULATED),
    DARK_THEME("Dark Theme", "theme", null, "Switch between the light and the dark theme", s -> true),
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
        return this == READ_ONLY || this == DARK_THEME || this == PRESENTATION;
    }
}
