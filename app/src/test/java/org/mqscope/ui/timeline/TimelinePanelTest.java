package org.mqscope.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mqscope.ui.core.sequence.SequenceView;
import org.mqscope.lessons.LessonRunner;
import org.mqscope.lessons.Lessons;
import org.mqscope.mq.Actor;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.QueueEvent;
import org.mqscope.mq.emulated.EmulatedBackend;
import org.mqscope.ui.charts.StubContext;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.Edt;

/** The diagram shows what the emulation did, in order, bounded by the ring; pause holds it and step steps. */
class TimelinePanelTest {
    private final Preferences prefs = Preferences.userRoot().node("org/mqscope/test/" + UUID.randomUUID());
    private final EmulatedBackend backend = new EmulatedBackend();
    /** The panel subscribes on mq-io, as the window's does. */
    private final org.mqscope.ui.core.IoExecutor io = new org.mqscope.ui.core.IoExecutor();

    @AfterEach
    void close() throws Exception {
        io.close();
        backend.close();
        prefs.removeNode();
    }

    @Test
    @Timeout(30)
    void showsAScriptedScenarioInTheOrderTheEmulationRanIt() throws Exception {
        TimelinePanel panel = Edt.call(() -> new TimelinePanel(new StubContext(prefs, io, backend, null, null)));
        Edt.run(() -> panel.backendChanged(BackendKind.EMULATED));
        following();

        MqQueue q;
        try (Actor.Scope a = Actor.named("consumer")) {
            q = backend.open("/tl-classroom", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(1, 16));
            q.send(new byte[] {1}, 3);
        }
        CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
            try (Actor.Scope b = Actor.named("producer A")) {
                q.send(new byte[] {2, 2}, 9);
            } catch (MqException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitRows(panel, 3); // open, send, and the producer blocked
        try (Actor.Scope a = Actor.named("consumer")) {
            q.receive();
            producer.get(10, TimeUnit.SECONDS);
            q.receive();
        }
        awaitRows(panel, 6);
        assertThat(Edt.call(panel::rows)).extracting(e -> e.actor() + ": " + e.summary()).containsExactly(
                "consumer: mq_open (O_RDWR|O_CREAT)",
                "consumer: mq_send prio 3, 1 B",
                "producer A: blocked in mq_send (queue full)",
                "consumer: mq_receive prio 3, 1 B",
                "producer A: woken: mq_send prio 9, 2 B (its message took the freed slot)",
                "consumer: mq_receive prio 9, 2 B");
        SequenceView view = Edt.call(() -> (SequenceView) find(panel, "timeline.view"));
        assertThat(Edt.call(() -> view.columns())).containsExactly("consumer", "/tl-classroom",
                "producer A");
        Edt.run(panel::stop);
    }

    @Test
    @Timeout(30)
    void pauseHoldsTheDiagramAndStepShowsOneEventAtATime() throws Exception {
        TimelinePanel panel = Edt.call(() -> new TimelinePanel(new StubContext(prefs, io, backend, null, null)));
        Edt.run(() -> panel.backendChanged(BackendKind.EMULATED));
        following();
        MqQueue q = backend.open("/tl-classroom2", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(4, 16));
        awaitRows(panel, 1);
        Edt.run(() -> ((javax.swing.JToggleButton) find(panel, "timeline.pause")).doClick());
        q.send(new byte[] {1}, 1);
        q.send(new byte[] {2}, 2);
        Thread.sleep(3 * TimelinePanel.REFRESH_MS); // live refreshes that must not happen while paused
        assertThat(Edt.call(panel::rows)).hasSize(1);
        Edt.run(() -> ((javax.swing.JButton) find(panel, "timeline.step")).doClick());
        assertThat(Edt.call(panel::rows)).extracting(QueueEvent::priority).containsExactly(-1, 1);
        Edt.run(() -> ((javax.swing.JToggleButton) find(panel, "timeline.pause")).doClick());
        awaitRows(panel, 3);
        Edt.run(panel::stop);
    }

    @Test
    @Timeout(30)
    void keepsAtMostTheConfiguredNumberOfEvents() throws Exception {
        prefs.node("timeline").putInt(TimelinePanel.CAPACITY_KEY, 100);
        TimelinePanel panel = Edt.call(() -> new TimelinePanel(new StubContext(prefs, io, backend, null, null)));
        Edt.run(() -> panel.backendChanged(BackendKind.EMULATED));
        following();
        MqQueue q = backend.open("/tl-classroom3", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(4, 16));
        for (int i = 0; i < 150; i++) {
            q.send(new byte[] {(byte) i}, 1);
            q.receive();
        }
        awaitLast(panel, "mq_receive");
        List<QueueEvent> rows = Edt.call(panel::rows);
        assertThat(panel.capacity()).isEqualTo(100);
        assertThat(rows).hasSize(100);
        assertThat(rows.get(99).seq()).isEqualTo(301);
        Edt.run(panel::stop);
    }

    @Test
    @Timeout(30)
    void followsALessonInsteadOfTheWindow() throws Exception {
        TimelinePanel panel = Edt.call(() -> new TimelinePanel(new StubContext(prefs, io, backend, null, null)));
        try (LessonRunner lesson = new LessonRunner(Lessons.builtIn("priority"))) {
            Edt.run(() -> panel.followLesson(lesson, "Priority"));
            following();
            lesson.next();
            awaitRows(panel, 2);
            assertThat(Edt.call(panel::rows)).extracting(QueueEvent::actor).containsExactly("producer", "consumer");
        }
        Edt.run(panel::stop);
    }

    private static void awaitRows(TimelinePanel panel, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Edt.call(panel::rows).size() < n) {
            assertThat(System.nanoTime()).as("waited for %d rows", n).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void awaitLast(TimelinePanel panel, String call) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (;;) {
            List<QueueEvent> rows = Edt.call(panel::rows);
            if (!rows.isEmpty() && rows.get(rows.size() - 1).seq() == 301) {
                assertThat(rows.get(rows.size() - 1).call()).isEqualTo(call);
                return;
            }
            assertThat(System.nanoTime()).as("waited for the last event").isLessThan(deadline);
            Thread.sleep(20);
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

    /** Waits until the panel's subscription (made on mq-io) is in place. */
    private void following() throws InterruptedException {
        org.assertj.core.api.Assertions.assertThat(io.awaitIdle(java.time.Duration.ofSeconds(10)))
                .as("mq-io idle after the panel subscribed").isTrue();
    }
}
