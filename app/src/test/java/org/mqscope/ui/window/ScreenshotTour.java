package org.mqscope.ui.window;

import org.mqscope.ui.core.UiPrefs;
import org.mqscope.ui.core.Theme;
import org.mqscope.ui.core.IoExecutor;
import org.mqscope.ui.core.Dialogs;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.app.Screenshot;
import java.awt.Component;
import java.awt.Graphics2D;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import org.mqscope.demo.DemoQueues;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqQueue;
import org.mqscope.ui.actions.AppAction;
import org.mqscope.ui.queues.QueueTreePanel;

/**
 * Not a test: a walk through the window's states that writes a PNG of each, to look at by eye (light and dark).
 * Run under a display: {@code java -cp <test class path> org.mqscope.ui.window.ScreenshotTour OUTDIR light|dark}.
 */
public final class ScreenshotTour {
    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Theme theme = Theme.byId(args[1]);
        IoExecutor io = new IoExecutor();
        MqBackend demo = DemoQueues.newBackend();
        MqBackend kernel = MqBackends.kernel();
        String kq = "/mqscope-tour-" + ProcessHandle.current().pid();
        try (MqQueue q = kernel.open(kq, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR)) {
            q.send("{\"job\":1}".getBytes(StandardCharsets.UTF_8), 3);
            q.send("plain text job".getBytes(StandardCharsets.UTF_8), 0);
        }
        Preferences node = Preferences.userRoot().node("org/mqscope/tour");
        node.clear();
        UiPrefs prefs = new UiPrefs(node);
        MainFrame f = call(() -> {
            theme.install();
            MainFrame frame = new MainFrame(io, kind -> kind == BackendKind.KERNEL ? kernel : demo,
                    WindowBounds.fixed(WindowBounds.DEFAULT_SIZE), prefs, new Dialogs(), theme);
            frame.setVisible(true);
            frame.start(Optional.of(BackendKind.EMULATED), false, "/orders");
            return frame;
        });
        try {
            pause(2500);
            JTabbedPane tabs = find(f, "detail.tabs");
            JTable table = find(f, "messages.table");
            call(() -> {
                table.setRowSelectionInterval(5, 5);
                tabs.setSelectedIndex(2);
                return null;
            });
            shoot(f, out.resolve(theme.id() + "-1-json.png"));
            call(() -> {
                tabs.setSelectedIndex(1);
                ((QueueTreePanel) find(f, "queues")).select("/telemetry");
                return null;
            });
            pause(1500);
            call(() -> {
                table.setRowSelectionInterval(0, 0);
                return null;
            });
            shoot(f, out.resolve(theme.id() + "-2-hex-binary.png"));
            call(() -> {
                f.actions().get(AppAction.READ_ONLY).actionPerformed(null);
                ((QueueTreePanel) find(f, "queues")).select("/alerts");
                return null;
            });
            pause(1500);
            shoot(f, out.resolve(theme.id() + "-3-read-only.png"));
            call(() -> {
                f.actions().get(AppAction.READ_ONLY).actionPerformed(null);
                f.actions().get(AppAction.COMPARE_PEEKS).actionPerformed(null);
                return null;
            });
            pause(800);
            JDialog compare = call(() -> {
                for (Window w : f.getOwnedWindows()) {
                    if (w instanceof JDialog d && d.isShowing()) {
                        ((JButton) find(d, "proposed.run")).doClick();
                        return d;
                    }
                }
                return null;
            });
            pause(800);
            shootWindow(compare, out.resolve(theme.id() + "-4-proposed-peeks.png"));
            call(() -> {
                compare.dispose();
                find(f, "backend.kernel").getClass();
                ((javax.swing.AbstractButton) find(f, "backend.kernel")).doClick();
                return null;
            });
            pause(2000);
            call(() -> {
                ((QueueTreePanel) find(f, "queues")).select(kq);
                return null;
            });
            pause(1000);
            shoot(f, out.resolve(theme.id() + "-5-kernel-before-peek.png"));
            // The confirmation is modal: ask for it later and photograph it from here.
            SwingUtilities.invokeLater(() -> f.actions().get(AppAction.PEEK).actionPerformed(null));
            pause(1500);
            JDialog ask = call(() -> {
                for (Window w : Window.getWindows()) {
                    if (w instanceof JDialog d && d.isShowing()) {
                        return d;
                    }
                }
                return null;
            });
            shootWindow(ask, out.resolve(theme.id() + "-6-kernel-peek-question.png"));
            call(() -> {
                for (Component c : allButtons(ask)) {
                    if (c instanceof JButton b && Dialogs.PEEK.equals(b.getText())) {
                        b.doClick();
                    }
                }
                return null;
            });
            pause(1500);
            shoot(f, out.resolve(theme.id() + "-7-kernel-after-peek.png"));
            call(() -> {
                f.actions().get(AppAction.DARK_THEME).actionPerformed(null);
                return null;
            });
            pause(1000);
            shoot(f, out.resolve(theme.id() + "-8-theme-switched-at-runtime.png"));
        } finally {
            kernel.unlink(kq);
            SwingUtilities.invokeAndWait(f::quit);
            node.removeNode();
            System.exit(0);
        }
    }

    private static java.util.List<Component> allButtons(java.awt.Container c) {
        java.util.List<Component> out = new java.util.ArrayList<>();
        for (Component k : c.getComponents()) {
            out.add(k);
            if (k instanceof java.awt.Container kc) {
                out.addAll(allButtons(kc));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Component> T find(java.awt.Container root, String name) {
        for (Component c : allButtons(root)) {
            if (name.equals(c.getName())) {
                return (T) c;
            }
        }
        throw new IllegalStateException("no component " + name);
    }

    private static void pause(long ms) throws InterruptedException {
        Thread.sleep(ms);
    }

    private static void shoot(MainFrame f, Path file) throws Exception {
        BufferedImage img = call(() -> Screenshot.render(f));
        Screenshot.write(img, file);
        System.out.println("wrote " + file);
    }

    private static void shootWindow(Window w, Path file) throws Exception {
        BufferedImage img = call(() -> {
            BufferedImage i = new BufferedImage(w.getWidth(), w.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = i.createGraphics();
            w.paint(g);
            g.dispose();
            return i;
        });
        Screenshot.write(img, file);
        System.out.println("wrote " + file);
    }

    private static <T> T call(Callable<T> c) throws Exception {
        Object[] box = new Object[1];
        Exception[] err = new Exception[1];
        SwingUtilities.invokeAndWait(() -> {
            try {
                box[0] = c.call();
            } catch (Exception e) {
                err[0] = e;
            }
        });
        if (err[0] != null) {
            throw err[0];
        }
        @SuppressWarnings("unchecked")
        T t = (T) box[0];
        return t;
    }
}
