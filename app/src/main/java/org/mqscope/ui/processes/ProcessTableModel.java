package org.mqscope.ui.processes;

import java.util.List;

import javax.swing.table.AbstractTableModel;

import org.mqscope.monitor.processes.QueueUser;

/** One row per holder, waiter and notify owner of the selected queue. EDT only. */
final class ProcessTableModel extends AbstractTableModel {
    private static final long serialVersionUID = 1L;
    static final String[] COLUMNS = {"Role", "PID", "TID", "Command", "User", "FD", "Mode", "Size", "Priority",
        "Timeout", "Command line"};
    private static final Class<?>[] TYPES = {String.class, Integer.class, Integer.class, String.class, String.class,
        Integer.class, String.class, Long.class, Integer.class, String.class, String.class};

    /** Preferred widths: the narrow numbers stay narrow, the command line takes the rest. */
    static final int[] WIDTHS = {135, 70, 70, 190, 120, 40, 110, 50, 60, 70, 280};

    private List<QueueUser> rows = List.of();

    /** Replaces the rows; a pass that changed nothing fires no event, so the selection and scroll stay. */
    void setRows(List<QueueUser> users) {
        if (users.equals(rows)) {
            return;
        }
        rows = List.copyOf(users);
        fireTableDataChanged();
    }

    List<QueueUser> rows() {
        return rows;
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
        QueueUser u = rows.get(row);
        boolean waiter = u.role().blocked();
        return switch (column) {
            case 0 -> u.role().word();
            case 1 -> u.pid();
            case 2 -> u.tid() > 0 ? u.tid() : null;
            case 3 -> u.self() ? u.commandOrPid() + " (mqscope itself)" : u.commandOrPid();
            case 4 -> u.user();
            case 5 -> u.fd() >= 0 ? u.fd() : null;
            case 6 -> u.mode() == null ? null : u.mode().text();
            case 7 -> u.size() >= 0 ? u.size() : null;
            case 8 -> u.priority() >= 0 ? u.priority() : null;
            case 9 -> waiter ? (u.timed() ? "yes" : "none") : null;
            case 10 -> u.commandLine();
            default -> null;
        };
    }

    /** The rows as tab-separated text with a header line, for the clipboard. */
    String text(int[] modelRows) {
        StringBuilder sb = new StringBuilder(String.join("\t", COLUMNS)).append('\n');
        for (int r : modelRows) {
            for (int c = 0; c < COLUMNS.length; c++) {
                Object v = getValueAt(r, c);
                sb.append(c > 0 ? "\t" : "").append(v == null ? "" : v);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
