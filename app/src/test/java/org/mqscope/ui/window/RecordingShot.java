package org.mqscope.ui.window;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;

import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;

import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.QueueRecorder;
import org.mqscope.threads.Workers;
import org.mqscope.ui.actions.AppAction;
import org.mqscope.ui.app.Screenshot;
import org.mqscope.ui.core.BackendFactory;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.Dialogs;
import org.mqscope.ui.core.IoExecutor;
import org.mqscope.ui.core.Theme;
import org.mqscope.ui.core.UiPrefs;
import org.mqscope.ui.recording.RecordingWindow;

/**
 * Not a test: a live kernel recording of /orders while two producers and a consumer (threads of this process,
 * named so their comm says what they are) pass orders through it; writes {@code OUTDIR/recording-TAB.png} for the
 * Events, Timeline, Who Talks to Whom, Charts and Latency tabs, then {@code recording-charts-dark.png} and
 * {@code recording-latency-dark.png} after View → Dark Theme. Needs root, BTF and the built helper. Run under a
 * display: {@code java -cp <test class path> org.mqscope.ui.window.RecordingShot OUTDIR}.
 */
public final class RecordingShot {
    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static final String QUEUE = "/mqscope-recording-shot";

    private RecordingShot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        IoExecutor io = new IoExecutor();
        Preferences node = Preferences.userRoot().node("org/mqscope/recording-shot");
        node.clear();
        MqBackend kernel = MqBackends.kernel();
        try {
            kernel.unlink(QUEUE);
        } catch (MqException e) {
            // not there: fine
        }
        MqQueue q = kernel.open(QUEUE, Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(10, 128));
        AtomicReference<MainFrame> frame = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            Theme.LIGHT.install();
            MainFrame f = new MainFrame(io, BackendFactory.standard(), WindowBounds.fixed(WindowBounds.DEFAULT_SIZE),
                    new UiPrefs(node), new Dialogs(), Theme.LIGHT);
            f.setVisible(true);
            f.start(Optional.of(BackendKind.KERNEL), false, QUEUE);
            frame.set(f);
        });
        io.awaitIdle(SETTLE);
        AtomicReference<RecordingWindow> window = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> window.set(frame.get().recordingFor(
                new QueueRecorder.Request(List.of(QUEUE), 64, Duration.ZERO))));
        Thread.sleep(1500); // the recorder loads its BPF program
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService actors = Workers.pool(Workers.Intent.TRAFFIC);
        actors.execute(() -> produce(q, "producer-eu", running, 3));
        actors.execute(() -> produce(q, "producer-us", running, 7));
        actors.execute(() -> consume(q, running));
        Thread.sleep(6000);
        running.set(false);
        actors.shutdown();
        actors.awaitTermination(5, TimeUnit.SECONDS);
        Thread.sleep(800);
        String[] tabs = {"events", "timeline", "talk", "charts", "latency"};
        for (int i = 0; i < tabs.length; i++) {
            shoot(window.get(), i, out.resolve("recording-" + tabs[i] + ".png"));
        }
        // View → Dark Theme with the recording window open: its charts must follow, as the main window's do
        SwingUtilities.invokeAndWait(() -> frame.get().actions().get(AppAction.DARK_THEME).actionPerformed(null));
        for (int i = 3; i < tabs.length; i++) {
            shoot(window.get(), i, out.resolve("recording-" + tabs[i] + "-dark.png"));
        }
        SwingUtilities.invokeAndWait(() -> {
            window.get().discardAndClose();
            frame.get().quit();
        });
        io.awaitIdle(SETTLE);
        q.close();
        kernel.unlink(QUEUE);
        kernel.close();
        node.removeNode();
        System.exit(0);
    }

    private static void shoot(RecordingWindow window, int tab, Path file) throws Exception {
        SwingUtilities.invokeAndWait(() -> ((JTabbedPane) find(window, "recording.tabs")).setSelectedIndex(tab));
        Thread.sleep(700); // the tab builds and takes the next snapshot
        SwingUtilities.invokeAndWait(() -> {
            try {
                Screenshot.write(Screenshot.render(window.getRootPane()), file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Orders at about 2,000 a second, named for the thread's comm. */
    private static void produce(MqQueue q, String name, AtomicBoolean running, int priority) {
        Thread.currentThread().setName(name);
        long n = 0;
        while (running.get()) {
            try {
                q.timedSend(("{\"order\":" + n++ + ",\"from\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8),
                        n % 10 == 0 ? 9 : priority, Instant.now().plusMillis(200));
            } catch (MqException e) {
                // ETIMEDOUT while the queue is full: the recording shows it
            }
            if (n % 2 == 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
        }
    }

    private static void consume(MqQueue q, AtomicBoolean running) {
        Thread.currentThread().setName("billing");
        while (running.get()) {
            try {
                q.timedReceive(Instant.now().plusMillis(200));
            } catch (MqException e) {
                // ETIMEDOUT when the producers pause
            }
        }
    }

    private static java.awt.Component find(java.awt.Container c, String name) {
        for (java.awt.Component k : c.getComponents()) {
            if (name.equals(k.getName())) {
                return k;
            }
            if (k instanceof java.awt.Container sub) {
                java.awt.Component f = find(sub, name);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }
}
