package org.mqscope.ui.window;

import org.mqscope.ui.core.UiPrefs;
import org.mqscope.ui.core.Theme;
import org.mqscope.ui.core.QueueView;
import org.mqscope.ui.core.IoExecutor;
import org.mqscope.ui.core.Icons;
import org.mqscope.ui.core.Dialogs;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.BackendFactory;
import org.mqscope.ui.core.AppInfo;
import com.formdev.flatlaf.FlatLaf;
import net.miginfocom.swing.MigLayout;
import org.mqscope.demo.ClassroomScenario;
import org.mqscope.ui.actions.ActionSet;
import org.mqscope.ui.actions.AppAction;
import org.mqscope.ui.attributes.AttributesPanel;
import org.mqscope.ui.charts.ChartsPanel;
import org.mqscope.ui.compose.SendComposerPanel;
import org.mqscope.ui.detail.DetailPanel;
import org.mqscope.ui.messages.MessageTablePanel;
import org.mqscope.ui.notice.NoticeBar;
import org.mqscope.ui.peek.ProposedPeekDialog;
import org.mqscope.ui.queues.QueueTreePanel;
import org.mqscope.ui.status.StatusBar;
import org.mqscope.ui.toolbar.MainMenuBar;
import org.mqscope.ui.toolbar.MainToolBar;
import org.mqscope.lessons.Lesson;
import org.mqscope.lessons.LessonRunner;
import org.mqscope.ui.core.Zoom;
import org.mqscope.ui.lessons.LessonWindow;
import org.mqscope.ui.timeline.TimelinePanel;
import org.mqscope.ui.traffic.TrafficPanel;

import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.JSeparator;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;
import java.awt.Component;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.Optional;

/**
 * The main window. It only assembles the panels and routes the {@link AppAction}s; the controllers do the work.
 * Closing it (or Ctrl+Q) stores its bounds and split positions and closes the backends.
 */
public final class MainFrame extends JFrame {
    public static final String TITLE = AppInfo.NAME;
    public static final String READ_ONLY_TITLE = AppInfo.NAME + " — READ ONLY";
    static final String SPLIT_QUEUES = "queues";
    static final String SPLIT_MESSAGES = "messages";

    private final WindowBounds bounds;
    private final UiPrefs prefs;
    private final IoExecutor io;
    private final ActionSet actions;
    private final MainController controller;
    private final InspectorController inspector;
    private final QueueOperations operations;
    private final QueueTreePanel queues;
    private final JSplitPane panes;
    private final JSplitPane right;
    private final JTabbedPane tabs;
    private final QueueTools tools;
    private final AttributesPanel attributes;
    private final TrafficPanel traffic;
    private final TimelinePanel timeline;
    private final MainToolBar toolbar;
    private final StatusBar status;
    private final MainMenuBar menus;
    private Theme theme;
    private boolean closed;
    private boolean presentation;
    private LessonWindow lessonWindow;

    /** Builds the window on the EDT; nothing talks to a backend until {@link #start}. */
    public MainFrame(IoExecutor io, BackendFactory factory, WindowBounds bounds, UiPrefs prefs, Dialogs dialogs,
                     Theme theme) {
        super(TITLE);
        assert SwingUtilities.isEventDispatchThread();
        this.io = io;
        this.bounds = bounds;
        this.prefs = prefs;
        this.theme = theme;
        setName("main");
        Zoom.set(prefs.zoom(false)); // before the first component: everything is built at the remembered size
        setIconImages(Icons.appIconImages());
        setDefaultCloseOperation(DO_NOTHING_ON_CLOSE);

        actions = new ActionSet(this::perform);
        actions.setSelected(AppAction.DARK_THEME, theme == Theme.DARK);
        queues = new QueueTreePanel();
        status = new StatusBar();
        NoticeBar notice = new NoticeBar();
        MessageTablePanel messages = new MessageTablePanel();
        DetailPanel detail = new DetailPanel(actions.get(AppAction.COPY));
        toolbar = new MainToolBar(actions, kind -> controller().switchTo(kind));
        controller = new MainController(io, factory, prefs, toolbar, queues, status, notice, actions,
                on -> setTitle(on ? READ_ONLY_TITLE : TITLE));
        inspector = new InspectorController(io, controller, messages, detail, notice, status, actions, dialogs,
                prefs, this);
        controller.setInspector(inspector);
        tools = new QueueTools(io, controller, inspector, queues, notice, status, prefs.node(), this);
        operations = new QueueOperations(tools, controller, inspector, queues, dialogs);
        controller.setTools(tools);
        queues.onQueueSelected(name -> {
            inspector.queueSelected(name);
            tools.queueSelected(name);
        });
        queues.onSwitchRequested(kind -> controller().switchTo(kind));

        tabs = new JTabbedPane();
        tabs.setName("tabs");
        tabs.addTab("Message", detail);
        SendComposerPanel composer = new SendComposerPanel(tools);
        addTool("Send", composer, composer);
        attributes = new AttributesPanel(tools, actions.get(AppAction.CREATE_QUEUE), actions.get(AppAction.RECREATE));
        addTool("Attributes", attributes, attributes);
        ChartsPanel charts = new ChartsPanel(tools);
        addTool("Charts", charts, charts);
        charts.onThresholdsChanged(queues::setThresholds);
        traffic = new TrafficPanel(tools);
        addTool("Traffic", traffic, traffic);
        timeline = new TimelinePanel(tools);
        addTool("Timeline", timeline, timeline);
        right = new JSplitPane(JSplitPane.VERTICAL_SPLIT, messages, tabs);
        right.setName("split.messages");
        right.setResizeWeight(0.6);
        right.setBorder(null);
        panes = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, queues, right);
        panes.setName("split.queues");
        panes.setResizeWeight(0.25);
        panes.setDividerLocation(300);
        panes.setBorder(null);
        restoreSplit(panes, SPLIT_QUEUES);
        restoreSplit(right, SPLIT_MESSAGES);

        // The panes grow by their own constraint, not by row number: the notice row vanishes while hidden.
        JPanel content = new JPanel(new MigLayout("insets 0, gap 0, wrap 1, fill, hidemode 3", "[grow, fill]", ""));
        content.add(toolbar);
        content.add(new JSeparator());
        content.add(notice);
        content.add(panes, "grow, push");
        content.add(status);
        setContentPane(content);
        menus = new MainMenuBar(actions);
        menus.addLessons(LessonMenu.titles(), this::openLesson);
        setJMenuBar(menus);
        actions.bindKeys(getRootPane(), queues.tree(), messages.table());
        LessonMenu.bindZoomKeys(getRootPane(), actions);

        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                closeWindow();
            }

            @Override
            public void windowOpened(WindowEvent e) {
                queues.tree().requestFocusInWindow(); // not the filter field: its caret would hide its hint
            }
        });
        bounds.apply(this);
    }

    /** A tab below the message table for a panel that follows the window's backend, mode and selection. */
    private void addTool(String title, Component panel, QueueView view) {
        tabs.addTab(title, panel);
        tools.add(view);
    }

    /** Brings the tab titled {@code name} (any case) to the front; one not there is ignored. */
    public void showTab(String name) {
        for (int i = 0; i < tabs.getTabCount(); i++) {
            if (tabs.getTitleAt(i).equalsIgnoreCase(name)) {
                tabs.setSelectedIndex(i);
                return;
            }
        }
    }

    /** Starts the backend asked for (empty: the last one used, else the kernel), in read-only mode if asked. */
    public void start(Optional<BackendKind> requested, boolean readOnly) {
        start(requested, readOnly, null);
    }

    /** As {@link #start(Optional, boolean)}, then selects {@code initialQueue} once the listing shows it. */
    public void start(Optional<BackendKind> requested, boolean readOnly, String initialQueue) {
        controller.start(requested, readOnly, initialQueue);
    }

    /** For --demo: producers and consumers start on the demo queues once the emulated backend is in use. */
    public void playDemoTraffic() {
        traffic.playWhenEmulated(ClassroomScenario.lanes());
    }

    /** As if the user closed the window: through the window manager's close path. */
    public void quit() {
        dispatchEvent(new WindowEvent(this, WindowEvent.WINDOW_CLOSING));
    }

    /** The backend in use, or null before one has started. */
    public BackendKind currentBackend() {
        return controller.currentKind();
    }

    public boolean readOnly() {
        return controller.readOnly();
    }

    /** How often the queues are sampled now (the tree's pace, or faster while a panel asks). */
    java.time.Duration samplePeriod() {
        return controller.samplePeriod();
    }

    public ActionSet actions() {
        return actions;
    }

    private MainController controller() {
        return controller;
    }

    private void perform(AppAction a) {
        switch (a) {
            case REFRESH -> {
                controller.refresh();
                inspector.peekRequested();
            }
            case PEEK -> inspector.peekRequested();
            case OPEN_BY_NAME -> operations.openByName();
            case CREATE_QUEUE -> attributes.createQueue();
            case RECREATE -> attributes.recreate();
            case FILTER -> queues.focusFilter();
            case COPY -> inspector.copy();
            case RECEIVE -> operations.receive();
            case PURGE -> operations.purge();
            case UNLINK -> operations.unlink();
            case READ_ONLY -> controller.setReadOnly(!controller.readOnly());
            case COMPARE_PEEKS -> new ProposedPeekDialog(this, io, controller.rawBackend(), inspector.queue())
                    .setVisible(true);
            case DARK_THEME -> switchTheme(theme == Theme.DARK ? Theme.LIGHT : Theme.DARK);
            case OPEN_LESSON -> LessonMenu.chooseFile(this, io, prefs.node(), this::openLesson);
            case PRESENTATION -> setPresentation(!presentation);
            case ZOOM_IN -> prefs.setZoom(presentation, Zoom.in());
            case ZOOM_OUT -> prefs.setZoom(presentation, Zoom.out());
            case ZOOM_RESET -> prefs.setZoom(presentation, Zoom.set(1f));
            case QUIT -> quit();
        }
    }

    /**
     * Presentation mode: the zoom remembered for it (1.5 at first), high-contrast chart lines, no toolbar or status
     * bar. Leaving it restores the normal zoom.
     */
    public void setPresentation(boolean on) {
        presentation = on;
        Zoom.set(prefs.zoom(on));
        Zoom.highContrast(on);
        toolbar.setVisible(!on);
        status.setVisible(!on);
        actions.setSelected(AppAction.PRESENTATION, on);
    }

    public boolean presentation() {
        return presentation;
    }

    /** Opens a built-in lesson by name ({@code --lesson}); IllegalArgumentException names the ones there are. */
    public void openLesson(String name) {
        openLesson(LessonMenu.builtIn(name));
    }

    /** Opens a lesson beside the window, with the timeline following it, at its first step. */
    public void openLesson(Lesson lesson) {
        assert SwingUtilities.isEventDispatchThread();
        if (lessonWindow != null) {
            lessonWindow.close();
        }
        LessonRunner runner = new LessonRunner(lesson);
        timeline.followLesson(runner, lesson.title());
        showTab("timeline");
        LessonWindow[] opened = new LessonWindow[1];
        opened[0] = new LessonWindow(this, io, runner, () -> {
            if (lessonWindow == opened[0]) {
                lessonWindow = null;
                timeline.followWindow();
            }
        });
        lessonWindow = opened[0];
        lessonWindow.setVisible(true);
    }

    /** The lesson window open now, or null. */
    public LessonWindow lessonWindow() {
        return lessonWindow;
    }

    private void switchTheme(Theme next) {
        theme = next;
        next.install();
        if (presentation) {
            Zoom.highContrast(false); // the old theme's colours out, the new theme's in
            Zoom.highContrast(true);
        }
        FlatLaf.updateUI();
        prefs.setTheme(next);
        actions.setSelected(AppAction.DARK_THEME, next == Theme.DARK);
    }

    private void restoreSplit(JSplitPane split, String name) {
        int at = prefs.split(name);
        if (at > 0) {
            split.setDividerLocation(at);
        }
    }

    private void closeWindow() {
        if (closed) {
            return;
        }
        closed = true;
        bounds.save(this);
        prefs.setSplit(SPLIT_QUEUES, panes.getDividerLocation());
        prefs.setSplit(SPLIT_MESSAGES, right.getDividerLocation());
        if (lessonWindow != null) {
            lessonWindow.close();
        }
        inspector.stop();
        traffic.stop(); // before the backends close: its workers hold descriptors
        timeline.stop();
        controller.close();
        dispose();
    }
}
