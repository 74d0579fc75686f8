package org.mqscope.ui.charts;

import net.miginfocom.swing.MigLayout;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;
import org.mqscope.monitor.SampleBatch;
import org.mqscope.monitor.series.QueueSeries;
import org.mqscope.monitor.series.SeriesPoints;
import org.mqscope.monitor.series.SeriesStore;
import org.mqscope.monitor.series.SeriesWindow;
import org.mqscope.monitor.series.Thresholds;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.Icons;
import org.mqscope.ui.core.QueueContext;
import org.mqscope.ui.core.QueueView;

import javax.swing.ButtonGroup;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JToggleButton;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingUtilities;
import java.awt.CardLayout;
import java.awt.event.HierarchyEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.Rectangle2D;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.prefs.Preferences;

/**
 * Live charts of curmsgs and QSIZE: the selected queue, or an overview of chosen queues. Every sample batch is
 * recorded (even while paused or hidden); the charts move at most at the refresh rate, with one dataset change
 * per tick. While the panel is not showing it gives its sampling request back, so the window samples at the
 * tree's own pace. EDT only.
 */
public final class ChartsPanel extends JPanel implements QueueView {
    private static final long serialVersionUID = 1L;
    /** The panel's preferences node (also read by the window for the tree's thresholds). */
    public static final String PREFS_NODE = "charts";
    private static final String SELECTED = "selected";
    private static final String OVERVIEW = "overview";
    /** Without a remembered choice, the overview starts with the first few queues. */
    private static final int FIRST_CHOSEN = 6;
    /** A tick this much early still draws (the sampler's passes are not exactly periodic). */
    private static final double EARLY = 0.8;

    private final transient QueueContext ctx;
    private final transient Preferences prefs;
    private final transient ChartHistory history;
    private final transient SeriesStore store;
    private final transient Map<String, SeriesWindow> frozen = new HashMap<>();
    final SelectedQueueChart selected = new SelectedQueueChart();
    final OverviewChart overview = new OverviewChart();
    final QueueChecklist checklist = new QueueChecklist();
    final JToggleButton selectedView = new JToggleButton("Selected queue");
    final JToggleButton overviewView = new JToggleButton("Overview");
    final JComboBox<TimeWindow> window = new JComboBox<>(TimeWindow.values());
    final JComboBox<RefreshRate> rate = new JComboBox<>(RefreshRate.values());
    final JToggleButton pause = new JToggleButton("Pause");
    final JSpinner warning = new JSpinner(new SpinnerNumberModel(70, 1, 100, 5));
    final JSpinner critical = new JSpinner(new SpinnerNumberModel(90, 1, 100, 5));
    private final JLabel cursor = new JLabel(CursorText.HINT);
    private final JPanel cards = new JPanel(new CardLayout());
    private transient Thresholds thresholds = Thresholds.DEFAULT;
    private transient Consumer<Thresholds> onThresholds = t -> { };
    private String queue;
    private boolean autoChoose;
    private int namesSeen;
    private long pausedAt;
    /** Where the mouse rests on a chart, or null: the readout follows it as the charts move. */
    private ChartPanel cursorPanel;
    private java.awt.Point cursorPoint;
    private long lastDrawNanos;
    private Duration requested;
    private boolean built;
    /** For the benchmark: draw even while not showing. */
    boolean drawHidden;

    /** Charts that record from now on. */
    public ChartsPanel(QueueContext ctx) {
        this(ctx, new ChartHistory());
    }

    /** Charts of what {@code history} has recorded so far and records from now on. */
    public ChartsPanel(QueueContext ctx, ChartHistory history) {
        super(new MigLayout("insets 4 6 2 6, fill, wrap 1, hidemode 3", "[grow, fill]", "[][grow, fill][]"));
        assert SwingUtilities.isEventDispatchThread();
        this.ctx = ctx;
        this.prefs = ctx.prefs(PREFS_NODE);
        this.history = history;
        this.store = history.store();
        setName("charts");
        add(controls());
        JPanel over = new JPanel(new MigLayout("insets 0, gap 6, fill", "[180!, fill][grow, fill]", "[grow, fill]"));
        over.add(new JScrollPane(checklist));
        over.add(overview.panel());
        cards.add(selected.panel(), SELECTED);
        cards.add(over, OVERVIEW);
        add(cards, "grow, push");
        cursor.setName("charts.cursor");
        cursor.putClientProperty("FlatLaf.styleClass", "small");
        add(levels(), "wmin 0");
        restore();
        wire();
        built = true;
        applyTheme();
        if (history.latestAt() > 0) {
            queuesChanged();
        }
    }

    private JPanel controls() {
        JPanel p = new JPanel(new MigLayout("insets 0, gap 6", "[][]16[][]12[][]12[]push", "[]"));
        ButtonGroup views = new ButtonGroup();
        views.add(selectedView);
        views.add(overviewView);
        selectedView.setName("charts.view.selected");
        selectedView.setMnemonic(KeyEvent.VK_S);
        selectedView.setToolTipText("curmsgs and QSIZE of the queue selected in the tree");
        overviewView.setName("charts.view.overview");
        overviewView.setMnemonic(KeyEvent.VK_O);
        overviewView.setToolTipText("curmsgs of the queues ticked in the list, one line each");
        window.setName("charts.window");
        window.setToolTipText("How much history the charts show");
        rate.setName("charts.refresh");
        rate.setToolTipText("How often the charts move and the queues are sampled for them (Off: the charts stand)");
        pause.setName("charts.pause");
        pause.setIcon(Icons.action("pause"));
        pause.setMnemonic(KeyEvent.VK_P);
        pause.setToolTipText("Freeze the charts to read them; recording goes on (Alt+P)");
        warning.setName("charts.warning");
        warning.setToolTipText("curmsgs from this share of maxmsg on is a warning (line and tree badge)");
        critical.setName("charts.critical");
        critical.setToolTipText("curmsgs from this share of maxmsg on is critical (line and tree badge)");
        p.add(selectedView);
        p.add(overviewView);
        p.add(label("Window:", KeyEvent.VK_W, window));
        p.add(window);
        p.add(label("Refresh:", KeyEvent.VK_R, rate));
        p.add(rate);
        p.add(pause);
        return p;
    }

    /** The bottom line: values at the cursor, and the thresholds that colour the lines and the tree's badges. */
    private JPanel levels() {
        JPanel p = new JPanel(new MigLayout("insets 0, gap 4", "[grow, fill, 0:pref]16[][]0[]8[][]0[]", "[]"));
        p.add(cursor, "wmin 0");
        p.add(label("Warning at", KeyEvent.VK_A, warning));
        p.add(warning);
        p.add(new JLabel("%"));
        p.add(label("critical at", KeyEvent.VK_C, critical));
        p.add(critical);
        p.add(new JLabel("% of maxmsg"));
        return p;
    }

    private static JLabel label(String text, int mnemonic, java.awt.Component forComponent) {
        JLabel l = new JLabel(text);
        l.setDisplayedMnemonic(mnemonic);
        l.setLabelFor(forComponent);
        return l;
    }

    private void restore() {
        window.setSelectedItem(TimeWindow.ofMinutes(prefs.getLong("window", 1)));
        rate.setSelectedItem(RefreshRate.ofHertz(prefs.getInt("rate", 2)));
        thresholds = ThresholdPrefs.load(prefs);
        warning.setValue((int) Math.round(thresholds.warning() * 100));
        critical.setValue((int) Math.round(thresholds.critical() * 100));
        selected.setThresholds(thresholds);
        String chosen = prefs.get("queues", null);
        autoChoose = chosen == null;
        if (chosen != null && !chosen.isEmpty()) {
            checklist.setChosen(List.of(chosen.split("\n")));
        }
        boolean over = OVERVIEW.equals(prefs.get("view", SELECTED));
        (over ? overviewView : selectedView).setSelected(true);
        ((CardLayout) cards.getLayout()).show(cards, over ? OVERVIEW : SELECTED);
    }

    private void wire() {
        selectedView.addActionListener(e -> showView(SELECTED));
        overviewView.addActionListener(e -> showView(OVERVIEW));
        window.addActionListener(e -> {
            prefs.putLong("window", selectedWindow().length.toMinutes());
            draw();
        });
        rate.addActionListener(e -> {
            prefs.putInt("rate", selectedRate().hertz);
            updateRequest();
            draw();
        });
        pause.addActionListener(e -> setPaused(pause.isSelected()));
        warning.addChangeListener(e -> thresholdsEdited(warning));
        critical.addChangeListener(e -> thresholdsEdited(critical));
        checklist.levels(this::level);
        checklist.onChange(() -> {
            autoChoose = false;
            prefs.put("queues", String.join("\n", checklist.chosen()));
            draw();
        });
        addHierarchyListener(e -> {
            if ((e.getChangeFlags() & HierarchyEvent.SHOWING_CHANGED) != 0) {
                updateRequest();
                draw();
            }
        });
        MouseAdapter mouse = new MouseAdapter() {
            @Override
            public void mouseMoved(MouseEvent e) {
                cursorPanel = (ChartPanel) e.getSource();
                cursorPoint = e.getPoint();
                pointAt(cursorPanel, cursorPoint);
            }

            @Override
            public void mouseExited(MouseEvent e) {
                clearCursor();
            }
        };
        for (ChartPanel p : List.of(selected.panel(), overview.panel())) {
            p.addMouseMotionListener(mouse);
            p.addMouseListener(mouse);
        }
    }

    /** Called now with the thresholds in force, and again whenever the user changes them (e.g. the tree). */
    public void onThresholdsChanged(Consumer<Thresholds> listener) {
        onThresholds = listener;
        listener.accept(thresholds);
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    private void thresholdsEdited(JSpinner edited) {
        int w = (Integer) warning.getValue();
        int c = (Integer) critical.getValue();
        if (w > c) { // keep warning ≤ critical by moving the other one
            if (edited == warning) {
                critical.setValue(w);
            } else {
                warning.setValue(c);
            }
            return; // the other spinner's change event comes back here
        }
        thresholds = Thresholds.percent(w, c);
        ThresholdPrefs.save(prefs, w, c);
        selected.setThresholds(thresholds);
        onThresholds.accept(thresholds);
        checklist.repaint();
        draw();
    }

    private void showView(String view) {
        prefs.put("view", view);
        ((CardLayout) cards.getLayout()).show(cards, view);
        clearCursor();
        draw();
    }

    private void setPaused(boolean on) {
        frozen.clear();
        if (on) {
            pausedAt = history.latestAt();
            long from = pausedAt - SeriesStore.RETENTION.toMillis();
            store.all().forEach((name, s) -> frozen.put(name, s.copy(from)));
        }
        draw();
    }

    /** Gives the sampling request back while hidden or off; asks for the refresh rate while shown. */
    private void updateRequest() {
        Duration want = isShowing() ? selectedRate().period() : null;
        if (want == null ? requested != null : !want.equals(requested)) {
            requested = want;
            ctx.requestSamplePeriod(this, want);
        }
    }

    // --- QueueView ----------------------------------------------------------------------------------------------

    @Override
    public void backendChanged(BackendKind kind) {
        history.backendChanged(kind);
        frozen.clear();
        namesSeen = history.namesVersion();
        checklist.setQueues(List.of());
        draw();
    }

    @Override
    public void queueSelected(String nameOrNull) {
        queue = nameOrNull;
        draw();
    }

    @Override
    public void sampled(SampleBatch batch) {
        if (batch.failure() != null) {
            return;
        }
        history.sampled(batch); // nothing if the window recorded it already
        if (history.namesVersion() != namesSeen) {
            queuesChanged();
        }
        Duration period = selectedRate().period();
        if (period != null && System.nanoTime() - lastDrawNanos >= tickNanos(period) * EARLY) {
            draw();
        }
    }

    /**
     * Time between two chart updates: the refresh period, or longer while the window is so long that a pixel
     * column spans more than that (15 min on 900 px: a second), since the line could not move in between.
     */
    private long tickNanos(Duration period) {
        ChartPanel shown = selectedView.isSelected() ? selected.panel() : overview.panel();
        long perColumn = selectedWindow().length.toNanos() / SelectedQueueChart.columns(shown);
        return Math.max(period.toNanos(), perColumn);
    }

    private void queuesChanged() {
        namesSeen = history.namesVersion();
        List<String> names = new ArrayList<>(store.all().keySet());
        if (autoChoose) {
            for (String n : names) {
                if (checklist.chosen().size() < FIRST_CHOSEN) {
                    checklist.chosen().add(n);
                }
            }
        }
        checklist.setQueues(names);
    }

    // --- drawing ------------------------------------------------------------------------------------------------

    /** Moves the chart in front to the newest samples (or the pause), as one dataset change; nothing if hidden. */
    void draw() {
        if (!isShowing() && !drawHidden) {
            return;
        }
        lastDrawNanos = System.nanoTime();
        long to = pause.isSelected() ? pausedAt : history.latestAt();
        long from = to - selectedWindow().length.toMillis();
        if (selectedView.isSelected()) {
            selected.show(queue == null ? null : points(queue, from), from, to);
            if (queue == null || cursorPanel != selected.panel()) {
                cursor.setText(queue == null ? "Select a queue in the tree to chart it." : CursorText.HINT);
            }
        } else {
            overview.show(chosenPoints(from), from, to);
            checklist.repaintChangedLevels();
        }
        if (cursorPanel != null) {
            // The mouse stays where it is while the time axis moves under it: read the time there anew.
            pointAt(cursorPanel, cursorPoint);
        }
    }

    private SeriesPoints points(String name, long from) {
        if (pause.isSelected()) {
            return frozen.get(name);
        }
        QueueSeries s = store.get(name);
        return s == null ? null : s.slice(from);
    }

    private List<SeriesPoints> chosenPoints(long from) {
        List<SeriesPoints> list = new ArrayList<>();
        for (String name : store.all().keySet()) {
            if (checklist.chosen().contains(name)) {
                SeriesPoints p = points(name, from);
                if (p != null) {
                    list.add(p);
                }
            }
        }
        return list;
    }

    private Thresholds.Level level(String name) {
        QueueSeries s = store.get(name);
        return s == null || s.size() == 0 ? Thresholds.Level.UNKNOWN
                : thresholds.level(s.curmsgs(s.end() - 1), s.maxMessages());
    }

    /** The readout and the crosshair for the mouse at {@code at} on {@code panel}. */
    void pointAt(ChartPanel panel, java.awt.Point at) {
        Rectangle2D area = panel.getScreenDataArea(at.x, at.y);
        if (area == null || !area.contains(at)) {
            clearCursor();
            return;
        }
        boolean isSelected = panel == selected.panel();
        DateAxis time = isSelected ? selected.timeAxis() : overview.timeAxis();
        double t = time.java2DToValue(at.x, area, RectangleEdge.BOTTOM);
        if (isSelected) {
            selected.cursorAt(t);
            SeriesPoints p = selected.curmsgsDataset().getSeriesCount() == 0 ? null
                    : selected.curmsgsDataset().points(0);
            cursor.setText(CursorText.selected(p, (long) t));
        } else {
            overview.cursorAt(t);
            List<SeriesPoints> shown = new ArrayList<>();
            for (int i = 0; i < overview.dataset().getSeriesCount(); i++) {
                shown.add(overview.dataset().points(i));
            }
            cursor.setText(CursorText.overview(shown, (long) t));
        }
    }

    private void clearCursor() {
        cursorPanel = null;
        cursorPoint = null;
        selected.cursorAt(Double.NaN);
        overview.cursorAt(Double.NaN);
        cursor.setText(selectedView.isSelected() && queue == null ? "Select a queue in the tree to chart it."
                : CursorText.HINT);
    }

    private TimeWindow selectedWindow() {
        return (TimeWindow) window.getSelectedItem();
    }

    private RefreshRate selectedRate() {
        return (RefreshRate) rate.getSelectedItem();
    }

    // --- for tests and the benchmark ----------------------------------------------------------------------------

    /** curmsgs of the selected queue as drawn at the last tick. */
    public XYDataset selectedCurmsgs() {
        return selected.curmsgsDataset();
    }

    /** curmsgs lines of the overview as drawn at the last tick. */
    public XYDataset overviewCurmsgs() {
        return overview.dataset();
    }

    /** Time between two chart updates at {@code hertz} with the window and size now (for the benchmark). */
    long tickNanosForBenchmark(int hertz) {
        return tickNanos(Duration.ofMillis(1000 / hertz));
    }

    /** The sampling period this panel asks of the window now, or null when it asks nothing. */
    public Duration requestedPeriod() {
        return requested;
    }

    // --- theme --------------------------------------------------------------------------------------------------

    @Override
    public void updateUI() {
        super.updateUI();
        if (built) {
            applyTheme();
        }
    }

    private void applyTheme() {
        selected.applyTheme();
        overview.applyTheme();
    }
}
