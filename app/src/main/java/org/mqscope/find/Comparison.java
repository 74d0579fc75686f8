package org.mqscope.find;

import java.util.List;

/**
 * Two messages side by side, as rows the window only has to paint: lines for text, member paths for JSON, byte
 * runs for binary payloads. Built off the EDT by {@link MessageComparison}.
 *
 * @param columns the table's column names
 * @param summary e.g. "3 lines changed, 1 added, 0 removed"
 * @param note    a caveat to show above the rows (e.g. a payload too big for a byte-exact alignment), or null
 */
public record Comparison(Kind kind, List<String> columns, List<Row> rows, String summary, String note) {
    public enum Kind {
        TEXT("Text, line by line"), JSON("JSON, member by member"), BINARY("Bytes"),
        SNAPSHOT("Snapshots, messages matched by content and priority");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What happened to a row from the left message to the right one. */
    public enum Change { SAME, CHANGED, ADDED, REMOVED }

    /** One row: its change and one cell per column (empty where a side has nothing). */
    public record Row(Change change, List<String> cells) {
    }

    public Comparison {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** True when nothing differs. */
    public boolean identical() {
        return rows.stream().allMatch(r -> r.change() == Change.SAME);
    }

    public long count(Change change) {
        return rows.stream().filter(r -> r.change() == change).count();
    }
}
