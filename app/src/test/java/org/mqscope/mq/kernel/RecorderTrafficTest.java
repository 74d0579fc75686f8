package org.mqscope.mq.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mqscope.mq.kernel.RecordingRun.byPid;
import static org.mqscope.mq.kernel.RecordingRun.text;
import static org.mqscope.mq.kernel.RecordingRun.transfers;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.QueueRecorder;
import org.mqscope.mq.RecordedEvent;

/**
 * Recording a queue on the real kernel while two C processes (src/test/c/mqtraffic.c, built with gcc) exchange
 * sequence-numbered messages at mixed priorities, a third uses another queue, and a fourth overfills the queue
 * without blocking. The recording must hold every send and receive exactly once, with the right pid, priority,
 * payload prefix and, per process, order — checked against what the processes themselves say they did.
 */
class RecorderTrafficTest extends RecorderTestBase {
    private static final int MESSAGES = Integer.getInteger("mqscope.test.recordMessages", 10_000);
    private static final int[] PRIOS = {0, 7, 3, 31};
    private static final int BODY = 40;

    /**
     * Both ways the program reads a descriptor's slot: the plain load it asks for first, and the
     * bpf_probe_read_kernel it falls back to where the verifier refuses that (older kernels), forced here through
     * the helper's MQPEEK_FD_SLOT_PROBE. The helper runs with -v behind a wrapper that keeps its stderr, which says
     * which was loaded.
     */
    @ParameterizedTest(name = "descriptor slots read {0}")
    @ValueSource(strings = {"by plain loads", "with bpf_probe_read_kernel"})
    void everySendAndReceiveIsRecordedOnceWithItsProcessPriorityAndPayload(String slotRead) throws Exception {
        boolean forceProbe = slotRead.startsWith("with");
        Path log = dir.resolve("helper.err");
        Path wrapper = dir.resolve("mqpeek-v");
        Files.writeString(wrapper, "#!/bin/sh\n" + (forceProbe ? "MQPEEK_FD_SLOT_PROBE=1 " : "") + "exec '"
                + ExactPeekAssumptions.helper() + "' -v \"$@\" 2>>'" + log + "'\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        String name = newName("/mqscope-record-traffic-");
        String other = newName("/mqscope-record-other-");
        MqAttributes attrs = MqAttributes.of(10, 64);
        try (MqQueue q = backend.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDONLY, 0600, attrs);
             MqQueue o = backend.open(other, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDONLY, 0600, attrs)) {
            QueueRecorder recorder = new KernelRecorder(wrapper);
            RecordingRun run = RecordingRun.start(recording, recorder, QueueRecorder.Request.of(name));

            Process receiver = traffic().start("recv", name, MESSAGES);
            Process sender = traffic().start("send", name, MESSAGES, "rec");
            Process otherReceiver = traffic().start("recv", other, 100);
            Process otherSender = traffic().start("send", other, 100, "other");
            for (Process p : List.of(sender, receiver, otherSender, otherReceiver)) {
                TrafficProcesses.finish(p);
            }
            Process filler = traffic().start("fill", name, 12, "fill"); // the queue is empty again: 10 fit, 2 get EAGAIN
            TrafficProcesses.finish(filler);

            QueueRecorder.Summary s = run.stop(); // interrupting the recording thread stops it cleanly
            assertThat(s.lost()).as("events lost").isZero();
            assertThat(s.end()).isEqualTo(QueueRecorder.End.CANCELLED);
            List<RecordedEvent> all = run.events();
            assertThat(s.events()).isEqualTo(all.size());

            // The sender: message i at PRIOS[i % 4], in its order, each once, with its bytes.
            List<RecordedEvent> sends = transfers(all, sender.pid());
            assertThat(sends).hasSize(MESSAGES);
            for (int i = 0; i < MESSAGES; i++) {
                RecordedEvent e = sends.get(i);
                assertThat(e.event().call()).isEqualTo("mq_timedsend");
                assertThat(e.event().errno()).isNull();
                assertThat(e.event().priority()).isEqualTo(PRIOS[i % 4]);
                assertThat(e.event().size()).isEqualTo(BODY);
                assertThat(e.event().actor()).isEqualTo("mqtraffic");
                assertThat(text(e)).startsWith("rec seq=" + i + " pid=" + sender.pid() + ".");
                assertThat(e.complete()).isTrue();
            }
            // The receiver: exactly what it says it received, in its order.
            List<String> got = traffic().lines(receiver);
            List<RecordedEvent> receives = transfers(all, receiver.pid());
            assertThat(receives).hasSize(MESSAGES);
            for (int i = 0; i < MESSAGES; i++) {
                RecordedEvent e = receives.get(i);
                assertThat(e.event().call()).isEqualTo("mq_timedreceive");
                assertThat(e.event().errno()).isNull();
                assertThat(e.event().priority() + " " + text(e)).isEqualTo(got.get(i));
                assertThat(e.exitNanos()).isPositive();
                assertThat(e.hasEnterTime()).as("entries are not stamped").isFalse();
            }
            assertThat(receives.stream().map(RecordedEvent::payload).map(b -> new String(b, StandardCharsets.US_ASCII))
                    .distinct().count()).as("each message received once").isEqualTo(MESSAGES);

            // Non-blocking sends into a full queue: failed sends with EAGAIN, in order, with what they offered.
            List<RecordedEvent> fills = transfers(all, filler.pid());
            assertThat(fills).hasSize(12);
            assertThat(fills.subList(0, 10)).allSatisfy(e -> assertThat(e.event().errno()).isNull());
            assertThat(fills.subList(10, 12)).allSatisfy(e -> {
                assertThat(e.event().errno()).isEqualTo(Errno.EAGAIN);
                assertThat(e.event().summary()).endsWith("→ EAGAIN");
            });
            assertThat(text(fills.get(11))).startsWith("fill seq=11 ");
            assertThat(traffic().lines(filler).subList(10, 12)).containsExactly("10 11", "11 11");

            // Each process opened the queue once before its first send or receive, and that is recorded too.
            for (Process p : List.of(sender, receiver, filler)) {
                List<RecordedEvent> mine = byPid(all, p.pid());
                assertThat(mine.get(0).event().call()).isEqualTo("mq_open");
                assertThat(mine.stream().filter(e -> e.event().call().equals("mq_open"))).hasSize(1);
                assertThat(mine).hasSize(transfers(all, p.pid()).size() + 1);
            }
            assertThat(byPid(all, sender.pid()).get(0).event().detail()).startsWith("O_WRONLY, fd ");
            assertThat(byPid(all, filler.pid()).get(0).event().detail()).startsWith("O_WRONLY|O_NONBLOCK, fd ");
            assertThat(byPid(all, receiver.pid()).get(0).event().detail()).startsWith("O_RDONLY, fd ");

            // Nothing from the other queue, and nothing from anyone else.
            assertThat(byPid(all, otherSender.pid())).isEmpty();
            assertThat(byPid(all, otherReceiver.pid())).isEmpty();
            assertThat(byPid(all, sender.pid()).size() + byPid(all, receiver.pid()).size()
                    + byPid(all, filler.pid()).size()).isEqualTo(2 * MESSAGES + 12 + 3);
            assertThat(all).allSatisfy(e -> assertThat(e.event().queue()).isEqualTo(name));
            // seq numbers the stream from 1 without gaps
            for (int i = 0; i < all.size(); i++) {
                assertThat(all.get(i).event().seq()).isEqualTo(i + 1);
            }
        }
        // The variant asked for is the one that ran. A plain load is what this machine's kernel (6.18) verifies;
        // a kernel older than that may refuse it, and the fallback is then the right outcome.
        String said = Files.readString(log);
        if (forceProbe || kernelAtLeast(6, 18)) {
            assertThat(said).contains("mqpeek: recorder reads descriptor slots " + slotRead);
        } else {
            assertThat(said).contains("mqpeek: recorder reads descriptor slots ");
        }
    }

    @Test
    void theSameNameInAnotherIpcNamespaceIsAnotherQueueAndNotRecorded() throws Exception {
        String name = newName("/mqscope-record-ns-");
        try (MqQueue q = backend.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDONLY, 0600, MqAttributes.of(10, 64))) {
            RecordingRun run = RecordingRun.start(recording, backend.recorder().orElseThrow(),
                    QueueRecorder.Request.of(name));
            Process elsewhere = traffic().startInNewIpcNamespace("pair", name, 200, "ns");
            Process here = traffic().start("pair", name, 200, "here");
            TrafficProcesses.finish(elsewhere);
            TrafficProcesses.finish(here);
            assertThat(traffic().lines(elsewhere)).containsExactly("pair done");
            QueueRecorder.Summary s = run.stop();
            assertThat(s.lost()).isZero();
            List<RecordedEvent> all = run.events();
            assertThat(all).noneSatisfy(e -> assertThat(text(e)).startsWith("ns "));
            assertThat(all.stream().filter(e -> e.event().call().equals("mq_timedsend"))).hasSize(200)
                    .allSatisfy(e -> assertThat(text(e)).startsWith("here seq="));
            assertThat(all.stream().filter(e -> e.event().call().equals("mq_timedreceive"))).hasSize(200)
                    .allSatisfy(e -> assertThat(text(e)).startsWith("here seq="));
        }
    }

    /** When traffic pauses, the listener hears that it has every event so far (a file being written flushes then). */
    @Test
    void aPauseAfterTrafficIsReportedAsCaughtUpWithEveryEvent() throws Exception {
        String name = newName("/mqscope-record-caught-up-");
        try (MqQueue q = backend.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDONLY, 0600, MqAttributes.of(10, 64))) {
            RecordingRun run = RecordingRun.start(recording, backend.recorder().orElseThrow(),
                    QueueRecorder.Request.of(name));
            TrafficProcesses.finish(traffic().start("fill", name, 3, "pause"));
            // the fill process's mq_open and its three sends, then nothing: caught up with all four
            assertThat(run.awaitCaughtUp(4, 10)).as("events when caught up").isEqualTo(4);
            assertThat(run.stop().events()).isEqualTo(4);
        }
    }

    @Test
    void aQueueThatDoesNotExistIsRefusedWithEnoent() throws Exception {
        QueueRecorder recorder = backend.recorder().orElseThrow();
        String name = newName("/mqscope-record-missing-");
        MqException e = org.junit.jupiter.api.Assertions.assertThrows(MqException.class,
                () -> recorder.record(new QueueRecorder.Request(List.of(name), 64, Duration.ofSeconds(5)),
                        ev -> { }));
        assertThat(e.errno()).isEqualTo(Errno.ENOENT);
        assertThat(e.getMessage()).contains(name);
    }

    @Test
    void aDurationEndsTheRecording() throws Exception {
        String name = newName("/mqscope-record-duration-");
        try (MqQueue q = backend.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600, MqAttributes.of(10, 64))) {
            long t0 = System.nanoTime();
            List<RecordedEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
            QueueRecorder.Summary s = backend.recorder().orElseThrow().record(
                    new QueueRecorder.Request(List.of(name), 16, Duration.ofMillis(300)), events::add);
            assertThat(s.end()).isEqualTo(QueueRecorder.End.DURATION);
            assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(300_000_000L);
            assertThat(s.events()).isEqualTo(events.size());
            // this JVM's calls are recorded too, but it made none meanwhile (another program's may be: a sampler)
            assertThat(byPid(events, ProcessHandle.current().pid())).isEmpty();
            assertThat(transfers(events, ProcessHandle.current().pid())).isEmpty();
        }
    }

    /** Whether the running kernel's release (e.g. "6.18.44-...") is at least major.minor. */
    private static boolean kernelAtLeast(int major, int minor) {
        Matcher m = Pattern.compile("^(\\d+)\\.(\\d+)")
                .matcher(System.getProperty("os.version", ""));
        if (!m.find()) {
            return false;
        }
        int a = Integer.parseInt(m.group(1));
        return a > major || a == major && Integer.parseInt(m.group(2)) >= minor;
    }
}
