package org.mqscope.ui.processes;

import java.awt.datatransfer.StringSelection;
import java.awt.datatransfer.Transferable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.ListSelectionModel;
import javax.swing.SortOrder;
import javax.swing.SwingUtilities;
import javax.swing.TransferHandler;
import javax.swing.table.TableRowSorter;

import net.miginfocom.swing.MigLayout;
import org.mqscope.monitor.QueueSample;
import org.mqscope.monitor.QueueSampler;
import org.mqscope.monitor.SampleBatch;
import org.mqscope.monitor.processes.NotifyOwner;
import org.mqscope.monitor.processes.ProcessScanner;
import org.mqscope.monitor.processes.QueueUsage;
import org.mqscope.monitor.processes.Role;
import org.mqscope.monitor.processes.UsageSnapshot;
import org.mqscope.mq.MqBackend;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.EmptyTextTable;
import org.mqscope.ui.core.ErrorText;
import org.mqscope.ui.core.Icons;
import org.mqscope.ui.core.IoExecutor;
import org.mqscope.ui.core.QueueContext;
import org.mqscope.ui.core.QueueView;

/**
 * The Processes tab: who holds the selected queue open, who is blocked in send or receive on it, who registered
 * for notification, and when it was last used. Scans ride on the sampler's passes, on mq-io: every pass while the
 * tab is showing, every {@value #PASSES_PER_SCAN_HIDDEN}th otherwise (the tree's badges want counts, not
 * freshness); a pass that comes while a scan is still running is skipped. EDT only.
 */
public final class ProcessesPanel extends JPanel implements QueueView {
    private static final long serialVersionUID = 1L;
    static final int PASSES_PER_SCAN_HIDDEN = 4;

    private final transient QueueContext ctx;
    private final JLabel title = new JLabel("No queue selected");
    private final JLabel activity = new JLabel();
    private final JLabel note = new JLabel();
    private final JLabel footer = new JLabel();
    private final ProcessTableModel model = new ProcessTableModel();
    private final EmptyTextTable table = new EmptyTextTable(model, "Select a queue to see who uses it.");
    private final transient List<Consumer<UsageSnapshot>> listeners = new ArrayList<>();
    private final transient List<Consumer<String>> activityListeners = new ArrayList<>();
    /** Touched only by tasks on mq-io (one thread): the scanner keeps its per-process cache between passes. */
    private transient ProcessScanner scanner;
    private int generation;
    private long passes;
    private boolean scanning;
    private String queue;
    private transient UsageSnapshot latest;
    private transient SampleBatch latestBatch;

    public ProcessesPanel(QueueContext ctx) {
        super(new MigLayout("insets 8 10 8 10, hidemode 3, wrap 1", "[grow, fill]", "[][][grow, fill][]"));
        this.ctx = ctx;
        setName("processes");
        title.putClientProperty("FlatLaf.styleClass", "h4");
        activity.setName("processes.activity");
        note.setName("processes.note");
        note.setIcon(Icons.warning());
        note.setVisible(false);
        footer.setName("processes.footer");
        footer.putClientProperty("FlatLaf.styleClass", "small");
        table.setName("processes.table");
        table.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        table.setAutoCreateRowSorter(false);
        TableRowSorter<ProcessTableModel> sorter = new TableRowSorter<>(model);
        sorter.setSortKeys(List.of(new javax.swing.RowSorter.SortKey(0, SortOrder.ASCENDING),
                new javax.swing.RowSorter.SortKey(1, SortOrder.ASCENDING)));
        // the Role column sorts in role order (holders, senders, receivers, owner), not alphabetically
        sorter.setComparator(0, (a, b) -> Integer.compare(roleRank((String) a), roleRank((String) b)));
        table.setRowSorter(sorter);
        table.setTransferHandler(new CopyRows());
        table.setAutoResizeMode(javax.swing.JTable.AUTO_RESIZE_LAST_COLUMN);
        for (int c = 0; c < ProcessTableModel.WIDTHS.length; c++) {
            table.getColumnModel().getColumn(c).setPreferredWidth(ProcessTableModel.WIDTHS[c]);
        }
        JPanel head = new JPanel(new MigLayout("insets 0, gap 12", "[][grow]", "[]"));
        head.add(title);
        head.add(activity);
        add(head);
        add(note, "growx, wmin 0");
        add(new JScrollPane(table));
        add(footer, "growx, wmin 0");
    }

    /** Every scan, on the EDT: the tree shows counts and last activity from it. */
    public void onUsage(Consumer<UsageSnapshot> listener) {
        listeners.add(listener);
    }

    /** After every scan and selection change, on the EDT: the selected queue's last activity, or null. */
    public void onActivity(Consumer<String> listener) {
        activityListeners.add(listener);
    }

    /** The last scan, or null before the first (the stale-queue dialog starts from it). */
    public UsageSnapshot latest() {
        return latest;
    }

    /** The last sampling pass seen, or null. */
    public SampleBatch latestBatch() {
        return latestBatch;
    }

    @Override
    public void backendChanged(BackendKind kind) {
        generation++;
        latest = null;
        ctx.io().run(() -> {
            scanner = null; // a new backend: a new scanner, built on its first scan
            return null;
        }, ignored -> { }, failure -> { });
        show(null);
    }

    @Override
    public void queueSelected(String nameOrNull) {
        queue = nameOrNull;
        show(latest);
    }

    @Override
    public void sampled(SampleBatch batch) {
        assert SwingUtilities.isEventDispatchThread();
        latestBatch = batch;
        passes++;
        boolean showing = isShowing();
        if (batch.failure() != null || scanning || (!showing && passes % PASSES_PER_SCAN_HIDDEN != 0)) {
            return;
        }
        MqBackend backend = ctx.backend();
        if (backend == null) {
            return;
        }
        scanning = true;
        int gen = generation;
        String focus = showing ? queue : null;
        var listing = batch.queues().stream().map(QueueSample::info).toList();
        ctx.io().run(() -> {
            if (scanner == null) {
                scanner = ProcessScanner.forBackend(backend, Set.of(QueueSampler.THREAD_NAME, IoExecutor.THREAD_NAME));
            }
            return scanner.scanAll(listing, focus);
        }, snapshot -> {
            scanning = false;
            if (gen == generation) {
                latest = snapshot;
                show(snapshot);
                listeners.forEach(l -> l.accept(snapshot));
            }
        }, failure -> {
            scanning = false;
            note.setText("Cannot tell who uses the queues: " + ErrorText.explain(failure).headline());
            note.setVisible(true);
        });
    }

    /** Shows the selected queue's part of a scan (package-private for the tests of what the user is told). */
    void show(UsageSnapshot snapshot) {
        String last = queue == null || snapshot == null || snapshot.problem() != null ? null
                : snapshot.of(queue).activityText(Instant.now());
        activityListeners.forEach(l -> l.accept(last));
        if (queue == null) {
            title.setText("No queue selected");
            activity.setText(null);
            note.setVisible(false);
            footer.setText(null);
            table.setEmptyText("Select a queue to see who uses it.");
            model.setRows(List.of());
            return;
        }
        title.setText(queue);
        if (snapshot == null) {
            activity.setText("looking…");
            model.setRows(List.of());
            table.setEmptyText("Looking for the processes that use " + queue + "…");
            return;
        }
        if (snapshot.problem() != null) {
            note.setText(snapshot.problem());
            note.setVisible(true);
            model.setRows(List.of());
            return;
        }
        QueueUsage u = snapshot.of(queue);
        activity.setText(summary(u) + " · " + u.activityText(Instant.now()));
        note.setText(u.visibility().note());
        note.setVisible(!u.visibility().complete());
        table.setEmptyText(u.visibility().complete() ? "Nobody holds " + queue + " open or waits on it."
                : "Nobody you can see holds " + queue + " open; other users' processes are hidden from you.");
        model.setRows(u.users());
        footer.setText(footerText(u));
    }

    /** "2 processes hold it (besides mqscope) · 1 waiting". */
    static String summary(QueueUsage u) {
        int holders = u.holderProcesses();
        boolean self = u.users().stream().anyMatch(x -> x.self() && x.role() == Role.HOLDER);
        return holders + (holders == 1 ? " process holds it" : " processes hold it") + (self ? " besides mqscope"
                : "") + " · " + u.waiters() + " waiting";
    }

    private static String footerText(QueueUsage u) {
        String src = "Waiters from " + u.source().description()
                + (u.source().wakeUpOrder() ? ", in wake-up order." : " (a snapshot, not in wake-up order).");
        NotifyOwner n = u.notifyOwner();
        if (n == null) {
            return "<html>" + src + "</html>";
        }
        String now = u.of(Role.BLOCKED_RECEIVE).isEmpty() ? ""
                : " Now a receiver is blocked, so the next message goes to it and the registration does not fire.";
        return "<html>" + src + "<br>Notification: pid " + n.pid() + (n.command() != null ? " (" + n.command() + ")"
                : " (exited or not visible)") + ", " + n.methodText() + ". " + NotifyOwner.RULE + now + "</html>";
    }

    private static int roleRank(String word) {
        for (Role r : Role.values()) {
            if (r.word().equals(word)) {
                return r.ordinal();
            }
        }
        return Role.values().length;
    }

    /** Ctrl+C: the selected rows (or all) as tab-separated text with a header line. */
    private final class CopyRows extends TransferHandler {
        private static final long serialVersionUID = 1L;

        @Override
        public int getSourceActions(JComponent c) {
            return COPY;
        }

        @Override
        protected Transferable createTransferable(JComponent c) {
            int[] view = table.getSelectedRows();
            if (view.length == 0) {
                view = new int[table.getRowCount()];
                for (int i = 0; i < view.length; i++) {
                    view[i] = i;
                }
            }
            int[] rows = new int[view.length];
            for (int i = 0; i < view.length; i++) {
                rows[i] = table.convertRowIndexToModel(view[i]);
            }
            return new StringSelection(model.text(rows));
        }
    }
}
