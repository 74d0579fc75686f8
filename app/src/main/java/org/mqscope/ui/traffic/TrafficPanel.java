package org.mqscope.ui.traffic;

import net.miginfocom.swing.MigLayout;
import org.mqscope.traffic.LaneSpec;
import org.mqscope.traffic.LaneStats;
import org.mqscope.traffic.TrafficGenerator;
import org.mqscope.traffic.TrafficSnapshot;
import org.mqscope.monitor.QueueSample;
import org.mqscope.monitor.SampleBatch;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.Dialogs;
import org.mqscope.ui.core.IoExecutor.IoTask;
import org.mqscope.ui.core.QueueContext;
import org.mqscope.ui.core.QueueView;

import javax.swing.JButton;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import java.awt.event.KeyEvent;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * The Traffic tab: producers and consumers on chosen queues of the backend in use ({@link TrafficGenerator}), with
 * their rates, priorities and payloads, Start/Stop per queue and for all, and live counters. On the kernel it says
 * loudly that real queues change and asks once before the first start; read-only mode stops and disables it; a
 * backend switch or closing the window stops the traffic. EDT only; starting and stopping run on mq-io.
 */
public final class TrafficPanel extends JPanel implements QueueView {
    /** How often the counters and rates are refreshed. */
    static final Duration REFRESH = Duration.ofMillis(500);
    static final String KERNEL_BANNER = "Generating traffic on real kernel queues";
    private static final String PREF_PRODUCER = "producerRate";
    private static final String PREF_CONSUMER = "consumerRate";
    private static final String PREF_MIX = "mix";
    private static final String PREF_PAYLOAD = "payload";

    private final QueueContext ctx;
    private final Preferences prefs;
    private final TrafficTableModel model;
    private final TrafficTable table;
    private final Banner banner = new Banner();
    private final JButton add = new JButton("Add selected queue");
    private final JButton remove = new JButton("Remove");
    private final JButton startAll = new JButton("Start all");
    private final JButton stopAll = new JButton("Stop all");
    private final Timer refresh;
    private TrafficGenerator generator;
    private boolean kernelConfirmed;
    private List<LaneSpec> pendingScenario;
    private String lastProblem;

    public TrafficPanel(QueueContext ctx) {
        super(new MigLayout("insets 6, fill, wrap 1", "[grow, fill]", "[][grow, fill]"));
        assert SwingUtilities.isEventDispatchThread();
        this.ctx = ctx;
        this.prefs = ctx.prefs("traffic");
        setName("traffic");
        model = new TrafficTableModel(this::specChanged, this::runChanged);
        table = new TrafficTable(model);
        table.setName("traffic.table");
        table.getSelectionModel().addListSelectionListener(e -> updateEnabled());
        table.onDelete(this::removeSelected);

        banner.setName("traffic.banner");
        add.setName("traffic.add");
        add.setMnemonic(KeyEvent.VK_A);
        add.setToolTipText("Add the queue selected in the tree, with a producer and a consumer (not started yet)");
        add.addActionListener(e -> addSelected());
        remove.setName("traffic.remove");
        remove.setMnemonic(KeyEvent.VK_R);
        remove.setToolTipText("Stop and remove the selected rows (Delete)");
        remove.addActionListener(e -> removeSelected());
        startAll.setName("traffic.startAll");
        startAll.setMnemonic(KeyEvent.VK_S);
        startAll.setToolTipText("Start the producer and consumer of every queue listed");
        startAll.addActionListener(e -> startAll());
        stopAll.setName("traffic.stopAll");
        stopAll.setMnemonic(KeyEvent.VK_O);
        stopAll.setToolTipText("Stop every producer and consumer; their descriptors are closed");
        stopAll.addActionListener(e -> stopAll());

        JPanel bar = new JPanel(new MigLayout("insets 0, fillx", "[][]12[][]12[grow, fill]"));
        bar.add(add);
        bar.add(remove);
        bar.add(startAll);
        bar.add(stopAll);
        bar.add(banner, "wmin 0");
        add(bar);
        add(new JScrollPane(table));

        refresh = new Timer((int) REFRESH.toMillis(), e -> refreshCounters());
        showBanner();
        updateEnabled();
    }

    /** Starts {@code lanes} as soon as the emulated backend is in use (for --demo), unless in read-only mode. */
    public void playWhenEmulated(List<LaneSpec> lanes) {
        assert SwingUtilities.isEventDispatchThread();
        pendingScenario = List.copyOf(lanes);
        if (ctx.kind() == BackendKind.EMULATED) {
            playPending();
        }
    }

    /** Stops all traffic and closes its descriptors (on mq-io, before anything queued after it): window closing. */
    public void stop() {
        assert SwingUtilities.isEventDispatchThread();
        pendingScenario = null;
        closeGenerator();
        refresh.stop();
    }

    // --- QueueView ----------------------------------------------------------------------------------------------

    @Override
    public void backendChanged(BackendKind kind) {
        closeGenerator();
        kernelConfirmed = false;
        lastProblem = null;
        model.clear();
        showBanner();
        updateEnabled();
        if (kind == BackendKind.EMULATED) {
            playPending();
        }
    }

    @Override
    public void readOnlyChanged(boolean readOnly) {
        if (readOnly && generator != null) {
            TrafficGenerator g = generator;
            onIo(() -> {
                g.stopAll();
                return null;
            }, "Stopping traffic");
        }
        model.setEditable(!readOnly);
        if (table.isEditing()) {
            table.getCellEditor().cancelCellEditing();
        }
        showBanner();
        updateEnabled();
    }

    @Override
    public void queueSelected(String nameOrNull) {
        updateEnabled();
    }

    @Override
    public void sampled(SampleBatch batch) {
        if (generator == null || batch.failure() != null) {
            return;
        }
        for (String queue : model.queues()) {
            QueueSample s = batch.find(queue);
            int row = model.rowOf(queue);
            if (s == null) {
                model.setDepth(queue, "gone");
                if (row >= 0 && model.stats(row).running()) {
                    runChanged(queue, false);
                    ctx.info("Traffic on " + queue + " stopped: the queue is gone.");
                }
            } else {
                model.setDepth(queue, s.attributesKnown() ? s.currentMessages() + " / " + s.maxMessages() : "?");
            }
        }
    }

    // --- actions ------------------------------------------------------------------------------------------------

    private void addSelected() {
        String queue = ctx.queue();
        if (queue == null || model.rowOf(queue) >= 0 || !ensureGenerator()) {
            return;
        }
        LaneSpec d = LaneSpec.of(queue);
        generator.configure(new LaneSpec(queue, prefs.getDouble(PREF_PRODUCER, d.producerRate()),
                prefs.getDouble(PREF_CONSUMER, d.consumerRate()), enumPref(PREF_MIX, d.mix()), d.priority(),
                enumPref(PREF_PAYLOAD, d.payload()), d.pattern(), d.nonBlocking(), d.seed()));
        refreshCounters();
        int row = model.rowOf(queue);
        table.getSelectionModel().setSelectionInterval(row, row);
        ctx.info("Added " + queue + " to the traffic; start it with Run or Start all.");
    }

    private void removeSelected() {
        if (generator == null || ctx.readOnly()) {
            return;
        }
        TrafficGenerator g = generator;
        List<String> queues = Arrays.stream(table.getSelectedRows()).map(table::convertRowIndexToModel)
                .mapToObj(r -> model.stats(r).queue()).toList();
        if (queues.isEmpty()) {
            return;
        }
        onIo(() -> {
            queues.forEach(g::remove);
            return null;
        }, "Removing traffic");
    }

    private void startAll() {
        if (model.getRowCount() == 0 || !confirmKernel()) {
            return;
        }
        TrafficGenerator g = generator;
        onIo(() -> {
            g.startAll();
            return null;
        }, "Starting traffic");
    }

    private void stopAll() {
        if (generator != null) {
            TrafficGenerator g = generator;
            onIo(() -> {
                g.stopAll();
                return null;
            }, "Stopping traffic");
        }
    }

    private void runChanged(String queue, boolean on) {
        if (generator == null || (on && !confirmKernel())) {
            return;
        }
        TrafficGenerator g = generator;
        if (on) {
            onIo(() -> {
                g.start(queue);
                return null;
            }, "Starting traffic on " + queue);
        } else {
            onIo(() -> {
                g.stop(queue);
                return null;
            }, "Stopping traffic on " + queue);
        }
    }

    private void specChanged(LaneSpec spec) {
        if (generator != null) {
            generator.configure(spec); // never blocks: a running lane follows at its next step
            prefs.putDouble(PREF_PRODUCER, spec.producerRate());
            prefs.putDouble(PREF_CONSUMER, spec.consumerRate());
            prefs.put(PREF_MIX, spec.mix().name());
            prefs.put(PREF_PAYLOAD, spec.payload().name());
        }
    }

    // --- plumbing -----------------------------------------------------------------------------------------------

    private void playPending() {
        List<LaneSpec> lanes = pendingScenario;
        if (lanes == null || ctx.readOnly() || !ensureGenerator()) {
            return;
        }
        pendingScenario = null;
        lanes.forEach(generator::configure);
        refreshCounters();
        startAll();
    }

    private boolean ensureGenerator() {
        if (generator == null) {
            if (ctx.kind() == null || ctx.readOnly() || ctx.backend() == null) {
                return false;
            }
            generator = new TrafficGenerator(ctx.backend());
            refresh.start();
        }
        return true;
    }

    /** On the kernel, asks once per backend session before the first start. */
    private boolean confirmKernel() {
        if (generator == null || ctx.kind() != BackendKind.KERNEL || kernelConfirmed) {
            return generator != null;
        }
        kernelConfirmed = new Dialogs().confirm(ctx.window(), "Generate traffic on real queues",
                "The producers and consumers send to and receive from the real kernel queues listed in the "
                        + "Traffic tab. Programs that use these queues will see the messages sent, and miss the "
                        + "ones received. Nothing else is touched; the descriptors are closed when traffic stops.",
                "Start traffic");
        return kernelConfirmed;
    }

    private void closeGenerator() {
        TrafficGenerator g = generator;
        generator = null;
        refresh.stop();
        if (g == null) {
            return;
        }
        try {
            ctx.io().runSlow(() -> {
                g.close();
                return null;
            }, ignored -> { }, failure -> { });
        } catch (RuntimeException e) {
            g.close(); // mq-io is gone already: stop the workers here (bounded by TrafficGenerator.STOP_WAIT)
        }
    }

    private void onIo(IoTask<Void> task, String operation) {
        TrafficGenerator g = generator;
        ctx.io().runSlow(task, ignored -> { // stopping waits for the workers: the long lane, in order
            if (g == generator) {
                refreshCounters();
            }
        }, failure -> {
            if (g == generator) {
                refreshCounters();
                ctx.failed(operation, failure);
            }
        });
    }

    private void refreshCounters() {
        if (generator == null) {
            return;
        }
        TrafficSnapshot s = generator.snapshot();
        model.update(s);
        for (LaneStats l : s.lanes()) {
            if (l.lastProblem() != null && !l.lastProblem().equals(lastProblem)) {
                lastProblem = l.lastProblem();
                ctx.info("Traffic: " + lastProblem);
            }
        }
        updateEnabled();
    }

    private void showBanner() {
        BackendKind kind = ctx.kind();
        if (kind == BackendKind.KERNEL && !ctx.readOnly()) {
            banner.show(KERNEL_BANNER, true);
            banner.setToolTipText("Producers send to and consumers receive from this machine's queues: programs "
                    + "using them see these messages");
        } else {
            banner.show(kind == null ? "No backend in use."
                    : ctx.readOnly() ? "Read-only mode: no traffic (producers and consumers change queues)."
                    : "Emulated queues only", false);
            banner.setToolTipText(kind == BackendKind.EMULATED && !ctx.readOnly()
                    ? "The emulated namespace lives in this process: nothing outside this window changes" : null);
        }
    }

    private void updateEnabled() {
        boolean usable = ctx.kind() != null && !ctx.readOnly();
        String selected = ctx.queue();
        add.setEnabled(usable && selected != null && model.rowOf(selected) < 0);
        remove.setEnabled(usable && table.getSelectedRowCount() > 0);
        startAll.setEnabled(usable && model.getRowCount() > 0);
        boolean running = false;
        for (int i = 0; i < model.getRowCount(); i++) {
            running |= model.stats(i).running();
        }
        stopAll.setEnabled(generator != null && running);
        table.setEnabled(usable);
        table.setEmptyText(!usable ? "" : "Select a queue in the tree, then press \"Add selected queue\".");
    }

    private <E extends Enum<E>> E enumPref(String key, E fallback) {
        try {
            return Enum.valueOf(fallback.getDeclaringClass(), prefs.get(key, fallback.name()));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /** For tests: the lanes as the panel last saw them. */
    TrafficTableModel model() {
        return model;
    }

    /** For tests: whether a generator exists (traffic configured for the backend in use). */
    boolean hasGenerator() {
        return generator != null;
    }
}
