package org.mqscope.ui;

import net.miginfocom.swing.MigLayout;
import org.mqscope.ui.detail.DetailPanel;
import org.mqscope.ui.messages.MessageTablePanel;
import org.mqscope.ui.notice.NoticeBar;
import org.mqscope.ui.queues.QueueListPanel;
import org.mqscope.ui.status.StatusBar;
import org.mqscope.ui.toolbar.MainToolBar;

import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.JSeparator;
import javax.swing.JSplitPane;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.Optional;

/**
 * The main window. It only assembles the panels and the two window-wide actions; {@link MainController} does the
 * work. Closing it (or Ctrl+Q) stores its bounds and closes the backends.
 */
public final class MainFrame extends JFrame {
    public static final String TITLE = AppInfo.NAME;
    static final KeyStroke QUIT_KEY = KeyStroke.getKeyStroke(KeyEvent.VK_Q, InputEvent.CTRL_DOWN_MASK);
    static final KeyStroke REFRESH_KEY = KeyStroke.getKeyStroke(KeyEvent.VK_F5, 0);

    private final WindowBounds bounds;
    private final MainController controller;
    private boolean closed;

    /** Builds the window on the EDT; nothing talks to a backend until {@link #start}. */
    public MainFrame(IoExecutor io, BackendFactory factory, WindowBounds bounds) {
        super(TITLE);
        assert SwingUtilities.isEventDispatchThread();
        this.bounds = bounds;
        setName("main");
        setIconImages(Icons.appIconImages());
        setDefaultCloseOperation(DO_NOTHING_ON_CLOSE);

        Action refresh = new AbstractAction("Refresh", Icons.action("refresh")) {
            @Override
            public void actionPerformed(ActionEvent e) {
                controller().refresh();
            }
        };
        refresh.putValue(Action.SHORT_DESCRIPTION, "List the queues again (F5)");
        refresh.putValue(Action.ACCELERATOR_KEY, REFRESH_KEY);

        QueueListPanel queues = new QueueListPanel();
        StatusBar status = new StatusBar();
        NoticeBar notice = new NoticeBar();
        MainToolBar toolbar = new MainToolBar(refresh, kind -> controller().switchTo(kind));
        controller = new MainController(io, factory, toolbar, queues, status, notice);

        JSplitPane right = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new MessageTablePanel(), new DetailPanel());
        right.setName("split.messages");
        right.setResizeWeight(0.7);
        right.setBorder(null);
        JSplitPane panes = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, queues, right);
        panes.setName("split.queues");
        panes.setResizeWeight(0.25);
        panes.setDividerLocation(280);
        panes.setBorder(null);

        // The panes grow by their own constraint, not by row number: the notice row vanishes while hidden.
        JPanel content = new JPanel(new MigLayout("insets 0, gap 0, wrap 1, fill, hidemode 3", "[grow, fill]", ""));
        content.add(toolbar);
        content.add(new JSeparator());
        content.add(notice);
        content.add(panes, "grow, push");
        content.add(status);
        setContentPane(content);

        bindKey(REFRESH_KEY, "refresh", refresh);
        bindKey(QUIT_KEY, "quit", new AbstractAction("Quit") {
            @Override
            public void actionPerformed(ActionEvent e) {
                quit();
            }
        });
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                closeWindow();
            }
        });
        bounds.apply(this);
    }

    /** Starts the backend asked for (empty: the kernel, else the emulation). */
    public void start(Optional<BackendKind> requested) {
        controller.start(requested);
    }

    /** As if the user closed the window: through the window manager's close path. */
    public void quit() {
        dispatchEvent(new WindowEvent(this, WindowEvent.WINDOW_CLOSING));
    }

    /** The backend in use, or null before one has started. */
    public BackendKind currentBackend() {
        return controller.currentKind();
    }

    private MainController controller() {
        return controller;
    }

    private void closeWindow() {
        if (closed) {
            return;
        }
        closed = true;
        bounds.save(this);
        controller.close();
        dispose();
    }

    private void bindKey(KeyStroke key, String name, Action action) {
        getRootPane().getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(key, name);
        getRootPane().getActionMap().put(name, action);
    }
}
