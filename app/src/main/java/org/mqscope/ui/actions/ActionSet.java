package org.mqscope.ui.actions;

import org.mqscope.ui.core.Icons;

import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import java.awt.event.ActionEvent;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Swing actions for every {@link AppAction}, bound to one handler. {@link #update} applies the enabled rules to
 * a new {@link UiState}; toggles keep their on/off state in {@link Action#SELECTED_KEY}.
 */
public final class ActionSet {
    static final String LOCKED_TIP = "Started with --read-only: read-only mode stays on until mqscope ends; start it"
            + " without --read-only to change queues";

    private final Map<AppAction, Action> actions = new EnumMap<>(AppAction.class);
    private UiState state = UiState.INITIAL;
    /** Actions off whatever the state says, with the reason as their tooltip (e.g. no recorder here). */
    private final Map<AppAction, String> vetoes = new EnumMap<>(AppAction.class);

    public ActionSet(Consumer<AppAction> handler) {
        for (AppAction a : AppAction.values()) {
            Action action = new AbstractAction(a.label(), a.icon() == null ? null : Icons.action(a.icon())) {
                @Override
                public void actionPerformed(ActionEvent e) {
                    // Key bindings reach disabled actions too: check again.
                    if (isEnabled()) {
                        handler.accept(a);
                    }
                }
            };
            action.putValue(Action.SHORT_DESCRIPTION, a.tooltip());
            action.putValue(Action.ACCELERATOR_KEY, a.key());
            action.putValue(Action.ACTION_COMMAND_KEY, a.name());
            if (a.toggle()) {
                action.putValue(Action.SELECTED_KEY, false);
            }
            actions.put(a, action);
        }
        update(UiState.INITIAL);
    }

    public Action get(AppAction a) {
        return actions.get(a);
    }

    public UiState state() {
        return state;
    }

    /** Applies the enabled rules; EDT only. */
    public void update(UiState newState) {
        assert SwingUtilities.isEventDispatchThread();
        state = newState;
        actions.forEach((a, action) -> action.setEnabled(a.enabledIn(newState) && !vetoes.containsKey(a)));
        Action readOnly = actions.get(AppAction.READ_ONLY);
        readOnly.putValue(Action.SELECTED_KEY, newState.readOnly());
        readOnly.putValue(Action.SHORT_DESCRIPTION, newState.readOnlyLocked() ? LOCKED_TIP
                : AppAction.READ_ONLY.tooltip());
    }

    /**
     * Turns {@code a} off whatever the state says, with {@code reason} as its tooltip ("what is missing, and the
     * one command that enables it"); null lifts the veto.
     */
    public void veto(AppAction a, String reason) {
        assert SwingUtilities.isEventDispatchThread();
        if (reason == null) {
            vetoes.remove(a);
        } else {
            vetoes.put(a, reason);
        }
        Action action = actions.get(a);
        action.putValue(Action.SHORT_DESCRIPTION, reason == null ? a.tooltip() : a.label().replace("…", "")
                + " is off: " + reason);
        action.setEnabled(a.enabledIn(state) && reason == null);
    }

    /** The reason {@code a} is vetoed, or null. */
    public String vetoOf(AppAction a) {
        return vetoes.get(a);
    }

    public void setSelected(AppAction toggle, boolean on) {
        actions.get(toggle).putValue(Action.SELECTED_KEY, on);
    }

    /**
     * Binds the shortcuts of every action with one in the window's root pane, so they work whatever has the focus.
     * Tables and trees bind Ctrl+C to copying their cells: {@code unbindCopy} takes that away so Copy Body wins.
     */
    public void bindKeys(JComponent root, JComponent... unbindCopy) {
        for (AppAction a : AppAction.values()) {
            if (a.key() != null) {
                root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(a.key(), a.name());
                root.getActionMap().put(a.name(), actions.get(a));
            }
        }
        for (JComponent c : unbindCopy) {
            c.getInputMap(JComponent.WHEN_FOCUSED).put(AppAction.COPY.key(), "mqscope.none");
            c.getInputMap(JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(AppAction.COPY.key(), "mqscope.none");
        }
    }
}
