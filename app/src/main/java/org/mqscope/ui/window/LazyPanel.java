package org.mqscope.ui.window;

import org.mqscope.ui.core.QueueView;

import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import java.awt.BorderLayout;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A tool panel that is built the first time it is needed (its tab comes to the front, or an action asks for it),
 * so the first frame loads neither JFreeChart nor the traffic engine nor the composer. It lives in a holder that
 * takes its place in the tab from the start. Once built it joins the window's views and is told the window's
 * state at once ({@link QueueTools#add}). EDT only.
 */
final class LazyPanel<T extends JComponent & QueueView> {
    private final ToolTab tab;
    private final JComponent holder = new javax.swing.JPanel(new BorderLayout());
    private final Supplier<T> builder;
    private final QueueTools tools;
    private final Consumer<T> onBuilt;
    private T panel;

    LazyPanel(ToolTab tab, Supplier<T> builder, QueueTools tools, Consumer<T> onBuilt) {
        this.tab = tab;
        this.builder = builder;
        this.tools = tools;
        this.onBuilt = onBuilt;
        holder.setName("tab." + tab.id());
    }

    ToolTab tab() {
        return tab;
    }

    /** What the tab holds: empty until the panel is built. */
    JComponent holder() {
        return holder;
    }

    /** The panel, built now if it was not yet. */
    T get() {
        assert SwingUtilities.isEventDispatchThread();
        if (panel == null) {
            T p = builder.get();
            panel = p;
            holder.add(p, BorderLayout.CENTER);
            holder.revalidate();
            tools.add(p);
            onBuilt.accept(p);
        }
        return panel;
    }

    /** The panel if it has been built. */
    Optional<T> ifBuilt() {
        return Optional.ofNullable(panel);
    }
}
