package org.mqscope.ui.processes;

import java.util.List;

import org.mqscope.monitor.processes.QueueUser;
import org.mqscope.ui.core.ColumnTableModel;

/** One row per holder, waiter and notify owner of the selected queue. EDT only. */
final class ProcessTableModel extends ColumnTableModel {
    private static final long serialVersionUID = 1L;

    /** Preferred widths: the narrow numbers stay narrow, the command line takes the rest. */
    static final int[] WIDTHS = {135, 70, 70, 190, 120, 40, 110, 50, 60, 70, 280};

    private List<QueueUser> rows = List.of();

    ProcessTableModel() {
        super(List.of(column("Role", String.class), column("PID", Integer.class), column("TID", Integer.class),
                column("Command", String.class), column("User", String.class), column("FD", Integer.class),
                column("Mode", String.class), column("Size", Long.class), column("Priority", Integer.class),
                column("Timeout", String.class), column("Command line", String.class)));
    }

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
}
