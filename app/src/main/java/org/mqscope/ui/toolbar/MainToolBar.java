package org.mqscope.ui.toolbar;

import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.Icons;
import org.mqscope.ui.actions.ActionSet;
import org.mqscope.ui.actions.AppAction;

import javax.swing.AbstractButton;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JToggleButton;
import javax.swing.JToolBar;
import javax.swing.SwingUtilities;
import java.awt.Dimension;
import java.awt.Insets;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The toolbar: the backend chooser (one toggle per backend, exactly one selected), then the actions from
 * {@link AppAction}. A click on a backend toggle only asks for the switch; the chooser moves when the backend has
 * started ({@link #showBackend}), so a backend that fails to start never looks selected.
 */
public final class MainToolBar extends JToolBar {
    private final Map<BackendKind, JToggleButton> toggles = new EnumMap<>(BackendKind.class);
    private final ButtonGroup group = new ButtonGroup();
    private BackendKind shown;

    public MainToolBar(ActionSet actions, Consumer<BackendKind> onBackendChosen) {
        setName("toolbar");
        setFloatable(false);
        setMargin(new Insets(3, 6, 3, 6));
        add(new JLabel("Backend:")).setName("toolbar.backendLabel");
        addSeparator(new Dimension(4, 0));
        for (BackendKind kind : BackendKind.values()) {
            JToggleButton b = new JToggleButton(kind.label(), Icons.action(kind.iconName()));
            b.setName("backend." + kind.id());
            b.setToolTipText("Show " + kind.description());
            b.addActionListener(e -> {
                showBackend(shown); // undo the click's own selection until the switch succeeds
                if (kind != shown) {
                    onBackendChosen.accept(kind);
                }
            });
            group.add(b);
            toggles.put(kind, b);
            add(b);
        }
        addSeparator();
        button(actions, AppAction.REFRESH, "refresh");
        button(actions, AppAction.PEEK, "peek");
        button(actions, AppAction.RECORD, "record");
        addSeparator();
        button(actions, AppAction.RECEIVE, "receive");
        button(actions, AppAction.PURGE, "purge");
        button(actions, AppAction.UNLINK, "unlink");
        addSeparator();
        JToggleButton readOnly = new JToggleButton(actions.get(AppAction.READ_ONLY));
        readOnly.setName("readOnly");
        textBeside(readOnly);
        add(readOnly);
    }

    private void button(ActionSet actions, AppAction a, String name) {
        JButton b = add(actions.get(a));
        b.setName(name);
        textBeside(b);
    }

    /** JToolBar puts text under the icon and hides it; beside it keeps the bar one line high like the toggles. */
    private static void textBeside(AbstractButton b) {
        b.setHideActionText(false);
        b.setHorizontalTextPosition(JButton.TRAILING);
        b.setVerticalTextPosition(JButton.CENTER);
        b.setFocusable(false);
    }

    /** Selects the toggle of the backend in use; null selects none (no backend started). */
    public void showBackend(BackendKind kind) {
        assert SwingUtilities.isEventDispatchThread();
        shown = kind;
        if (kind == null) {
            group.clearSelection();
        } else {
            toggles.get(kind).setSelected(true);
        }
    }

    /** Disables the chooser while a backend is starting, so clicks cannot pile up. */
    public void setSwitching(boolean switching) {
        assert SwingUtilities.isEventDispatchThread();
        toggles.values().forEach(b -> b.setEnabled(!switching));
    }

    public BackendKind shownBackend() {
        return shown;
    }
}
