package org.mqscope.ui.recording;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import javax.swing.SwingUtilities;
import javax.swing.table.AbstractTableModel;

import org.mqscope.mq.QueueEvent;
import org.mqscope.mq.RecordedEvent;
import org.mqscope.ui.core.Preview;

/**
 * The event list: the kept events ({@link EventLog}), all of them or only those a filter matched. Rows are
 * added in batches ({@link #append}); when old events fall out of memory their rows go from the top in one
 * notification. EDT only.
 */
final class EventTableModel extends AbstractTableModel {
    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS")
            .withZone(ZoneId.systemDefault());

    /** The columns, in order; the names are what the header shows and what the preferences remember widths by. */
    enum Column {
        SEQ("#", Long.class), TIME("Time", String.class), PROCESS("Process", String.class),
        CALL("Call", String.class), QUEUE("Queue", String.class), PRIORITY("Prio", Integer.class),
        SIZE("Size", Long.class), PREVIEW("Preview", String.class), RESULT("Result", String.class);

        final String title;
        final Class<?> type;

        Column(String title, Class<?> type) {
            this.title = title;
            this.type = type;
        }
    }

    private static final Column[] COLUMNS = Column.values();

    private final EventLog log;
    /** Ordinals of the matching kept events, ascending; null while no filter applies (every kept event shows). */
    private long[] matches;
    private int matchCount;
    /** Index in {@link #matches} of the first one still kept. */
    private int matchStart;

    EventTableModel(EventLog log) {
        this.log = log;
    }

    EventLog log() {
        return log;
    }

    @Override
    public int getRowCount() {
        return matches == null ? log.kept() : matchCount - matchStart;
    }

    @Override
    public int getColumnCount() {
        return COLUMNS.length;
    }

    @Override
    public String getColumnName(int column) {
        return COLUMNS[column].title;
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return COLUMNS[column].type;
    }

    /** The ordinal in the recording of a row. */
    long ordinalAt(int row) {
        return matches == null ? log.first() + row : matches[matchStart + row];
    }

    RecordedEvent eventAt(int row) {
        return log.get(ordinalAt(row));
    }

    /** The events the rows show now, oldest first (for the timeline and tests). */
    List<RecordedEvent> shown() {
        int n = getRowCount();
        RecordedEvent[] out = new RecordedEvent[n];
        for (int r = 0; r < n; r++) {
            out[r] = eventAt(r);
        }
        return Arrays.asList(out);
    }

    @Override
    public Object getValueAt(int row, int column) {
        RecordedEvent r = eventAt(row);
        QueueEvent e = r.event();
        return switch (COLUMNS[column]) {
            case SEQ -> ordinalAt(row) + 1;
            case TIME -> CLOCK.format(e.time());
            case PROCESS -> process(e);
            case CALL -> e.call();
            case QUEUE -> e.queue();
            case PRIORITY -> e.priority() >= 0 ? e.priority() : null;
            case SIZE -> e.size() >= 0 ? e.size() : null;
            case PREVIEW -> r.payloadLength() == 0 ? "" : Preview.of(r.payload())
                    + (r.complete() || !e.hasMessage() ? "" : " (first " + r.payloadLength() + " B)");
            case RESULT -> result(e);
        };
    }

    /** "mqtraffic 4711": the command and the process id (a thread of its own shows as pid/tid). */
    static String process(QueueEvent e) {
        return e.actor() + " " + (e.tid() == e.pid() || e.tid() <= 0 ? String.valueOf(e.pid())
                : e.pid() + "/" + e.tid());
    }

    /** "ok", "ok (detail)" or the errno's name. */
    static String result(QueueEvent e) {
        String r = e.errno() == null ? "ok" : e.errno().name();
        return e.detail().isEmpty() ? r : r + " (" + e.detail() + ")";
    }

    /** Adds a batch of new events; rows of events that fell out of memory leave the top. */
    void append(List<RecordedEvent> batch) {
        assert SwingUtilities.isEventDispatchThread();
        if (batch.isEmpty()) {
            return;
        }
        int rowsBefore = getRowCount();
        long firstBefore = log.first();
        batch.forEach(log::add);
        long gone = log.first() - firstBefore;
        if (matches == null) {
            int removed = (int) Math.min(gone, rowsBefore);
            if (removed > 0) {
                fireTableRowsDeleted(0, removed - 1);
            }
            int now = getRowCount();
            if (now > rowsBefore - removed) {
                fireTableRowsInserted(rowsBefore - removed, now - 1);
            }
        } else {
            dropMatchesOutOfMemory(); // new rows appear once the filter has looked at them (addMatches)
        }
    }

    /** Shows every kept event (no filter). */
    void showAll() {
        matches = null;
        matchCount = 0;
        matchStart = 0;
        fireTableDataChanged();
    }

    /** A new filter: no rows until its first result comes ({@link #addMatches}). */
    void startMatching() {
        matches = new long[64];
        matchCount = 0;
        matchStart = 0;
        fireTableDataChanged();
    }

    boolean matching() {
        return matches != null;
    }

    /** The filter found these ordinals (ascending, after any it found before) to match. */
    void addMatches(long[] ordinals, int count) {
        assert matches != null : "no filter applies";
        if (count == 0) {
            return;
        }
        int rowsBefore = getRowCount();
        if (matchCount + count > matches.length) {
            int live = matchCount - matchStart;
            long[] grown = new long[Math.max(64, Integer.highestOneBit(live + count) * 2)];
            System.arraycopy(matches, matchStart, grown, 0, live);
            matches = grown;
            matchCount = live;
            matchStart = 0;
        }
        System.arraycopy(ordinals, 0, matches, matchCount, count);
        matchCount += count;
        int removed = dropMatchesOutOfMemory();
        fireTableRowsInserted(rowsBefore - removed, getRowCount() - 1);
    }

    /** Forgets matches whose events are no longer kept; returns how many rows left the top. */
    private int dropMatchesOutOfMemory() {
        int before = matchStart;
        long first = log.first();
        while (matchStart < matchCount && matches[matchStart] < first) {
            matchStart++;
        }
        int removed = matchStart - before;
        if (removed > 0) {
            fireTableRowsDeleted(0, removed - 1);
        }
        return removed;
    }

    /** Forgets every event (a recording file replaces what was shown). */
    void clear() {
        log.clear();
        if (matches != null) {
            matchCount = 0;
            matchStart = 0;
        }
        fireTableDataChanged();
    }
}
