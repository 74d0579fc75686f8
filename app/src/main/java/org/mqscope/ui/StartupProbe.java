package org.mqscope.ui;

import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import java.awt.Component;
import java.awt.Graphics;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * With {@code -Dmqscope.startupProbe=1}, prints once, on standard output, how long after the process started the
 * window finished its first paint: how the installer's launch time is measured (jar against app-image, with and
 * without a CDS archive). Off by default and then it installs nothing.
 */
public final class StartupProbe {
    public static final String PROPERTY = "mqscope.startupProbe";
    /** The start of the line the probe prints; measuring scripts look for it. */
    public static final String PREFIX = AppInfo.NAME + ": first frame ";

    private StartupProbe() {
    }

    /** Installs the probe on a frame that is not showing yet, if the system property asks for it. EDT only. */
    public static void installIfAsked(JFrame frame) {
        if ("1".equals(System.getProperty(PROPERTY)) || Boolean.getBoolean(PROPERTY)) {
            install(frame, System.out, ProcessHandle.current().info().startInstant());
        }
    }

    /**
     * Puts a transparent glass pane on the frame; it is painted last, on top of everything, so its first paint ends
     * the first frame. It then reports and gives the frame its own glass pane back.
     */
    static void install(JFrame frame, PrintStream out, Optional<Instant> processStart) {
        assert SwingUtilities.isEventDispatchThread();
        Component original = frame.getGlassPane();
        boolean originalVisible = original.isVisible();
        JComponent probe = new JComponent() {
            private boolean reported;

            @Override
            protected void paintComponent(Graphics g) {
                if (reported) {
                    return;
                }
                reported = true;
                out.println(line(Instant.now(), processStart));
                out.flush();
                SwingUtilities.invokeLater(() -> {
                    frame.setGlassPane(original);
                    original.setVisible(originalVisible);
                });
            }
        };
        probe.setOpaque(false);
        frame.setGlassPane(probe);
        probe.setVisible(true);
    }

    /** "mqscope: first frame 812 ms after process start (epoch ms 1763800000123)"; the epoch is for outside clocks. */
    static String line(Instant painted, Optional<Instant> processStart) {
        String since = processStart
                .map(start -> Duration.between(start, painted).toMillis() + " ms after process start")
                .orElse("(process start unknown)");
        return PREFIX + since + " (epoch ms " + painted.toEpochMilli() + ")";
    }
}
