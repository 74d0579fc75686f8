package org.mqscope.ui.messages;

import javax.swing.SwingUtilities;
import javax.swing.table.AbstractTableModel;
import java.util.List;

/** The messages of one queue, in receive order: index, priority, size, preview. */
public final class MessageTableModel extends AbstractTableModel {
    public static final int INDEX = 0;
    public static final int PRIORITY = 1;
    public static final int SIZE = 2;
    public static final int PREVIEW = 3;
    /** Bytes of payload shown in the preview column; the detail pane shows the rest. */
    public static final int PREVIEW_BYTES = 64;

    private static final String[] COLUMNS = {"#", "Priority", "Size", "Preview"};
    private static final Class<?>[] TYPES = {Integer.class, Integer.class, Integer.class, String.class};

    private List<MessageRow> rows = List.of();

    /** Replaces the rows; EDT only. */
    public void setRows(List<MessageRow> newRows) {
        assert SwingUtilities.isEventDispatchThread();
        rows = List.copyOf(newRows);
        fireTableDataChanged();
    }

    /**
     * The payload as one line of text: printable ASCII as is, every other byte as a middle dot, cut after
     * {@link #PREVIEW_BYTES} bytes with an ellipsis. Binary payloads stay readable and one row stays one line.
     */
    public static String preview(byte[] payload) {
        int n = Math.min(payload.length, PREVIEW_BYTES);
        StringBuilder sb = new StringBuilder(n + 1);
        for (int i = 0; i < n; i++) {
            int b = payload[i] & 0xff;
            sb.append(b >= 0x20 && b < 0x7f ? (char) b : '·');
        }
        if (payload.length > PREVIEW_BYTES) {
            sb.append('…');
        }
        return sb.toString();
    }

    public MessageRow rowAt(int row) {
        return rows.get(row);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return COLUMNS.length;
    }

    @Override
    public String getColumnName(int column) {
        return COLUMNS[column];
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return TYPES[column];
    }

    @Override
    public Object getValueAt(int row, int column) {
        MessageRow r = rows.get(row);
        return switch (column) {
            case INDEX -> r.index();
            case PRIORITY -> r.priority();
            case SIZE -> r.size();
            case PREVIEW -> r.preview();
            default -> throw new IndexOutOfBoundsException("column " + column);
        };
    }
}
