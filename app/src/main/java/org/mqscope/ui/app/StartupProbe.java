package org.mqscope.ui.app;

import org.mqscope.ui.core.AppInfo;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import java.awt.Component;
import java.awt.Graphics;
import java.io.PrintStream;
import java.time.Instant;

/**
 * With {@code -Dmqscope.startupProbe=1}, prints once, on standard output, the wall-clock time at which the window
 * finished its first paint: how the installer's launch time is measured (jar against app-image, with and without a
 * CDS archive; installer/measure-startup.sh). The launching side subtracts its own clock reading, because the JVM
 * cannot tell exactly when its process started (the kernel gives the start in ticks since a boot time that it only
 * states to the second). A second line gives the CPU time (user + system, all threads) the process had used by
 * then: less sensitive than the wall clock to what else the machine is doing. Off by default, and then it installs
 * nothing.
 */
public final class StartupProbe {
    public static final String PROPERTY = "mqscope.startupProbe";
    /** The start of the line the probe prints; measuring scripts look for it. */
    public static final String PREFIX = AppInfo.NAME + ": first frame ";
    /** The start of the CPU-time line, printed right after the first one. */
    public static final String CPU_PREFIX = AppInfo.NAME + ": cpu time to first frame ms ";

    private StartupProbe() {
    }

    /** Installs the probe on a frame that is not showing yet, if the system property asks for it. EDT only. */
    public static void installIfAsked(JFrame frame) {
        if ("1".equals(System.getProperty(PROPERTY)) || Boolean.getBoolean(PROPERTY)) {
            install(frame, System.out);
        }
    }

    /**
     * Puts a transparent glass pane on the frame; it is painted last, on top of everything, so its first paint ends
     * the first frame. It then reports and gives the frame its own glass pane back.
     */
    static void install(JFrame frame, PrintStream out) {
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
                out.println(line(Instant.now()));
                // Read after the clock: the wall-clock figure must not include the reading.
                ProcessHandle.current().info().totalCpuDuration()
                        .ifPresent(cpu -> out.println(cpuLine(cpu)));
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

    /** "mqscope: first frame painted at epoch ms 1763800000123". */
    static String line(Instant painted) {
        return PREFIX + "painted at epoch ms " + painted.toEpochMilli();
    }

    /** "mqscope: cpu time to first frame ms 412". */
    static String cpuLine(java.time.Duration cpu) {
        return CPU_PREFIX + cpu.toMillis();
    }
}
