package org.mqscope.ui.toolbar;

import org.mqscope.ui.BackendKind;
import org.mqscope.ui.Icons;

import javax.swing.Action;
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
 * The toolbar: the backend chooser (one toggle per backend, exactly one selected) and the refresh action. A click
 * on a toggle only asks for the switch; the chooser moves when the backend has started ({@link #showBackend}), so
 * a backend that fails to start never looks selected.
 */
public final class MainToolBar extends JToolBar {
    private final Map<BackendKind, JToggleButton> toggles = new EnumMap<>(BackendKind.class);
    private final ButtonGroup group = new ButtonGroup();
    private BackendKind shown;

    public MainToolBar(Action refresh, Consumer<BackendKind> onBackendChosen) {
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
        JButton refreshButton = add(refresh);
        refreshButton.setName("refresh");
        refreshButton.setHideActionText(false);
        // JToolBar puts text under the icon; beside it keeps the bar one line high like the toggles.
        refreshButton.setHorizontalTextPosition(JButton.TRAILING);
        refreshButton.setVerticalTextPosition(JButton.CENTER);
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
