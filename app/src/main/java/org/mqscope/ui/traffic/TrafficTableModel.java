package org.mqscope.ui.traffic;

import org.mqscope.ui.core.ColumnTableModel;
import org.mqscope.ui.core.Numbers;

import org.mqscope.traffic.LaneSpec;
import org.mqscope.traffic.LaneStats;
import org.mqscope.traffic.PayloadKind;
import org.mqscope.traffic.Pattern;
import org.mqscope.traffic.PriorityMix;
import org.mqscope.traffic.TrafficSnapshot;

import javax.swing.SwingUtilities;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One row per queue with traffic: its settings (editable), whether it runs, its depth from the last sample and its
 * counters with rates from the last two snapshots. EDT only.
 */
final class TrafficTableModel extends ColumnTableModel {

    enum Column {
        QUEUE("Queue", String.class, 74, "The queue the producer and consumer use"),
        RUN("Run", Boolean.class, 0, "Start or stop this queue's producer and consumer (Space)"),
        PRODUCER("Prod/s", Double.class, 0, "Messages the producer sends per second (0 stops it)"),
        CONSUMER("Cons/s", Double.class, 0, "Messages the consumer receives per second (0 stops it)"),
        DEPTH("Depth", String.class, 78, "curmsgs / maxmsg at the last sample"),
        // The totals live in these cells' tooltips: separate total columns made the table wider than the tab.
        SENT("Sent/s", String.class, 0, "Messages sent per second, measured (the cell's tooltip has the total)"),
        RECEIVED("Recv/s", String.class, 0,
                "Messages received per second, measured (the cell's tooltip has the total)"),
        // A lane counts EAGAIN while non-blocking and ETIMEDOUT while timed, so one column holds both.
        REFUSED("Refused", Long.class, 0, "Calls refused because the queue was full (send) or empty (receive):"
                + " EAGAIN for non-blocking lanes, ETIMEDOUT (50 ms deadline) for timed lanes"),
        MIX("Priorities", PriorityMix.class, 0, "Which priorities the producer gives its messages"),
        PAYLOAD("Payload", PayloadKind.class, 0, "What the producer's messages look like"),
        PATTERN("Pattern", Pattern.class, 0, "How the rates vary over time"),
        NON_BLOCKING("Non-block", Boolean.class, 0,
                "Non-blocking calls (EAGAIN when full or empty) instead of calls timed at 50 ms (ETIMEDOUT)");

        final String title;
        final Class<?> type;
        /** Pixels the cells need beyond the title's width (0: the title is the widest thing shown whole). */
        final int width;
        final String tip;

        Column(String title, Class<?> type, int width, String tip) {
            this.title = title;
            this.type = type;
            this.width = width;
            this.tip = tip;
        }
    }

    private static final Column[] COLUMNS = Column.values();

    private static final class Row {
        LaneStats stats;
        double sentRate = Double.NaN;
        double receivedRate = Double.NaN;
        String depth = "";

        Row(LaneStats stats) {
            this.stats = stats;
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final Consumer<LaneSpec> onSpecChanged;
    private final BiConsumer<String, Boolean> onRunChanged;
    private long lastNanos;
    private boolean editable = true;

    TrafficTableModel(Consumer<LaneSpec> onSpecChanged, BiConsumer<String, Boolean> onRunChanged) {
        super(java.util.Arrays.stream(COLUMNS).map(c -> column(c.title, c.type)).toList());
        this.onSpecChanged = onSpecChanged;
        this.onRunChanged = onRunChanged;
    }

    /** Takes a new snapshot; rates come from the difference to the one before. */
    void update(TrafficSnapshot snapshot) {
        assert SwingUtilities.isEventDispatchThread();
        Map<String, Row> old = new HashMap<>();
        rows.forEach(r -> old.put(r.stats.queue(), r));
        double seconds = lastNanos == 0 ? 0 : (snapshot.nanoTime() - lastNanos) / 1e9;
        boolean sameRows = snapshot.lanes().size() == rows.size();
        List<Row> next = new ArrayList<>(snapshot.lanes().size());
        for (int i = 0; i < snapshot.lanes().size(); i++) {
            LaneStats s = snapshot.lanes().get(i);
            Row r = old.get(s.queue());
            sameRows &= r != null && rows.get(i) == r;
            if (r == null) {
                r = new Row(s);
            } else {
                if (seconds > 0) {
                    r.sentRate = s.running() ? (s.sent() - r.stats.sent()) / seconds : Double.NaN;
                    r.receivedRate = s.running() ? (s.received() - r.stats.received()) / seconds : Double.NaN;
                }
                r.stats = s;
            }
            next.add(r);
        }
        lastNanos = snapshot.nanoTime();
        rows.clear();
        rows.addAll(next);
        if (sameRows && !rows.isEmpty()) {
            fireTableRowsUpdated(0, rows.size() - 1);
        } else {
            fireTableDataChanged();
        }
    }

    /** The depth column of {@code queue}. */
    void setDepth(String queue, String depth) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).stats.queue().equals(queue) && !rows.get(i).depth.equals(depth)) {
                rows.get(i).depth = depth;
                fireTableCellUpdated(i, Column.DEPTH.ordinal());
            }
        }
    }

    void clear() {
        rows.clear();
        lastNanos = 0;
        fireTableDataChanged();
    }

    void setEditable(boolean on) {
        editable = on;
    }

    LaneStats stats(int row) {
        return rows.get(row).stats;
    }

    List<String> queues() {
        return rows.stream().map(r -> r.stats.queue()).toList();
    }

    int rowOf(String queue) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).stats.queue().equals(queue)) {
                return i;
            }
        }
        return -1;
    }

    static Column column(int index) {
        return COLUMNS[index];
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public boolean isCellEditable(int row, int column) {
        return editable && switch (COLUMNS[column]) {
            case RUN, PRODUCER, CONSUMER, MIX, PAYLOAD, PATTERN, NON_BLOCKING -> true;
            default -> false;
        };
    }

    @Override
    public Object getValueAt(int row, int column) {
        Row r = rows.get(row);
        LaneStats s = r.stats;
        LaneSpec spec = s.spec();
        return switch (COLUMNS[column]) {
            case QUEUE -> s.queue();
            case RUN -> s.running();
            case PRODUCER -> spec.producerRate();
            case CONSUMER -> spec.consumerRate();
            case MIX -> spec.mix();
            case PAYLOAD -> spec.payload();
            case PATTERN -> spec.pattern();
            case NON_BLOCKING -> spec.nonBlocking();
            case DEPTH -> r.depth;
            case SENT -> rate(r.sentRate);
            case RECEIVED -> rate(r.receivedRate);
            case REFUSED -> s.eagain() + s.etimedout();
        };
    }

    private static String rate(double perSecond) {
        return Double.isNaN(perSecond) ? "–" : Numbers.decimal(perSecond, 1);
    }

    @Override
    public void setValueAt(Object value, int row, int column) {
        LaneSpec spec = rows.get(row).stats.spec();
        LaneSpec next = switch (COLUMNS[column]) {
            case PRODUCER -> spec.withRates(clampRate(value), spec.consumerRate());
            case CONSUMER -> spec.withRates(spec.producerRate(), clampRate(value));
            case MIX -> spec.withMix((PriorityMix) value, spec.priority());
            case PAYLOAD -> spec.withPayload((PayloadKind) value);
            case PATTERN -> spec.withPattern((Pattern) value);
            case NON_BLOCKING -> spec.withNonBlocking((Boolean) value);
            default -> null;
        };
        if (COLUMNS[column] == Column.RUN) {
            onRunChanged.accept(spec.queue(), (Boolean) value);
        } else if (next != null && !next.equals(spec)) {
            Row r = rows.get(row);
            r.stats = new LaneStats(next, r.stats.running(), r.stats.sent(), r.stats.received(), r.stats.eagain(),
                    r.stats.etimedout(), r.stats.failures(), r.stats.lastProblem());
            fireTableRowsUpdated(row, row);
            onSpecChanged.accept(next);
        }
    }

    private static double clampRate(Object value) {
        double v = ((Number) value).doubleValue();
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(LaneSpec.MAX_RATE, v));
    }
}
