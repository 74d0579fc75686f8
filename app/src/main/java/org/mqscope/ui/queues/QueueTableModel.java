package org.mqscope.ui.queues;

import org.mqscope.mq.QueueInfo;

import javax.swing.SwingUtilities;
import javax.swing.table.AbstractTableModel;
import java.util.List;

/** The backend's queues as list() returns them: name and QSIZE (bytes of payload stored). */
public final class QueueTableModel extends AbstractTableModel {
    public static final int NAME = 0;
    public static final int QSIZE = 1;
    private static final String[] COLUMNS = {"Name", "QSIZE"};
    private static final Class<?>[] TYPES = {String.class, Long.class};

    private List<QueueInfo> queues = List.of();

    /** Replaces the rows; EDT only. */
    public void setQueues(List<QueueInfo> newQueues) {
        assert SwingUtilities.isEventDispatchThread();
        queues = List.copyOf(newQueues);
        fireTableDataChanged();
    }

    public List<QueueInfo> queues() {
        return queues;
    }

    public QueueInfo queueAt(int row) {
        return queues.get(row);
    }

    @Override
    public int getRowCount() {
        return queues.size();
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
        QueueInfo q = queues.get(row);
        return switch (column) {
            case NAME -> q.name();
            case QSIZE -> q.qsize();
            default -> throw new IndexOutOfBoundsException("column " + column);
        };
    }
}
