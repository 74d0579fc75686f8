package org.mqscope.ui.window;

import org.mqscope.ui.core.UiPrefs;
import org.mqscope.ui.core.Theme;
import org.mqscope.ui.core.QueueView;
import org.mqscope.ui.core.IoExecutor;
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
import org.mqscope.ui.charts.ChartHistory;
import org.mqscope.ui.charts.ChartsPanel;
import org.mqscope.ui.charts.ThresholdPrefs;
import org.mqscope.ui.compose.SendComposerPanel;
import org.mqscope.ui.detail.DetailPanel;
import org.mqscope.ui.help.HelpWindows;
import org.mqscope.ui.messages.MessageTablePanel;
import org.mqscope.ui.notice.NoticeBar;
import org.mqscope.ui.peek.ProposedPeekDialog;
import org.mqscope.ui.processes.ProcessesPanel;
import org.mqscope.ui.processes.StaleQueuesDialog;
import org.mqscope.ui.queues.QueueTreeModel;
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
import org.mqscope.ui.transfer.MessageDrag;
import org.mqscope.ui.transfer.TransferActions;
import org.mqscope.ui.transfer.TransferDialogs;

import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.JSeparator;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;
import javax.swing.JComponent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.ArrayList;
import java.util.List;
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
    /** Saved views and recent filters of the message table's filter bar. */
    static final String FIND_NODE = "find";

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
    private final MessageTablePanel messages;
    private final QueueTools tools;
    private final LazyPanel<AttributesPanel> attributes;
    private final LazyPanel<TrafficPanel> traffic;
    private final List<LazyPanel<?>> lazyTabs = new ArrayList<>();
    /** What waits for the first paint (the backend's start at launch); null once it has run. */
    private List<Runnable> afterFirstPaint = new ArrayList<>();
    private final ProcessesPanel processes;
    private final Dialogs dialogs;
    private final TransferActions transfer;
    private final LazyPanel<TimelinePanel> timeline;
    private final Recordings recordings;
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
        this.dialogs = dialogs;
        setName("main");
        Zoom.set(prefs.zoom(false)); // before the first component: everything is built at the remembered size
        setDefaultCloseOperation(DO_NOTHING_ON_CLOSE);

        actions = new ActionSet(this::perform);
        actions.setSelected(AppAction.DARK_THEME, theme == Theme.DARK);
        actions.setSelected(AppAction.EXPLAIN_KERNEL_PEEK, prefs.askBeforeKernelPeek());
        queues = new QueueTreePanel();
        status = new StatusBar();
        status.followTasks(io.tasks());
        NoticeBar notice = new NoticeBar();
        messages = new MessageTablePanel(io, prefs.node().node(FIND_NODE));
        DetailPanel detail = new DetailPanel(actions.get(AppAction.COPY));
        toolbar = new MainToolBar(actions, kind -> controller().switchTo(kind));
        // Built once, here, each with its partners: events flow controller → followers (inspector, then tools).
        ViewFanOut followers = new ViewFanOut();
        controller = new MainController(io, factory, prefs, toolbar, queues, status, notice, actions,
                on -> setTitle(on ? READ_ONLY_TITLE : TITLE), followers);
        inspector = new InspectorController(io, controller, messages, detail, notice, status, actions, dialogs,
                prefs, this);
        followers.add(inspector);
        tools = new QueueTools(io, controller, inspector, queues, notice, status, prefs.node(), this, followers);
        followers.add(tools);
        operations = new QueueOperations(tools, controller, inspector, queues, dialogs);
        recordings = new Recordings(tools, actions);
        tools.add(recordings);
        transfer = new TransferActions(tools, () -> selection(messages), new TransferDialogs());
        // Nothing can be dragged before the window shows: the drag source and the tree's drop target (12-25 ms of
        // the EDT at load 3.8, timing marks on the app-image) are set up after the first frame.
        afterFirstPaint(() -> MessageDrag.install(messages.table(), queues.tree(), inspector::queue,
                at -> queueAt(queues, at), transfer));
        queues.onQueueSelected(followers::queueSelected);
        queues.onSwitchRequested(kind -> controller().switchTo(kind));

        // The tool tabs are built when first shown: the first frame needs none of them (nor JFreeChart).
        tabs = new JTabbedPane();
        tabs.setName("tabs");
        tabs.addTab(ToolTab.MESSAGE.title(), detail);
        addTool(new LazyPanel<>(ToolTab.SEND, () -> new SendComposerPanel(tools), tools, p -> { }));
        attributes = addTool(new LazyPanel<>(ToolTab.ATTRIBUTES, () -> new AttributesPanel(tools,
                actions.get(AppAction.CREATE_QUEUE), actions.get(AppAction.RECREATE)), tools, p -> { }));
        ChartHistory chartHistory = new ChartHistory(); // records from the start, charts shown or not
        tools.add(chartHistory);
        queues.setThresholds(ThresholdPrefs.load(tools.prefs(ChartsPanel.PREFS_NODE)));
        addTool(new LazyPanel<>(ToolTab.CHARTS, () -> new ChartsPanel(tools, chartHistory), tools,
                charts -> charts.onThresholdsChanged(queues::setThresholds)));
        traffic = addTool(new LazyPanel<>(ToolTab.TRAFFIC, () -> new TrafficPanel(tools), tools, p -> { }));
        // Built at once, light as it is: its scans also feed the tree's holder and waiter badges.
        processes = new ProcessesPanel(tools);
        tools.add(processes);
        tabs.addTab(ToolTab.PROCESSES.title(), processes);
        processes.onUsage(queues::setUsage);
        processes.onActivity(messages::setActivity);
        timeline = addTool(new LazyPanel<>(ToolTab.TIMELINE, () -> new TimelinePanel(tools), tools, p -> { }));
        tabs.addChangeListener(e -> lazyTabs.stream()
                .filter(l -> l.holder() == tabs.getSelectedComponent()).findFirst().ifPresent(LazyPanel::get));
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
        JPanel content = new JPanel(new MigLayout("insets 0, gap 0, wrap 1, fill, hidemode 3", "[grow, fill]", "")) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void paintComponent(java.awt.Graphics g) {
                super.paintComponent(g);
                firstPainted();
            }
        };
        content.add(toolbar);
        content.add(new JSeparator());
        content.add(notice);
        content.add(panes, "grow, push");
        content.add(status);
        setContentPane(content);
        menus = new MainMenuBar(actions);
        menus.addLessons(LessonMenu::titles, this::openLesson);
        setJMenuBar(menus);
        actions.bindKeys(getRootPane(), queues.tree()); // the message table copies its rows (Ctrl+C) itself
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
    private <T extends JComponent & QueueView> LazyPanel<T> addTool(LazyPanel<T> panel) {
        tabs.addTab(panel.tab().title(), panel.holder());
        lazyTabs.add(panel);
        return panel;
    }

    /** Brings {@code tab} to the front (building its panel if it is the first time). */
    public void showTab(ToolTab tab) {
        tabs.setSelectedIndex(tab.ordinal());
    }

    /** Brings the tab titled {@code name} (any case) to the front; one not there is ignored. */
    public void showTab(String name) {
        ToolTab.byName(name).ifPresent(this::showTab);
    }

    /**
     * Runs {@code work} on the EDT once the window has painted itself the first time (at once if it has): what the
     * first frame does not show, such as loading JNA and listing the queues, then does not delay it.
     */
    public void afterFirstPaint(Runnable work) {
        assert SwingUtilities.isEventDispatchThread();
        if (afterFirstPaint == null) {
            work.run();
        } else {
            afterFirstPaint.add(work);
        }
    }

    private void firstPainted() {
        List<Runnable> waiting = afterFirstPaint;
        if (waiting != null) {
            afterFirstPaint = null;
            SwingUtilities.invokeLater(() -> waiting.forEach(Runnable::run)); // after this paint, not inside it
        }
    }

    /** Starts the backend asked for (empty: the last one used, else the kernel), in read-only mode if asked. */
    public void start(Optional<BackendKind> requested, boolean readOnly) {
        start(requested, readOnly, null);
    }

    /** As {@link #start(Optional, boolean)}, then selects {@code initialQueue} once the listing shows it. */
    public void start(Optional<BackendKind> requested, boolean readOnly, String initialQueue) {
        if (initialQueue != null) {
            inspector.selectFirstMessageOnce(initialQueue);
        }
        controller.start(requested, readOnly, initialQueue);
    }

    /** For --filter: the message table's filter, applied to every queue shown until changed. */
    public void filterMessages(String expression) {
        messages.setFilter(expression);
    }

    /** For --demo: producers and consumers start on the demo queues once the emulated backend is in use. */
    public void playDemoTraffic() {
        traffic.get().playWhenEmulated(ClassroomScenario.lanes());
    }

    /** For --demo: a notice where the demo's limits go beyond this machine's. */
    public void explainDemoLimits() {
        controller.explainDemoLimits();
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
            case CREATE_QUEUE -> attributes.get().createQueue();
            case RECREATE -> attributes.get().recreate();
            case FILTER -> queues.focusFilter();
            case COPY -> inspector.copy();
            case RECEIVE -> operations.receive();
            case PURGE -> operations.purge();
            case UNLINK -> operations.unlink();
            case READ_ONLY -> controller.setReadOnly(!controller.readOnly());
            case COMPARE_PEEKS -> comparePeeks();
            case EXPLAIN_KERNEL_PEEK -> {
                prefs.setAskBeforeKernelPeek(!prefs.askBeforeKernelPeek());
                actions.setSelected(AppAction.EXPLAIN_KERNEL_PEEK, prefs.askBeforeKernelPeek());
            }
            case CLEAN_UP_STALE -> new StaleQueuesDialog(this, tools, dialogs, processes.latest(),
                    processes.latestBatch()).setVisible(true);
            case RECORD -> recordings.record();
            case OPEN_RECORDING -> recordings.openFile();
            case EXPORT_MESSAGES -> transfer.exportMessages();
            case IMPORT_MESSAGES -> transfer.importMessages();
            case COPY_MESSAGES -> transfer.copySelected(false);
            case MOVE_MESSAGES -> transfer.copySelected(true);
            case DARK_THEME -> switchTheme(theme == Theme.DARK ? Theme.LIGHT : Theme.DARK);
            case RESTORE_HELD -> controller.restoreHeld();
            case SHORTCUTS -> HelpWindows.showShortcuts(this, shortcuts());
            case USER_GUIDE -> HelpWindows.showUserGuide(this);
            case ABOUT -> HelpWindows.showAbout(this, dialogs);
            case OPEN_LESSON -> LessonMenu.chooseFile(this, io, prefs.node(), this::openLesson);
            case PRESENTATION -> setPresentation(!presentation);
            case ZOOM_IN -> prefs.setZoom(presentation, Zoom.in());
            case ZOOM_OUT -> prefs.setZoom(presentation, Zoom.out());
            case ZOOM_RESET -> prefs.setZoom(presentation, Zoom.set(1f));
            case QUIT -> quit();
        }
    }

    /** Every shortcut: the actions' own, then the ones panels and tables bind. */
    static java.util.List<HelpWindows.Shortcut> shortcuts() {
        java.util.List<HelpWindows.Shortcut> out = new java.util.ArrayList<>();
        for (AppAction a : AppAction.values()) {
            if (a.key() != null) {
                String mods = java.awt.event.InputEvent.getModifiersExText(a.key().getModifiers());
                String key = java.awt.event.KeyEvent.getKeyText(a.key().getKeyCode());
                out.add(new HelpWindows.Shortcut(a.label().replace("…", ""), mods.isEmpty() ? key : mods + "+"
                        + key));
            }
        }
        out.add(new HelpWindows.Shortcut("Send (in the Send tab)", "Ctrl+Enter"));
        out.add(new HelpWindows.Shortcut("Insert a tab character in the Send body", "Ctrl+Tab"));
        out.add(new HelpWindows.Shortcut("Pause the charts (in the Charts tab)", "Alt+P"));
        out.add(new HelpWindows.Shortcut("Next / previous field (also out of the message table)",
                "Tab / Shift+Tab"));
        out.add(new HelpWindows.Shortcut("Copy the selected rows as text (in the message table)", "Ctrl+C"));
        out.add(new HelpWindows.Shortcut("Close a dialog", "Escape"));
        return out;
    }

    /** Non-modal: Ctrl+Q must quit from it too, so the window's Quit is bound in its root pane as well. */
    private void comparePeeks() {
        ProposedPeekDialog d = new ProposedPeekDialog(this, io, controller.rawBackend(), inspector.queue());
        AppAction quit = AppAction.QUIT;
        d.getRootPane().getInputMap(javax.swing.JComponent.WHEN_IN_FOCUSED_WINDOW).put(quit.key(), quit.name());
        d.getRootPane().getActionMap().put(quit.name(), actions.get(quit));
        d.setVisible(true);
    }

    /** The queue of the backend in use under a point of the tree, or null. */
    private static String queueAt(QueueTreePanel queues, java.awt.Point at) {
        javax.swing.tree.TreePath path = queues.tree().getPathForLocation(at.x, at.y);
        Object node = path == null ? null : path.getLastPathComponent();
        Object entry = node instanceof javax.swing.tree.DefaultMutableTreeNode n ? n.getUserObject() : node;
        return entry instanceof QueueTreeModel.QueueEntry q && q.kind() == queues.model().active() ? q.name() : null;
    }

    /** The rows selected in the message table, by their place in receive order. */
    private static TransferActions.Selection selection(MessageTablePanel messages) {
        int[] positions = messages.selectedModelRows();
        java.util.List<org.mqscope.mq.MqMessage> chosen = new java.util.ArrayList<>();
        for (int p : positions) {
            chosen.add(messages.model().messageAt(p));
        }
        return new TransferActions.Selection(chosen, positions);
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
        timeline.get().followLesson(runner, lesson.title());
        showTab(ToolTab.TIMELINE);
        LessonWindow[] opened = new LessonWindow[1];
        opened[0] = new LessonWindow(this, io, runner, () -> {
            if (lessonWindow == opened[0]) {
                lessonWindow = null;
                timeline.get().followWindow();
            }
        });
        lessonWindow = opened[0];
        lessonWindow.setVisible(true);
    }

    /** The recording windows open now (Queue → Record…, File → Open Recording…). */
    public java.util.List<org.mqscope.ui.recording.RecordingWindow> recordingWindows() {
        return recordings.windows();
    }

    /** Records {@code request} in a recording window, as Queue → Record… does after its question. */
    public org.mqscope.ui.recording.RecordingWindow recordingFor(org.mqscope.mq.QueueRecorder.Request request) {
        return recordings.start(request);
    }

    /** Opens a recording file in a recording window, as File → Open Recording… does after its chooser. */
    public org.mqscope.ui.recording.RecordingWindow openRecording(java.nio.file.Path file) {
        return recordings.open(file);
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
        if (closed || !recordings.mayQuit()) {
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
        recordings.closeAll();
        traffic.ifBuilt().ifPresent(TrafficPanel::stop); // before the backends close: its workers hold descriptors
        timeline.ifBuilt().ifPresent(TimelinePanel::stop);
        controller.close();
        dispose();
    }
}
