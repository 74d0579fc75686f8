package org.mqscope.ui.recording;

import java.awt.BorderLayout;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;

import org.mqscope.mq.QueueEvent;
import org.mqscope.mq.RecordedEvent;
import org.mqscope.ui.core.Dim;
import org.mqscope.ui.core.Numbers;
import org.mqscope.ui.core.sequence.SequenceView;

/**
 * The classroom timeline drawn from real processes: the same sequence diagram as the Timeline tab, one lane per
 * process ("command pid") around the recorded queues, fed with the last {@link #ROWS} events the event list shows
 * (so its filter applies here too). EDT only.
 */
final class TimelineTab extends JPanel {
    /** A sequence diagram is read row by row: more than this is scrolling, not reading. */
    static final int ROWS = 2_000;

    private final SequenceView view = new SequenceView("recording.timeline");
    private final JLabel note = new JLabel();

    TimelineTab() {
        super(new BorderLayout());
        note.setName("recording.timeline.note");
        Dim.text(note);
        JPanel top = new JPanel(new BorderLayout());
        top.setBorder(javax.swing.BorderFactory.createEmptyBorder(4, 8, 4, 8));
        top.add(note, BorderLayout.CENTER);
        add(top, BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(view);
        scroll.setColumnHeaderView(view.header());
        scroll.setBorder(null);
        add(scroll, BorderLayout.CENTER);
    }

    SequenceView view() {
        return view;
    }

    /** Shows the last {@link #ROWS} of {@code shown} (the event list's rows, oldest first). */
    void show(List<RecordedEvent> shown) {
        assert SwingUtilities.isEventDispatchThread();
        List<RecordedEvent> tail = shown.size() > ROWS ? shown.subList(shown.size() - ROWS, shown.size()) : shown;
        List<QueueEvent> rows = new ArrayList<>(tail.size());
        for (RecordedEvent e : tail) {
            rows.add(asLane(e.event()));
        }
        boolean atEnd = view.rows().isEmpty() || view.getVisibleRect().y + view.getVisibleRect().height
                >= view.getHeight() - view.rowHeight() * 2;
        view.setRows(rows);
        if (atEnd) {
            view.scrollToEnd();
        }
        note.setText(shown.size() > ROWS ? "The last " + Numbers.grouped(ROWS) + " of the " + Numbers.grouped(
                shown.size()) + " events the list shows" : Numbers.grouped(shown.size()) + " events, as the list "
                + "shows them (its filter applies here)");
    }

    /**
     * The event with its process as the lane: a command name alone would put two processes of one program in the
     * same lane, so the lane is "command pid".
     */
    static QueueEvent asLane(QueueEvent e) {
        return new QueueEvent(e.seq(), e.time(), e.actor() + " " + e.pid(), e.pid(), e.tid(), e.kind(), e.call(),
                e.queue(), e.priority(), e.size(), e.bodyHash(), e.errno(), e.detail());
    }
}
