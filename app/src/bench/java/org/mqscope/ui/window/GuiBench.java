package org.mqscope.ui.window;

import org.mqscope.ui.core.UiPrefs;
import org.mqscope.ui.core.Theme;
import org.mqscope.ui.core.QueueView;
import org.mqscope.ui.core.IoExecutor;
import org.mqscope.ui.core.Dialogs;
import org.mqscope.ui.core.BackendKind;
import java.awt.GraphicsEnvironment;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import org.mqscope.demo.DemoQueues;
import org.mqscope.monitor.QueueSampler;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.PeekResult;
import org.mqscope.ui.charts.StubContext;
import org.mqscope.ui.queues.QueueTreePanel;

/**
 * The GUI and memory figures, in a JVM of their own started by BenchMain: prints {@code key=value} lines, and
 * {@code key_skipped=why} for what cannot run here. Arguments: {@code --quick} for shorter windows of time.
 */
public final class GuiBench {
    private static final int MESSAGES = 65_536;
    private static final int BODY = 64;
    private static final int CHARTED_QUEUES = 32;
    private static final Duration CHART_PERIOD = Duration.ofMillis(100);
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Clock ticks per second of /proc/self/stat (USER_HZ, 100 on every Linux architecture mqscope runs on). */
    private static final double USER_HZ = 100;

    private GuiBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        snapshotMemory();
        String noDisplay = GraphicsEnvironment.isHeadless() ? "no display (Java runs headless)"
                : System.getenv("DISPLAY") == null ? "no display (DISPLAY is not set)" : null;
        if (noDisplay != null) {
            for (String f : new String[] {"gui_rows_shown_ms", "gui_filter_words_shown_ms", "gui_filter_json_shown_ms",
                "idle_cpu_pct", "gui_edt_busy_pct"}) {
                System.out.println(f + "_skipped=" + noDisplay);
            }
            System.exit(0);
        }
        EdtBusyMeter meter = EdtBusyMeter.install();
        SwingUtilities.invokeAndWait(Theme.LIGHT::install);
        rowsShown(quick ? 3 : 7);
        filterShown(quick ? 3 : 7);
        idleCpu(meter, Duration.ofSeconds(quick ? 5 : 10));
        charts(meter, Duration.ofSeconds(quick ? 5 : 10), true, "gui_edt_busy_pct");
        charts(meter, Duration.ofSeconds(quick ? 5 : 10), false, "gui_edt_busy_selected_pct");
        System.exit(0);
    }

    /**
     * Heap retained by an emulated snapshot of 65,536 × 64 B, per message: measured once the queue and its backend
     * are gone, so the snapshot alone holds the messages (the emulation's snapshot shares the queue's bodies).
     */
    static void snapshotMemory() throws MqException {
        long before = usedAfterGc();
        PeekResult snapshot = snapshotOfAQueueNowGone();
        long after = usedAfterGc();
        double perMessage = (after - before) / (double) snapshot.messages().size();
        System.out.printf("snapshot_bytes_per_msg=%.1f%n", perMessage);
        System.out.printf("snapshot_bytes_per_msg_overhead=%.1f%n", perMessage - BODY);
        System.out.printf("snapshot_bytes_per_msg_goal=%.1f%n", 1.3 * BODY + 64); // 1.3 × payload + 64 B
        if (snapshot.messages().size() != MESSAGES) {
            throw new IllegalStateException("the snapshot holds " + snapshot.messages().size() + " messages");
        }
    }

    private static PeekResult snapshotOfAQueueNowGone() throws MqException {
        try (MqBackend backend = MqBackends.emulated(DemoQueues.LIMITS)) {
            try (MqQueue q = backend.open("/memory", Mq.O_CREAT | Mq.O_RDWR, 0600,
                    MqAttributes.of(MESSAGES, BODY))) {
                byte[] body = new byte[BODY];
                for (int i = 0; i < MESSAGES; i++) {
                    q.send(body, i % 4);
                }
                PeekResult snapshot = q.snapshot();
                backend.unlink("/memory");
                return snapshot;
            }
        }
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Select a queue of 65,536 × 64 B in the real window: time until its rows are in the table and painted. */
    static void rowsShown(int repeats) throws Exception {
        MqBackend backend = MqBackends.emulated(DemoQueues.LIMITS);
        byte[] body = new byte[BODY];
        try (MqQueue q = backend.open("/big", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(MESSAGES, BODY));
             MqQueue e = backend.open("/empty", Mq.O_CREAT | Mq.O_RDWR)) {
            for (int i = 0; i < MESSAGES; i++) {
                Arrays.fill(body, (byte) ('a' + i % 26));
                q.send(body, i % 4 == 0 ? 7 : i % 3);
            }
        }
        try (Window w = Window.open(backend, "/big")) {
            JTable table = (JTable) find(w.frame, "messages.table");
            long[] ms = new long[repeats];
            for (int r = 0; r < repeats; r++) {
                w.select("/empty");
                eventually(() -> table.getRowCount() == 0);
                settle();
                long t0 = System.nanoTime();
                w.select("/big");
                eventually(() -> table.getRowCount() == MESSAGES);
                settle();
                ms[r] = (System.nanoTime() - t0) / 1_000_000;
            }
            Arrays.sort(ms);
            System.out.println("gui_rows_shown_ms=" + ms[repeats / 2]);
        } finally {
            backend.close();
        }
    }

    /**
     * A filter typed over 65,536 small JSON messages in the real window: from the filter applied to its count in the
     * bar ("9,363 of 65,536 match"), with the matching on mq-io and the rows filtered on the EDT. The first of the
     * repeats runs cold (before the JIT); the figure is the median.
     */
    static void filterShown(int repeats) throws Exception {
        MqBackend backend = MqBackends.emulated(DemoQueues.LIMITS);
        List<org.mqscope.mq.MqMessage> sent = new ArrayList<>();
        try (MqQueue q = backend.open("/orders", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(MESSAGES, BODY))) {
            for (int i = 0; i < MESSAGES; i++) {
                byte[] body = ("{\"n\":" + i + ",\"tier\":\"" + (i % 7 == 0 ? "gold" : "basic") + "\"}")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                q.send(body, i % 10);
                sent.add(new org.mqscope.mq.MqMessage(body, i % 10));
            }
        }
        try (Window w = Window.open(backend, "/orders")) {
            JTable table = (JTable) find(w.frame, "messages.table");
            javax.swing.JLabel count = (javax.swing.JLabel) find(w.frame, "find.count");
            w.select("/orders");
            eventually(() -> table.getRowCount() == MESSAGES);
            for (String[] f : new String[][] {{"gui_filter_words_shown_ms", "gold"},
                {"gui_filter_json_shown_ms", "$.tier=gold"}}) {
                int hits = org.mqscope.find.Filter.parse(f[1]).filter().matchAll(sent, () -> false).cardinality();
                String expected = String.format("%,d of %,d match", hits, MESSAGES);
                long[] ms = new long[repeats];
                for (int r = 0; r < repeats; r++) {
                    SwingUtilities.invokeAndWait(() -> w.frame.filterMessages(""));
                    eventually(() -> table.getRowCount() == MESSAGES);
                    settle();
                    long t0 = System.nanoTime();
                    SwingUtilities.invokeAndWait(() -> w.frame.filterMessages(f[1]));
                    eventually(() -> expected.equals(count.getText()) && table.getRowCount() == hits);
                    settle();
                    ms[r] = (System.nanoTime() - t0) / 1_000_000;
                }
                Arrays.sort(ms);
                System.out.println(f[0] + "=" + ms[repeats / 2]);
            }
        } finally {
            backend.close();
        }
    }

    /** CPU of this whole JVM, as % of one core, while the window sits idle on the demo queues, sampling. */
    static void idleCpu(EdtBusyMeter meter, Duration window) throws Exception {
        MqBackend backend = DemoQueues.newBackend();
        try (Window w = Window.open(backend, "/orders")) {
            w.select("/orders");
            Thread.sleep(3000); // let the start-up work, the JIT and the first peeks finish
            long cpu0 = cpuTicks();
            long t0 = System.nanoTime();
            meter.start();
            Thread.sleep(window.toMillis());
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("idle_cpu_pct=%.2f%n", 100.0 * (cpuTicks() - cpu0) / USER_HZ / seconds);
            System.out.printf("gui_idle_edt_busy_pct=%.2f%n", meter.busyPercent());
        } finally {
            backend.close();
        }
    }

    /**
     * 32 emulated queues with traffic, sampled at 10 Hz and charted at 10 Hz by the charts panel alone in a frame
     * (all 32 in the overview, or the selected one): the share of wall-clock time the EDT is busy.
     */
    static void charts(EdtBusyMeter meter, Duration window, boolean overview, String figure) throws Exception {
        MqBackend backend = MqBackends.emulated(DemoQueues.LIMITS);
        MqQueue[] queues = new MqQueue[CHARTED_QUEUES];
        for (int i = 0; i < CHARTED_QUEUES; i++) {
            queues[i] = backend.open(String.format("/chart%02d", i), Mq.O_CREAT | Mq.O_RDWR | Mq.O_NONBLOCK, 0600,
                    MqAttributes.of(1000, 256));
        }
        ScheduledExecutorService traffic = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-traffic");
            t.setDaemon(true);
            return t;
        });
        traffic.scheduleAtFixedRate(() -> {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            for (MqQueue q : queues) {
                try {
                    if (rnd.nextBoolean()) {
                        q.send(new byte[rnd.nextInt(1, 256)], rnd.nextInt(10));
                    } else {
                        q.receive();
                    }
                } catch (MqException e) {
                    // full or empty: the depth stays, which is traffic too
                }
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
        IoExecutor io = new IoExecutor();
        Preferences prefs = Preferences.userRoot().node("org/mqscope/bench/" + UUID.randomUUID());
        QueueSampler sampler = new QueueSampler(backend);
        JFrame[] frame = new JFrame[1];
        JPanel[] panel = new JPanel[1];
        SwingUtilities.invokeAndWait(() -> {
            frame[0] = new JFrame("charts benchmark");
            try {
                List<String> names = new ArrayList<>();
                for (MqQueue q : queues) {
                    names.add(q.name());
                }
                StubContext context = new StubContext(prefs, io, backend, frame[0], "/chart00");
                panel[0] = ChartsLoad.create(context, overview, names);
            } catch (BackingStoreException e) {
                throw new IllegalStateException(e);
            }
            frame[0].setContentPane(panel[0]);
            frame[0].setSize(WindowBounds.DEFAULT_SIZE);
            frame[0].setVisible(true);
            ((QueueView) panel[0]).backendChanged(BackendKind.EMULATED);
            ((QueueView) panel[0]).queueSelected("/chart00");
        });
        QueueView view = (QueueView) panel[0];
        sampler.addListener(batch -> SwingUtilities.invokeLater(() -> view.sampled(batch)));
        sampler.setPeriod(CHART_PERIOD);
        Thread.sleep(3000);
        meter.start();
        Thread.sleep(window.toMillis());
        System.out.printf("%s=%.2f%n", figure, meter.busyPercent());
        sampler.close();
        traffic.shutdownNow();
        SwingUtilities.invokeAndWait(frame[0]::dispose);
        io.close();
        backend.close();
        prefs.removeNode();
    }

    private static long cpuTicks() throws Exception {
        String stat = Files.readAllLines(Path.of("/proc/self/stat")).get(0);
        // Fields after the command name, which is in parentheses and may hold spaces: utime is the 14th field.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static java.awt.Component find(java.awt.Container root, String name) {
        for (java.awt.Component c : root.getComponents()) {
            if (name.equals(c.getName())) {
                return c;
            }
            if (c instanceof java.awt.Container k) {
                java.awt.Component found = find(k, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void eventually(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!onEdt(condition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited " + WAIT + " in vain");
            }
            Thread.sleep(1);
        }
    }

    /** Every event queued so far is dispatched, the repaints they asked for included. */
    private static void settle() throws Exception {
        SwingUtilities.invokeAndWait(() -> { });
        SwingUtilities.invokeAndWait(() -> { });
    }

    private static <T> T onEdt(Callable<T> c) throws Exception {
        Object[] out = new Object[1];
        Exception[] failed = new Exception[1];
        SwingUtilities.invokeAndWait(() -> {
            try {
                out[0] = c.call();
            } catch (Exception e) {
                failed[0] = e;
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }

    /** The real main window on one emulated backend, with throw-away preferences. */
    private static final class Window implements AutoCloseable {
        final IoExecutor io = new IoExecutor();
        final Preferences node = Preferences.userRoot().node("org/mqscope/bench/" + UUID.randomUUID());
        MainFrame frame;
        QueueTreePanel tree;

        static Window open(MqBackend backend, String waitFor) throws Exception {
            Window w = new Window();
            SwingUtilities.invokeAndWait(() -> {
                w.frame = new MainFrame(w.io, kind -> backend, WindowBounds.fixed(WindowBounds.DEFAULT_SIZE),
                        new UiPrefs(w.node), new Dialogs(), Theme.LIGHT);
                w.frame.setVisible(true);
                w.frame.start(Optional.of(BackendKind.EMULATED), false);
                w.tree = (QueueTreePanel) find(w.frame, "queues");
            });
            eventually(() -> w.tree.model().pathOf(waitFor) != null);
            w.io.awaitIdle(WAIT);
            return w;
        }

        void select(String queue) throws Exception {
            SwingUtilities.invokeAndWait(() -> tree.select(queue));
        }

        @Override
        public void close() throws Exception {
            SwingUtilities.invokeAndWait(frame::quit);
            io.awaitIdle(WAIT);
            SwingUtilities.invokeAndWait(frame::dispose);
            io.close();
            node.removeNode();
        }
    }
}
