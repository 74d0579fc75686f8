package org.mqscope.ui.traffic;

import org.mqscope.traffic.LaneStats;
import org.mqscope.traffic.PayloadKind;
import org.mqscope.traffic.Pattern;
import org.mqscope.traffic.PriorityMix;
import org.mqscope.ui.core.EmptyTextTable;
import org.mqscope.ui.traffic.TrafficTableModel.Column;

import javax.swing.AbstractAction;
import javax.swing.DefaultCellEditor;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.KeyStroke;
import javax.swing.SwingConstants;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.JTableHeader;
import javax.swing.table.TableColumn;
import java.awt.FontMetrics;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;

/** The traffic rows: spinners for rates, combos for the choices, tooltips that explain each column. */
final class TrafficTable extends EmptyTextTable {
    private static final String DELETE = "traffic.delete";
    /** The header renderer's margins and the grid line, both sides together, with a little room to spare. */
    static final int TITLE_PADDING = 12;

    TrafficTable(TrafficTableModel model) {
        super(model, "");
        setRowHeight(Math.max(getRowHeight(), 24));
        setSurrendersFocusOnKeystroke(true);
        putClientProperty("terminateEditOnFocusLost", Boolean.TRUE);
        setDefaultEditor(Double.class, new RateEditor());
        setDefaultEditor(PriorityMix.class, new DefaultCellEditor(new JComboBox<>(PriorityMix.values())));
        setDefaultEditor(PayloadKind.class, new DefaultCellEditor(new JComboBox<>(PayloadKind.values())));
        setDefaultEditor(Pattern.class, new DefaultCellEditor(new JComboBox<>(Pattern.values())));
        DefaultTableCellRenderer right = new DefaultTableCellRenderer();
        right.setHorizontalAlignment(SwingConstants.RIGHT);
        setDefaultRenderer(String.class, right);
        getColumnModel().getColumn(Column.QUEUE.ordinal()).setCellRenderer(new DefaultTableCellRenderer());
        // Each column as wide as its title (measured in the header's font, so it holds for any theme or scale) or
        // its cells' minimum; the combo columns then show their value's start, the cell tooltip the whole.
        FontMetrics header = getTableHeader().getFontMetrics(getTableHeader().getFont());
        for (Column c : Column.values()) {
            TableColumn tc = getColumnModel().getColumn(c.ordinal());
            int width = Math.max(c.width, header.stringWidth(c.title) + TITLE_PADDING);
            tc.setPreferredWidth(width);
            tc.setMinWidth(width * 3 / 4);
        }
        setAutoResizeMode(AUTO_RESIZE_SUBSEQUENT_COLUMNS);
    }

    /** Fills the width when it can; scrolls sideways rather than squeezing the columns unreadable. */
    @Override
    public boolean getScrollableTracksViewportWidth() {
        return getParent() == null || getParent().getWidth() >= getPreferredSize().width;
    }

    void onDelete(Runnable action) {
        getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_DELETE, 0), DELETE);
        getActionMap().put(DELETE, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                action.run();
            }
        });
    }

    @Override
    protected JTableHeader createDefaultTableHeader() {
        return new JTableHeader(columnModel) {
            @Override
            public String getToolTipText(MouseEvent e) {
                int view = columnAtPoint(e.getPoint());
                return view < 0 ? null : TrafficTableModel.column(convertColumnIndexToModel(view)).tip;
            }
        };
    }

    @Override
    public String getToolTipText(MouseEvent e) {
        int row = rowAtPoint(e.getPoint());
        int col = columnAtPoint(e.getPoint());
        if (row < 0 || col < 0) {
            return null;
        }
        LaneStats s = ((TrafficTableModel) getModel()).stats(convertRowIndexToModel(row));
        Column c = TrafficTableModel.column(convertColumnIndexToModel(col));
        return switch (c) {
            case MIX -> s.spec().mix() + ": " + s.spec().mix().description()
                    + (s.spec().mix() == PriorityMix.CONSTANT ? " (" + s.spec().priority() + ")" : "");
            case PATTERN -> s.spec().pattern() + ": " + s.spec().pattern().description();
            case PAYLOAD -> s.spec().payload().toString();
            case SENT -> s.sent() + " messages sent since the queue was added";
            case RECEIVED -> s.received() + " messages received since the queue was added";
            case REFUSED -> s.eagain() + " EAGAIN (non-blocking), " + s.etimedout() + " ETIMEDOUT (timed)";
            case QUEUE -> s.lastProblem() == null ? s.queue() + (s.running() ? ": running" : ": stopped")
                    : s.queue() + ": " + s.failures() + " failed calls, last " + s.lastProblem();
            default -> c.tip;
        };
    }
}
