package org.mqscope.ui.core;

import java.util.List;
import javax.swing.table.AbstractTableModel;

/**
 * A table model whose columns are described once, each header with the class of its values (which picks the
 * renderer, editor and sort order), instead of parallel name and type arrays and the same three overrides in every
 * model. Rows and values stay the subclass's.
 */
public abstract class ColumnTableModel extends AbstractTableModel {
    private static final long serialVersionUID = 1L;

    /** A column's header and the class of its values. */
    public record Column(String name, Class<?> type) {
    }

    private final List<Column> columns;

    protected ColumnTableModel(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    public static Column column(String name, Class<?> type) {
        return new Column(name, type);
    }

    @Override
    public final int getColumnCount() {
        return columns.size();
    }

    @Override
    public final String getColumnName(int column) {
        return columns.get(column).name();
    }

    @Override
    public final Class<?> getColumnClass(int column) {
        return columns.get(column).type();
    }

    /** {@code modelRows} as tab-separated text under a header line, for the clipboard; empty cells stay empty. */
    public String text(int[] modelRows) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            sb.append(c > 0 ? "\t" : "").append(columns.get(c).name());
        }
        sb.append('\n');
        for (int r : modelRows) {
            for (int c = 0; c < columns.size(); c++) {
                Object v = getValueAt(r, c);
                sb.append(c > 0 ? "\t" : "").append(v == null ? "" : v);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
