package org.mqscope.ui.processes;

import java.awt.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;

import net.miginfocom.swing.MigLayout;
import org.mqscope.ui.core.ColumnTableModel;
import org.mqscope.monitor.SampleBatch;
import org.mqscope.monitor.limits.RlimitUsage;
import org.mqscope.monitor.processes.QueueUsage;
import org.mqscope.monitor.processes.StaleQueue;
import org.mqscope.monitor.processes.UsageSnapshot;
import org.mqscope.mq.MqException;
import org.mqscope.ui.core.Dialogs;
import org.mqscope.ui.core.EmptyTextTable;
import org.mqscope.ui.core.Icons;
import org.mqscope.ui.core.QueueContext;

/**
 * Queue → Clean Up Stale Queues…: the queues nobody holds, waits on or is registered for, idle for at least the
 * chosen time, with what each charges against RLIMIT_MSGQUEUE. Unlinks only the ticked ones, after confirmation;
 * nothing is ticked at first. Unlinking is off in read-only mode. EDT only; the unlinks run on mq-io.
 */
public final class StaleQueuesDialog extends JDialog {
    private static final long serialVersionUID = 1L;
    static final List<Duration> IDLE_CHOICES = List.of(Duration.ZERO, Duration.ofMinutes(1), Duration.ofHours(1),
            Duration.ofDays(1), Duration.ofDays(7));
    static final Duration DEFAULT_IDLE = Duration.ofHours(1);

    private final transient QueueContext ctx;
    private final transient Dialogs dialogs;
    private final transient UsageSnapshot usage;
    private final transient SampleBatch batch;
    private final StaleModel model = new StaleModel();
    private final JComboBox<String> idle = new JComboBox<>();
    private final JLabel total = new JLabel();
    private final JButton unlink = new JButton("Unlink Ticked…");

    public StaleQueuesDialog(Window owner, QueueContext ctx, Dialogs dialogs, UsageSnapshot usage,
                             SampleBatch batch) {
        super(owner, "Clean Up Stale Queues", ModalityType.APPLICATION_MODAL);
        this.ctx = ctx;
        this.dialogs = dialogs;
        this.usage = usage;
        this.batch = batch;
        setName("stale");
        JPanel content = new JPanel(new MigLayout("insets dialog, wrap 1, hidemode 3", "[grow, fill]",
                "[][][grow, fill][][]"));
        JPanel top = new JPanel(new MigLayout("insets 0", "[][]push", "[]"));
        top.add(new JLabel("Nobody holds, waits on or is registered for them, and no send or receive for at least"));
        IDLE_CHOICES.forEach(d -> idle.addItem(words(d)));
        idle.setSelectedIndex(IDLE_CHOICES.indexOf(DEFAULT_IDLE));
        idle.setName("stale.idle");
        idle.addActionListener(e -> refresh());
        top.add(idle);
        content.add(top);
        JLabel note = new JLabel();
        note.setIcon(Icons.warning());
        note.setVisible(false);
        content.add(note, "wmin 0");
        EmptyTextTable table = new EmptyTextTable(model, "No stale queues.");
        table.setName("stale.table");
        table.setAutoCreateRowSorter(true);
        content.add(new JScrollPane(table), "w 640, h 260");
        total.setToolTipText("<html>" + RlimitUsage.formulaInWords() + "</html>");
        content.add(total);
        unlink.setName("stale.unlink");
        unlink.addActionListener(e -> unlinkTicked());
        JButton close = new JButton("Close");
        close.setName("stale.close");
        close.addActionListener(e -> dispose());
        JPanel buttons = new JPanel(new MigLayout("insets 0", "push[][]", "[]"));
        buttons.add(unlink);
        buttons.add(close);
        content.add(buttons);
        setContentPane(content);
        getRootPane().setDefaultButton(close);

        if (usage == null || batch == null) {
            note.setText("Still looking at who uses the queues; close this and try again in a moment.");
            note.setVisible(true);
        } else if (usage.problem() != null) {
            note.setText(usage.problem());
            note.setVisible(true);
        } else if (!usage.visibility().complete()) {
            note.setText("<html>" + usage.visibility().note() + " A queue listed here may still be used by a process"
                    + " you cannot see.</html>");
            note.setVisible(true);
        }
        if (ctx.readOnly()) {
            unlink.setToolTipText("Read-only mode is on: nothing is unlinked");
        }
        refresh();
        pack();
        setLocationRelativeTo(owner);
    }

    private void refresh() {
        Duration idleFor = IDLE_CHOICES.get(Math.max(0, idle.getSelectedIndex()));
        model.set(usage == null || batch == null ? List.of()
                : StaleQueue.find(usage, batch.queues(), idleFor, Instant.now()));
    }

    private void updateTotal() {
        List<String> names = model.ticked();
        long bytes = model.tickedCharge();
        total.setText(names.isEmpty() ? "Tick the queues to unlink." : names.size() + (names.size() == 1
                ? " queue" : " queues") + " ticked, charging " + String.format(Locale.ROOT, "%,d", bytes)
                + " bytes against RLIMIT_MSGQUEUE.");
        unlink.setEnabled(!names.isEmpty() && !ctx.readOnly());
    }

    private void unlinkTicked() {
        List<String> names = model.ticked();
        if (names.isEmpty() || ctx.readOnly()) {
            return;
        }
        if (!dialogs.confirm(this, "Unlink stale queues", "Unlink " + String.join(", ", names) + "? Their names"
                + " go at once; their messages are lost. A process that still has one open keeps it until it"
                + " closes it.", "Unlink")) {
            return;
        }
        unlink.setEnabled(false);
        ctx.io().run(() -> StaleQueue.unlink(ctx.backend(), names), this::unlinked, failure -> {
            ctx.failed("Clean up stale queues", failure);
            updateTotal();
        });
    }

    private void unlinked(Map<String, MqException> results) {
        List<String> done = new ArrayList<>();
        results.forEach((name, failure) -> {
            if (failure == null) {
                done.add(name);
                ctx.queueChanged(name);
            } else {
                ctx.failed("Unlink " + name, failure);
            }
        });
        model.remove(done);
        ctx.info(done.isEmpty() ? "No stale queue was unlinked" : "Unlinked " + String.join(", ", done));
        updateTotal();
    }

    /** "any time" (zero), "1 minute", "1 hour", "1 day", "7 days". */
    static String words(Duration d) {
        if (d.isZero()) {
            return "any time (unused now)";
        }
        if (d.toDays() > 0) {
            return d.toDays() + (d.toDays() == 1 ? " day" : " days");
        }
        return d.toHours() > 0 ? d.toHours() + (d.toHours() == 1 ? " hour" : " hours")
                : d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes");
    }

    private final class StaleModel extends ColumnTableModel {
        private static final long serialVersionUID = 1L;
        private final List<StaleQueue> rows = new ArrayList<>();
        private final List<Boolean> tick = new ArrayList<>();

        StaleModel() {
            super(List.of(column("Unlink", Boolean.class), column("Queue", String.class), column("Idle", String.class),
                    column("Last send/receive", String.class), column("Charge (bytes)", Long.class),
                    column("Owner uid", Long.class)));
        }

        void set(List<StaleQueue> stale) {
            List<String> before = ticked();
            rows.clear();
            tick.clear();
            for (StaleQueue s : stale) {
                rows.add(s);
                tick.add(before.contains(s.name()));
            }
            fireTableDataChanged();
            updateTotal();
        }

        void remove(List<String> names) {
            for (int i = rows.size() - 1; i >= 0; i--) {
                if (names.contains(rows.get(i).name())) {
                    rows.remove(i);
                    tick.remove(i);
                }
            }
            fireTableDataChanged();
        }

        List<String> ticked() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (tick.get(i)) {
                    out.add(rows.get(i).name());
                }
            }
            return out;
        }

        long tickedCharge() {
            long sum = 0;
            for (int i = 0; i < rows.size(); i++) {
                if (tick.get(i) && rows.get(i).chargeBytes() > 0) {
                    sum += rows.get(i).chargeBytes();
                }
            }
            return sum;
        }

        @Override
        public int getRowCount() {
            return rows.size();
        }

        @Override
        public boolean isCellEditable(int r, int c) {
            return c == 0 && !ctx.readOnly();
        }

        @Override
        public void setValueAt(Object value, int r, int c) {
            tick.set(r, Boolean.TRUE.equals(value));
            fireTableCellUpdated(r, c);
            updateTotal();
        }

        @Override
        public Object getValueAt(int r, int c) {
            StaleQueue s = rows.get(r);
            return switch (c) {
                case 0 -> tick.get(r);
                case 1 -> s.name();
                case 2 -> QueueUsage.ago(s.lastActivity(), Instant.now()).replace(" ago", "");
                case 3 -> s.lastActivity().toString();
                case 4 -> s.chargeBytes() >= 0 ? s.chargeBytes() : null;
                case 5 -> (long) s.uid();
                default -> null;
            };
        }
    }
}
