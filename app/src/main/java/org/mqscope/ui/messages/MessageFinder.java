package org.mqscope.ui.messages;

import org.mqscope.find.Filter;
import org.mqscope.find.Highlights;
import org.mqscope.find.SnapshotDiff;
import org.mqscope.mq.MqMessage;
import org.mqscope.ui.core.IoExecutor;
import org.mqscope.ui.core.find.FilterBar;
import org.mqscope.ui.core.find.FilterRunner;

import javax.swing.JTable;
import javax.swing.RowFilter;
import javax.swing.SortOrder;
import javax.swing.SwingUtilities;
import javax.swing.table.TableRowSorter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * The find layer over the message table, added beside the model rather than into it: a row sorter (click a header
 * to sort, {@link #receiveOrder} to go back), a row filter fed by the filter bar's matches, the count in the bar,
 * F3 navigation, and the "arrived since the previous refresh" set that {@link FindRenderer} tints. Matching runs on
 * mq-io through {@link FilterRunner}; while a filter is set, new rows appear only once they have been matched, so a
 * live queue never flashes its unfiltered rows.
 */
final class MessageFinder {
    private final JTable table;
    private final MessageTableModel model;
    private final FilterBar bar;
    private final FilterRunner runner;
    private final IoExecutor io;
    private final TableRowSorter<MessageTableModel> sorter;
    private final List<Consumer<Filter>> filterListeners = new ArrayList<>();
    private final List<Runnable> sortListeners = new ArrayList<>();
    private final RowFilter<MessageTableModel, Integer> onlyMatching = new RowFilter<>() {
        @Override
        public boolean include(Entry<? extends MessageTableModel, ? extends Integer> entry) {
            return matches == null || matches.get(entry.getIdentifier());
        }
    };

    private Filter filter = Filter.NONE;
    /** Matches by model row for the model's current list; null while no filter is set. */
    private BitSet matches;
    private BitSet arrived = new BitSet();
    /** Rows waiting for their filter run before they are shown, and how to show them. */
    private List<MqMessage> pending;
    private Runnable pendingShow;
    private boolean rowFilterOn;
    /** Bumped when rows change: an arrival tint computed for older rows is dropped. */
    private int rowsGeneration;
    private FilterRunner.Result lastRun;
    private long lastApplyNanos;

    MessageFinder(JTable table, MessageTableModel model, FilterBar bar, IoExecutor io) {
        this.table = table;
        this.model = model;
        this.bar = bar;
        this.io = io;
        this.runner = new FilterRunner(io);
        sorter = new TableRowSorter<>(model);
        sorter.setSortsOnUpdates(true);
        table.setRowSorter(sorter);
        sorter.addRowSorterListener(e -> sortListeners.forEach(Runnable::run));
        bar.onFilter(this::filterChanged);
        bar.onStep(this::step);
        bar.onOnlyMatches(this::applyRowFilter);
        updateCount();
    }

    // ---- filter ----

    private void filterChanged(Filter f) {
        assert SwingUtilities.isEventDispatchThread();
        filter = f;
        filterListeners.forEach(l -> l.accept(f));
        if (f.isEmpty()) {
            runner.cancel();
            matches = null;
            if (pendingShow != null) {
                Runnable show = pendingShow;
                pending = null;
                pendingShow = null;
                show.run();
            }
            applyRowFilter();
            updateCount();
            table.repaint();
            return;
        }
        run(pending != null ? pending : model.messages());
    }

    private void run(List<MqMessage> list) {
        Filter f = filter;
        runner.run(f, list, r -> {
            long applyStarted = System.nanoTime();
            lastRun = r;
            matches = r.matches();
            if (pending == r.messages()) {
                Runnable show = pendingShow;
                pending = null;
                pendingShow = null;
                show.run();
            } else if (model.messages() != r.messages()) {
                return; // rows changed meanwhile: their own run follows
            }
            applyRowFilter();
            updateCount();
            table.repaint();
            lastApplyNanos = System.nanoTime() - applyStarted;
        }, why -> {
            bar.setCountText(why);
            if (pendingShow != null) { // show the rows anyway, all of them, rather than hold them back
                matches = null;
                Runnable show = pendingShow;
                pending = null;
                pendingShow = null;
                show.run();
                applyRowFilter();
            }
        });
    }

    /**
     * New rows for the table. Without a filter {@code show} runs now; with one, after the filter has run over
     * {@code messages} (the table keeps its rows until then). {@code sameQueue}: tint what arrived since the rows
     * before.
     */
    void rowsArriving(List<MqMessage> messages, boolean sameQueue, Runnable show) {
        assert SwingUtilities.isEventDispatchThread();
        List<MqMessage> before = model.messages();
        Runnable showAndTint = () -> {
            show.run();
            rowsShown(before, messages, sameQueue);
        };
        if (filter.isEmpty()) {
            showAndTint.run();
            updateCount();
            return;
        }
        pending = messages;
        pendingShow = showAndTint;
        run(messages);
    }

    /** After rows were replaced: the tint of what arrived, computed off the EDT for this very list. */
    private void rowsShown(List<MqMessage> before, List<MqMessage> now, boolean sameQueue) {
        int gen = ++rowsGeneration;
        arrived = new BitSet();
        if (!sameQueue || before.isEmpty() || before == now) {
            return;
        }
        io.run(() -> SnapshotDiff.of(before, now).arrivedRows(), rows -> {
            if (gen == rowsGeneration && model.messages() == now) {
                arrived = rows;
                table.repaint();
            }
        }, failure -> { }); // a tint is a hint: without it the rows are still right
    }

    private void applyRowFilter() {
        boolean on = matches != null && bar.onlyMatches();
        if (on || rowFilterOn) {
            sorter.setRowFilter(on ? onlyMatching : null); // re-filters even when already on: new matches
        }
        rowFilterOn = on;
        table.repaint();
    }

    private void updateCount() {
        bar.setCount(matches == null ? 0 : matches.cardinality(), model.getRowCount());
    }

    // ---- navigation ----

    /** F3 (+1) / Shift+F3 (-1): selects the next or previous matching row, in the order shown, wrapping. */
    void step(int direction) {
        int n = table.getRowCount();
        if (n == 0 || filter.isEmpty() || matches == null) {
            return;
        }
        int lead = table.getSelectionModel().getLeadSelectionIndex();
        int start = lead >= 0 && lead < n && table.isRowSelected(lead) ? lead : direction > 0 ? -1 : n;
        for (int k = 1; k <= n; k++) {
            int v = Math.floorMod(start + direction * k, n);
            if (matches.get(table.convertRowIndexToModel(v))) {
                table.setRowSelectionInterval(v, v);
                table.scrollRectToVisible(table.getCellRect(v, 0, true));
                return;
            }
        }
    }

    // ---- sorting ----

    /** Back to receive order: no sort keys. */
    void receiveOrder() {
        sorter.setSortKeys(null);
    }

    boolean sorted() {
        return sorter.getSortKeys().stream().anyMatch(k -> k.getSortOrder() != SortOrder.UNSORTED);
    }

    void onSortChanged(Runnable listener) {
        sortListeners.add(listener);
    }

    // ---- what the renderer and the panel ask ----

    void onFilterChanged(Consumer<Filter> listener) {
        filterListeners.add(listener);
    }

    Filter filter() {
        return filter;
    }

    Highlights highlights() {
        return filter.highlights();
    }

    /** True when a filter is set, all rows are shown, and this one does not match. */
    boolean dimmed(int modelRow) {
        return matches != null && !rowFilterOn && !matches.get(modelRow);
    }

    boolean arrived(int modelRow) {
        return arrived.get(modelRow);
    }

    /** Model rows that arrived since the previous refresh (a copy). */
    BitSet arrivedRows() {
        return (BitSet) arrived.clone();
    }

    /** How many rows match (all when no filter is set). */
    int matchCount() {
        return matches == null ? model.getRowCount() : matches.cardinality();
    }

    /** The last filter run delivered (its times), or null. */
    FilterRunner.Result lastRun() {
        return lastRun;
    }

    /** True while new rows wait for their filter run. */
    boolean rowsPending() {
        return pendingShow != null;
    }

    /** EDT time spent applying the last result (rows in, row filter, count). */
    long lastApplyNanos() {
        return lastApplyNanos;
    }

    FilterBar bar() {
        return bar;
    }
}
