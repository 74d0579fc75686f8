package org.mqscope.ui.timeline;

import java.awt.BorderLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JToggleButton;
import javax.swing.SwingUtilities;
import javax.swing.Timer;

import net.miginfocom.swing.MigLayout;
import org.mqscope.monitor.activity.EventRing;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.QueueEvent;
import org.mqscope.mq.QueueEventSource;
import org.mqscope.mq.ReadOnlyBackend;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.IoExecutor;
import org.mqscope.ui.core.QueueContext;
import org.mqscope.ui.core.QueueView;
import org.mqscope.ui.core.sequence.SequenceView;

/**
 * The activity timeline: every call on the emulated queues as a sequence diagram that scrolls live. Pause holds
 * the picture (events are still recorded, up to the ring's size); Step shows one more event at a time. A row with
 * a message selects that message in the table. The last {@link #capacity} events are kept (preference
 * {@value #CAPACITY_KEY}). EDT only.
 */
public final class TimelinePanel extends JPanel implements QueueView {
    static final String CAPACITY_KEY = "capacity";
    /** How often the diagram takes what the ring recorded: smooth enough to watch, cheap at any event rate. */
    static final int REFRESH_MS = 100;

    private final QueueContext ctx;
    private final int capacity;
    private final EventRing ring;
    private final SequenceView view = new SequenceView("timeline.view");
    private final JToggleButton pause = new JToggleButton("Pause");
    private final JButton step = new JButton("Step");
    private final JLabel source = new JLabel();
    private final JCheckBox own = new JCheckBox("mqscope's own calls");
    /** Read on the threads that make calls: whether the window's own mq-io calls are recorded. */
    private volatile boolean recordOwn;
    private final Timer refresh = new Timer(REFRESH_MS, e -> pull(Integer.MAX_VALUE));
    private final List<QueueEvent> shown = new ArrayList<>();
    private QueueEventSource.Subscription subscription;
    /** Counts follow requests, so a subscription that arrives after a newer request is closed, not kept. */
    private int subscriptions;
    /** Events of the ring taken into {@link #shown} so far (the ring's count). */
    private long taken;
    /** A lesson's namespace followed instead of the window's backend; null: the window's. */
    private QueueEventSource lesson;

    public TimelinePanel(QueueContext ctx) {
        super(new BorderLayout());
        this.ctx = ctx;
        setName("timeline");
        Preferences prefs = ctx.prefs("timeline");
        capacity = Math.max(EventRing.MIN_CAPACITY, Math.min(EventRing.MAX_CAPACITY,
                prefs.getInt(CAPACITY_KEY, EventRing.DEFAULT_CAPACITY)));
        ring = new EventRing(capacity);
        pause.setName("timeline.pause");
        pause.setToolTipText("Hold the diagram; events are still recorded (the last " + capacity + ")");
        pause.addActionListener(e -> step.setEnabled(pause.isSelected()));
        step.setName("timeline.step");
        step.setToolTipText("Show the next recorded event");
        step.setEnabled(false);
        step.addActionListener(e -> pull(1));
        JButton clear = new JButton("Clear");
        clear.setName("timeline.clear");
        clear.addActionListener(e -> clear());
        source.setName("timeline.source");
        own.setName("timeline.own");
        own.setToolTipText("Also record what mqscope itself does on " + IoExecutor.THREAD_NAME
                + ": its live peeks (open, peek, close twice a second) and what the Send tab sends");
        own.addActionListener(e -> recordOwn = own.isSelected());
        JPanel bar = new JPanel(new MigLayout("insets 4 6 4 6", "[][][][]push[]"));
        bar.add(pause);
        bar.add(step);
        bar.add(clear);
        bar.add(own, "gapleft unrel");
        bar.add(source);
        add(bar, BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(view);
        scroll.setColumnHeaderView(view.header());
        scroll.setBorder(null);
        add(scroll, BorderLayout.CENTER);
        view.onSelect(this::rowSelected);
        refresh.setRepeats(true);
        showSource(null);
    }

    /** Events kept at most (the ring's size). */
    public int capacity() {
        return capacity;
    }

    /** The rows the diagram shows now, oldest first. */
    public List<QueueEvent> rows() {
        return List.copyOf(shown);
    }

    /** Where row {@code row} is drawn, scrolled into view first (for tests that click a row). */
    public java.awt.Rectangle showRow(int row) {
        assert SwingUtilities.isEventDispatchThread();
        view.select(row);
        return new java.awt.Rectangle(0, row * view.rowHeight(), view.getWidth(), view.rowHeight());
    }

    public boolean paused() {
        return pause.isSelected();
    }

    @Override
    public void backendChanged(BackendKind kind) {
        if (lesson == null) {
            followWindow();
        }
    }

    /** Follows a lesson's private namespace until {@link #followWindow()}. */
    public void followLesson(QueueEventSource events, String title) {
        assert SwingUtilities.isEventDispatchThread();
        lesson = events;
        subscribe(events, "Lesson: " + title);
    }

    /** Follows the window's backend again (events only where it reports them: the emulation). */
    public void followWindow() {
        assert SwingUtilities.isEventDispatchThread();
        lesson = null;
        MqBackend b = ctx.backend();
        if (b instanceof ReadOnlyBackend ro) {
            b = ro.inner();
        }
        BackendKind kind = ctx.kind(); // its label, not b.id(): no backend call on the EDT
        subscribe(b instanceof QueueEventSource s ? s : null, b == null || kind == null ? null
                : "Backend: " + kind.label());
    }

    private void subscribe(QueueEventSource events, String label) {
        int generation = ++subscriptions;
        QueueEventSource.Subscription old = subscription;
        subscription = null;
        clear();
        showSource(events == null ? null : label);
        if (events == null) {
            refresh.stop();
            closeOffEdt(old);
            return;
        }
        refresh.start();
        // Subscribing is a call on the backend: on mq-io, like every other.
        ctx.io().run(() -> {
            if (old != null) {
                old.close();
            }
            return events.subscribe(e -> {
                if (recordOwn || !e.actor().equals(IoExecutor.THREAD_NAME)) {
                    ring.accept(e);
                }
            });
        }, s -> {
            if (generation == subscriptions) {
                subscription = s;
            } else {
                closeOffEdt(s); // followed something else meanwhile
            }
        }, failure -> ctx.failed("follow the activity", failure));
    }

    private void closeOffEdt(QueueEventSource.Subscription s) {
        if (s != null) {
            ctx.io().run(() -> {
                s.close();
                return null;
            }, ignored -> { }, failure -> { });
        }
    }

    private void showSource(String label) {
        source.setText(label != null ? label + " · last " + capacity + " events"
                : "Activity is recorded on the emulated backend (and in lessons)");
    }

    /** Takes up to {@code max} new events from the ring into the diagram; live mode takes them all each tick. */
    void pull(int max) {
        if (paused() && max == Integer.MAX_VALUE) {
            return;
        }
        EventRing.Slice slice = ring.since(taken);
        List<QueueEvent> fresh = slice.events();
        if (fresh.isEmpty()) {
            return;
        }
        List<QueueEvent> add = fresh.size() > max ? fresh.subList(0, max) : fresh;
        // what fell out of the ring before it was taken is skipped: count from the ring, not from the list
        taken = slice.end() - (fresh.size() - add.size());
        shown.addAll(add);
        if (shown.size() > capacity) {
            shown.subList(0, shown.size() - capacity).clear();
        }
        view.setRows(shown);
        view.scrollToEnd();
    }

    private void clear() {
        ring.clear();
        taken = 0;
        shown.clear();
        view.setRows(shown);
    }

    private void rowSelected(QueueEvent e) {
        if (e.hasMessage() && lesson == null) {
            ctx.selectMessage(e.queue(), e::matches);
        }
        ctx.info(e.actor() + " (pid " + e.pid() + "): " + e.summary() + " on " + e.queue());
    }

    /** Stops following (the window closes). */
    public void stop() {
        refresh.stop();
        subscriptions++;
        closeOffEdt(subscription);
        subscription = null;
    }
}
