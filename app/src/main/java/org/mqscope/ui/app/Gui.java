package org.mqscope.ui.app;

import org.mqscope.ui.window.WindowBounds;
import org.mqscope.ui.window.MainFrame;
import org.mqscope.ui.core.UiPrefs;
import org.mqscope.ui.core.Theme;
import org.mqscope.demo.DemoQueues;
import org.mqscope.ui.core.Icons;
import org.mqscope.ui.core.IoExecutor;
import org.mqscope.ui.core.Dialogs;
import org.mqscope.ui.core.BackendFactory;
import org.mqscope.threads.Workers;
import javax.swing.SwingUtilities;
import java.awt.GraphicsEnvironment;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts the window: theme first, then the frame, all on the EDT (FlatLaf's startup order). With --screenshot it
 * waits for the first listing to arrive, renders the window to a PNG and exits.
 */
public final class Gui {
    /** How long a screenshot waits for the backend to start and list its queues. */
    static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(20);
    static final int EXIT_OK = 0;
    static final int EXIT_FAILURE = 1;

    private Gui() {
    }

    /** Call from main (not the EDT). Returns once the window is showing; a screenshot run exits the JVM. */
    public static void start(LaunchOptions options) {
        warmUpFonts();
        IoExecutor io = new IoExecutor();
        UiPrefs prefs = prefsFor(options);
        // Asked for, else remembered, else the desktop's, else light; looked up here, off the EDT.
        Theme theme = options.theme().or(prefs::theme).or(() -> options.demo() ? UiPrefs.user().theme()
                : java.util.Optional.empty()).or(Theme::fromSystem).orElse(Theme.LIGHT);
        if (options.theme().isPresent() && options.screenshot().isEmpty()) {
            prefs.setTheme(theme);
        }
        BackendFactory factory = options.demo() ? BackendFactory.demo() : BackendFactory.standard();
        WindowBounds bounds = options.screenshot().isPresent()
                ? WindowBounds.fixed(WindowBounds.DEFAULT_SIZE)
                : WindowBounds.remembered(WindowBounds.userNode());
        AtomicReference<MainFrame> frame = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        try {
            SwingUtilities.invokeAndWait(() -> {
                theme.install();
                MainFrame f = new MainFrame(io, factory, bounds, prefs, new Dialogs(), theme);
                f.addWindowListener(new WindowAdapter() {
                    @Override
                    public void windowClosed(WindowEvent e) {
                        // Backends are closed on mq-io by then; let it finish, then leave even if AWT would linger.
                        io.close();
                        System.exit(EXIT_OK);
                    }
                });
                StartupProbe.installIfAsked(f);
                f.setVisible(true);
                options.tab().ifPresent(f::showTab);
                options.filter().ifPresent(f::filterMessages);
                if (options.presentation()) {
                    f.setPresentation(true);
                }
                // The backend (JNA, the first listing) starts once the first frame is on screen.
                f.afterFirstPaint(() -> {
                    if (options.demo()) {
                        f.playDemoTraffic();
                        if (options.screenshot().isEmpty()) { // the README's pictures show the demo itself
                            f.explainDemoLimits();
                        }
                    }
                    f.start(options.startBackend(), options.readOnly(),
                            options.demo() ? DemoQueues.FIRST_SHOWN : null);
                    options.lesson().ifPresent(f::openLesson);
                    started.countDown();
                });
                frame.set(f);
            });
        } catch (InvocationTargetException e) {
            fail("the window could not be opened: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while opening the window");
        }
        // The window manager's icon is rendered from SVG at six sizes: not worth delaying the first frame for.
        MainFrame shown = frame.get();
        java.util.List<java.awt.Image> icons = Icons.appIconImages();
        SwingUtilities.invokeLater(() -> shown.setIconImages(icons));
        Path file = options.screenshot().orElse(null);
        if (file != null) {
            screenshot(io, frame.get(), started, file, options.after());
        }
    }

    /**
     * The desktop's font families, listed once on a thread of their own while this thread reads the preferences
     * and the EDT builds the window: FlatLaf looks the monospaced font up in that list ("Liberation Mono",
     * "Ubuntu Mono", Monospaced) the first time a component asks for it, which cost the EDT 25-40 ms before the
     * first frame. The JDK keeps the list once made, so the EDT then finds it ready; at worst (a machine too busy to
     * run this thread first) the EDT does the work as it did before.
     */
    private static void warmUpFonts() {
        Workers.unstarted(Workers.Intent.WARM_UP, () -> {
            try {
                GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
            } catch (RuntimeException e) {
                // Only a head start: the EDT makes the same call, and a failure there is reported where it matters.
            }
        }).start();
    }

    /**
     * A screenshot must look the same every time and leave the user's settings alone; a demo keeps its settings
     * apart from the user's.
     */
    static UiPrefs prefsFor(LaunchOptions options) {
        return options.screenshot().isPresent() ? UiPrefs.scratch() : options.demo() ? UiPrefs.demo()
                : UiPrefs.user();
    }

    private static void screenshot(IoExecutor io, MainFrame frame, CountDownLatch started, Path file,
                                   Duration after) {
        try {
            long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
            boolean settled = started.await(SETTLE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    && io.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (!settled) {
                System.err.println("mqscope: the backend did not answer within " + SETTLE_TIMEOUT.toSeconds()
                        + " s; taking the screenshot anyway");
            }
            Thread.sleep(after.toMillis());
            AtomicReference<BufferedImage> image = new AtomicReference<>();
            SwingUtilities.invokeAndWait(() -> image.set(Screenshot.render(frame)));
            Screenshot.write(image.get(), file);
            System.out.println("mqscope: wrote " + file + " (" + image.get().getWidth() + "x"
                    + image.get().getHeight() + ")");
        } catch (IOException e) {
            fail("--screenshot " + file + ": cannot write it: " + e.getMessage());
        } catch (InvocationTargetException e) {
            fail("could not render the screenshot: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while taking the screenshot");
        }
        SwingUtilities.invokeLater(frame::quit);
    }

    private static void fail(String message) {
        System.err.println("mqscope: " + message);
        System.exit(EXIT_FAILURE);
    }
}
