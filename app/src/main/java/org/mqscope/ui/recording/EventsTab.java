package org.mqscope.ui.recording;

import java.awt.BorderLayout;
import java.util.concurrent.Executor;
import java.util.prefs.Preferences;

import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.table.TableColumn;

import org.mqscope.ui.core.Numbers;
import org.mqscope.ui.core.find.FilterBar;
import org.mqscope.ui.core.find.SavedViews;

/**
 * The live event list: one row per call (time, process, call, queue, priority, size, preview, result), filtered with the find bar's language. While the last row is in view the list follows new events;
 * scrolled up, it stays where the user is. Column widths are remembered. EDT only.
 */
final class EventsTab extends JPanel {
    static final String WIDTH_PREFIX = "column.";

    private final EventTableModel model;
    private final JTable table;
    private final FilterBar bar;
    private final EventFilter filter;
    private final Preferences prefs;
    private final javax.swing.JCheckBox own = new javax.swing.JCheckBox("mqscope's own calls");
    private boolean following = true;
    private boolean scrollingToEnd;
    private int lastScroll;

    EventsTab(EventLog log, Executor background, Preferences prefs, java.util.function.Consumer<String> onProblem) {
        super(new BorderLayout());
        this.prefs = prefs;
        model = new EventTableModel(log);
        table = new JTable(model);
        table.setName("recording.events");
        table.setAutoCreateRowSorter(false); // rows come in recording order; sorting 100,000 live rows helps nobody
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setFillsViewportHeight(true);
        bar = new FilterBar("recording.find", new SavedViews(prefs.node("find")));
        bar.alwaysOnlyMatches();
        filter = new EventFilter(model, background, onProblem, this::showCount);
        bar.onFilter(f -> {
            filter.apply(f);
            showCount();
        });
        bar.onStep(this::step);
        own.setName("recording.own");
        own.setToolTipText("Also list what this mqscope does on the queues (its sampler opens each queue every"
                + " second, its peeks read them); the file has them either way");
        own.addActionListener(e -> {
            filter.hideOwnCalls(!own.isSelected());
            showCount();
        });
        bar.onEscape(table::requestFocusInWindow);
        filter.hideOwnCalls(true);
        restoreWidths();
        JPanel top = new JPanel(new BorderLayout());
        top.add(bar, BorderLayout.CENTER);
        top.add(own, BorderLayout.EAST);
        add(top, BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(table);
        scroll.setBorder(null);
        add(scroll, BorderLayout.CENTER);
        javax.swing.JScrollBar vertical = scroll.getVerticalScrollBar();
        vertical.addAdjustmentListener(e -> userScrolled(vertical));
    }

    /**
     * Whether the list follows new events is the user's choice, read from where they scroll: up stops it, back to
     * the end starts it again. Rows arriving (the maximum grows, the position stays), our own scrolls and a hidden
     * tab change nothing — judging "at the end" from the position at each batch stopped following as soon as one
     * batch came while the tab was hidden or not yet laid out.
     */
    private void userScrolled(javax.swing.JScrollBar vertical) {
        int value = vertical.getValue();
        if (value != lastScroll && !scrollingToEnd && table.isShowing()) {
            following = value + vertical.getVisibleAmount() >= vertical.getMaximum() - 2 * table.getRowHeight();
        }
        lastScroll = value;
    }

    EventTableModel model() {
        return model;
    }

    JTable table() {
        return table;
    }

    FilterBar filterBar() {
        return bar;
    }

    /** New events are in the log: show them (following the end if it was in view) and filter them. */
    void eventsAdded(java.util.List<org.mqscope.mq.RecordedEvent> batch) {
        assert SwingUtilities.isEventDispatchThread();
        model.append(batch);
        filter.eventsAdded();
        showCount();
        if (following) {
            SwingUtilities.invokeLater(this::scrollToEnd); // once the table has grown to its new rows
        }
    }

    /** The whole recording was replaced (a file opened into this window): start the list and filter over. */
    void reset() {
        model.clear();
        filter.apply(bar.filter());
        showCount();
    }

    private void scrollToEnd() {
        int rows = table.getRowCount();
        if (rows > 0) {
            scrollingToEnd = true;
            try {
                table.scrollRectToVisible(table.getCellRect(rows - 1, 0, true));
            } finally {
                scrollingToEnd = false;
            }
        }
    }

    /** F3 / Shift+F3: the next or previous row of the filtered list. */
    private void step(int direction) {
        int rows = table.getRowCount();
        if (rows == 0) {
            return;
        }
        int at = table.getSelectedRow();
        int next = at < 0 ? (direction > 0 ? 0 : rows - 1) : Math.floorMod(at + direction, rows);
        table.setRowSelectionInterval(next, next);
        table.scrollRectToVisible(table.getCellRect(next, 0, true));
    }

    private void showCount() {
        EventLog log = model.log();
        String kept = log.dropped() > 0 ? " kept in memory (of " + Numbers.grouped(log.total()) + ")" : "";
        int rows = model.getRowCount();
        if (!model.matching()) {
            bar.setCountText(Numbers.grouped(log.kept()) + (log.kept() == 1 ? " event" : " events") + kept);
        } else if (filter.filter().isEmpty()) {
            bar.setCountText(Numbers.grouped(rows) + (rows == 1 ? " event" : " events") + kept + ", "
                    + Numbers.grouped(log.kept() - rows) + " of mqscope's own hidden");
        } else {
            bar.setCountText(Numbers.grouped(rows) + " of " + Numbers.grouped(log.kept()) + kept + " match");
        }
    }

    private void restoreWidths() {
        EventTableModel.Column[] columns = EventTableModel.Column.values();
        int[] defaults = {60, 130, 200, 135, 160, 40, 50, 225, 100};
        for (int c = 0; c < columns.length; c++) {
            TableColumn col = table.getColumnModel().getColumn(c);
            col.setPreferredWidth(prefs.getInt(WIDTH_PREFIX + columns[c].name(), defaults[c]));
        }
    }

    /** Remembers the column widths (the window closes). */
    void saveWidths() {
        EventTableModel.Column[] columns = EventTableModel.Column.values();
        for (int c = 0; c < columns.length; c++) {
            prefs.putInt(WIDTH_PREFIX + columns[c].name(), table.getColumnModel().getColumn(c).getWidth());
        }
    }

    /** Drops a filter run under way. */
    void stop() {
        filter.cancel();
    }
}
