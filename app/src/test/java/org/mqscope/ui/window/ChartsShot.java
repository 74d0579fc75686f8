package org.mqscope.ui.window;

import org.mqscope.ui.core.UiPrefs;
import org.mqscope.ui.core.Theme;
import org.mqscope.ui.core.IoExecutor;
import org.mqscope.ui.core.Edt;
import org.mqscope.ui.core.Dialogs;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.app.Screenshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import org.mqscope.demo.DemoQueues;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;

/**
 * Not a test: the Charts tab with a producer filling "/jobs" and a consumer draining it in bursts, so the line
 * climbs through the warning and critical zones; writes {@code OUTDIR/charts-moving-THEME-selected.png} and
 * {@code -overview.png}. Run under a display: {@code java -cp <test class path> org.mqscope.ui.window.ChartsShot OUTDIR
 * light|dark}.
 */
public final class ChartsShot {
    private static final String JOBS = "/jobs";

    private ChartsShot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Theme theme = Theme.byId(args[1]);
        MqBackend demo = DemoQueues.newBackend();
        demo.open(JOBS, Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(20, 64)).close();
        ScheduledExecutorService traffic = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "shot-traffic");
            t.setDaemon(true);
            return t;
        });
        MqQueue producer = demo.open(JOBS, Mq.O_WRONLY | Mq.O_NONBLOCK);
        MqQueue consumer = demo.open(JOBS, Mq.O_RDONLY | Mq.O_NONBLOCK);
        traffic.scheduleAtFixedRate(() -> quietly(() -> producer.send(
                "{\"job\":1}".getBytes(StandardCharsets.UTF_8), 1)), 0, 150, TimeUnit.MILLISECONDS);
        traffic.scheduleAtFixedRate(() -> {
            for (int i = 0; i < 16; i++) {
                quietly(consumer::receive);
            }
        }, 3500, 3500, TimeUnit.MILLISECONDS);
        Preferences node = Preferences.userRoot().node("org/mqscope/chartsshot");
        node.removeNode();
        node = Preferences.userRoot().node("org/mqscope/chartsshot");
        node.node("charts").putInt("rate", 10);
        UiPrefs prefs = new UiPrefs(node);
        IoExecutor io = new IoExecutor();
        MainFrame f = Edt.call(() -> {
            theme.install();
            MainFrame frame = new MainFrame(io, kind -> demo, WindowBounds.fixed(WindowBounds.DEFAULT_SIZE), prefs,
                    new Dialogs(), theme);
            frame.setVisible(true);
            frame.start(Optional.of(BackendKind.EMULATED), false, JOBS);
            frame.showTab("charts");
            return frame;
        });
        Thread.sleep(14_000);
        Screenshot.write(Edt.call(() -> Screenshot.render(f)), out.resolve("charts-moving-" + theme.id()
                + "-selected.png"));
        Edt.run(() -> {
            // the overview starts with the first six queues by name, /jobs among them
            ((javax.swing.JToggleButton) byName(f, "charts.view.overview")).doClick();
        });
        Thread.sleep(1500);
        Screenshot.write(Edt.call(() -> Screenshot.render(f)), out.resolve("charts-moving-" + theme.id()
                + "-overview.png"));
        traffic.shutdownNow();
        Edt.run(f::quit);
        io.close();
        node.removeNode();
        System.exit(0);
    }

    private interface Call {
        void run() throws MqException;
    }

    private static void quietly(Call c) {
        try {
            c.run();
        } catch (MqException e) {
            // EAGAIN when full or empty: the shot wants exactly that
        }
    }

    private static java.awt.Component byName(java.awt.Container c, String name) {
        for (java.awt.Component k : c.getComponents()) {
            if (name.equals(k.getName())) {
                return k;
            }
            if (k instanceof java.awt.Container kc) {
                java.awt.Component found = byName(kc, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
