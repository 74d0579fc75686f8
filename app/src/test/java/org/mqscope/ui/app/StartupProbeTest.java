package org.mqscope.ui.app;

import org.mqscope.Needs;
import org.mqscope.Needs.Need;

import org.mqscope.ui.core.Edt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Component;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JFrame;
import javax.swing.JLabel;
import org.junit.jupiter.api.Test;

class StartupProbeTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void lineGivesTheWallClockTimeOfThePaint() {
        assertThat(StartupProbe.line(Instant.ofEpochMilli(1_795_329_564_070L)))
                .isEqualTo("mqscope: first frame painted at epoch ms 1795329564070");
    }

    @Test
    void cpuLineGivesMilliseconds() {
        assertThat(StartupProbe.cpuLine(java.time.Duration.ofNanos(412_900_000L)))
                .isEqualTo("mqscope: cpu time to first frame ms 412");
    }

    @Test
    void offUnlessAsked() {
        assumeTrue(System.getProperty(StartupProbe.PROPERTY) == null, "the probe property is set for this JVM");
        Needs.display(); // a JFrame needs one
        JFrame frame = Edt.call(JFrame::new);
        Component glass = Edt.call(frame::getGlassPane);

        Edt.run(() -> StartupProbe.installIfAsked(frame));

        assertThat(Edt.call(frame::getGlassPane)).isSameAs(glass);
    }

    @Test
    void reportsTheFirstPaintOnceAndGivesTheGlassPaneBack() throws Exception {
        Needs.display();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        AtomicReference<JFrame> frame = new AtomicReference<>();
        AtomicReference<Component> glass = new AtomicReference<>();
        long before = System.currentTimeMillis();
        try {
            Edt.run(() -> {
                JFrame f = new JFrame("probe");
                f.add(new JLabel("first frame"));
                f.setSize(200, 100);
                glass.set(f.getGlassPane());
                StartupProbe.install(f, out);
                f.setVisible(true);
                frame.set(f);
            });
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (Edt.call(() -> frame.get().getGlassPane()) != glass.get() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            // Paint again, now, on the EDT: a probe that reported every paint would print a second line here.
            Edt.run(() -> frame.get().getRootPane().paintImmediately(frame.get().getRootPane().getBounds()));

            String printed = bytes.toString(StandardCharsets.UTF_8);
            // once: the painted line, then the CPU time this JVM had used (it has run this test class, so > 0)
            java.util.List<String> lines = printed.lines().toList();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).startsWith("mqscope: first frame painted at epoch ms ");
            long painted = Long.parseLong(lines.get(0).substring(lines.get(0).lastIndexOf(' ') + 1));
            assertThat(painted).isBetween(before, System.currentTimeMillis());
            assertThat(lines.get(1)).startsWith(StartupProbe.CPU_PREFIX);
            assertThat(Long.parseLong(lines.get(1).substring(StartupProbe.CPU_PREFIX.length()))).isPositive();
            assertThat(Edt.call(() -> frame.get().getGlassPane())).isSameAs(glass.get());
            assertThat(glass.get().isVisible()).isFalse();
        } finally {
            Edt.run(() -> {
                if (frame.get() != null) {
                    frame.get().dispose();
                }
            });
        }
    }
}
