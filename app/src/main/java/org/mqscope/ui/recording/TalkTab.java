package org.mqscope.ui.recording;

import java.awt.BorderLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.table.AbstractTableModel;

import org.mqscope.recording.QueueSummary;
import org.mqscope.ui.core.Numbers;

/**
 * Who talks to whom: for each queue, every sending process → the queue → every receiving process, with the
 * messages that went that way and their rate, from the recording's time-in-queue matching; above it each queue's
 * sends/s, receives/s, failures and time in queue (p50/p99). EDT only.
 */
final class TalkTab extends JPanel {
    private final JLabel summary = new JLabel();
    private final TalkModel model = new TalkModel();
    private final JTable table = new JTable(model);

    TalkTab() {
        super(new BorderLayout());
        summary.setName("recording.talk.summary");
        summary.setBorder(javax.swing.BorderFactory.createEmptyBorder(6, 8, 6, 8));
        summary.setVerticalAlignment(JLabel.TOP);
        table.setName("recording.talk");
        table.setFillsViewportHeight(true);
        add(summary, BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(table);
        scroll.setBorder(null);
        add(scroll, BorderLayout.CENTER);
        summary.setText("Waiting for the first events…");
    }

    JTable table() {
        return table;
    }

    String summaryText() {
        return summary.getText();
    }

    void show(Analysis.Snapshot s) {
        StringBuilder html = new StringBuilder("<html>");
        List<Row> rows = new ArrayList<>();
        for (QueueSummary q : s.queues()) {
            html.append("<b>").append(escape(q.queue())).append("</b>: ")
                    .append(Numbers.grouped(q.sends())).append(" sent (").append(rate(q.sendsPerSecond()))
                    .append("/s) · ").append(Numbers.grouped(q.receives())).append(" received (")
                    .append(rate(q.receivesPerSecond())).append("/s)");
            if (!q.failures().isEmpty()) {
                html.append(" · failed: ");
                int n = 0;
                for (Map.Entry<String, Long> f : q.failures().entrySet()) {
                    html.append(n++ > 0 ? ", " : "").append(escape(f.getKey())).append(" ×")
                            .append(Numbers.grouped(f.getValue()));
                }
            }
            html.append(" · time in queue ").append(q.withLatency() == 0 ? "not known yet" : "p50 "
                    + Nanos.text(q.p50Nanos()) + ", p99 " + Nanos.text(q.p99Nanos()) + ", max "
                    + Nanos.text(q.maxNanos()));
            if (q.uncertain() > 0 || q.notFound() > 0) {
                html.append(" · ").append(Numbers.grouped(q.notFound())).append(" receives without their send, ")
                        .append(Numbers.grouped(q.uncertain())).append(" matched without certainty");
            }
            html.append("<br>");
            for (QueueSummary.Talk t : q.talks()) {
                rows.add(new Row(t.senderPid() < 0 ? "(in the queue at the start)" : t.senderComm() + " "
                        + t.senderPid(), q.queue(), t.receiverComm() + " " + t.receiverPid(), t.messages(),
                        t.perSecond()));
            }
        }
        if (s.lost() > 0) {
            java.awt.Color c = javax.swing.UIManager.getColor("Component.error.focusedBorderColor");
            html.append("<font color='").append(c == null ? "red" : String.format("#%06x", c.getRGB() & 0xffffff))
                    .append("'>").append(Numbers.grouped(s.lost()))
                    .append(" events lost: the figures miss them</font>");
        }
        summary.setText(html.append("</html>").toString());
        model.set(rows);
    }

    private static String rate(double perSecond) {
        return perSecond >= 100 ? Numbers.grouped(perSecond) : Numbers.decimal(perSecond, 1);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** One way through a queue. */
    record Row(String sender, String queue, String receiver, long messages, double perSecond) {
    }

    /** Sender → queue → receiver, messages, per second. */
    static final class TalkModel extends AbstractTableModel {
        private static final String[] COLUMNS = {"Sender", "Queue", "Receiver", "Messages", "Per second"};
        private List<Row> rows = List.of();

        void set(List<Row> newRows) {
            rows = List.copyOf(newRows);
            fireTableDataChanged();
        }

        List<Row> rows() {
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
            return column == 3 ? Long.class : String.class;
        }

        @Override
        public Object getValueAt(int row, int column) {
            Row r = rows.get(row);
            return switch (column) {
                case 0 -> r.sender() + "  →";
                case 1 -> r.queue();
                case 2 -> "→  " + r.receiver();
                case 3 -> r.messages();
                default -> rate(r.perSecond());
            };
        }
    }
}
