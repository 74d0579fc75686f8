package org.mqscope.mq.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mqscope.mq.kernel.RecordingRun.text;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.QueueRecorder;
import org.mqscope.mq.RecordedEvent;
import org.mqscope.testing.IpcNamespaceFixture;

/**
 * Several queues in one recording, and queues of another IPC namespace: every event is tagged with the queue it
 * happened on, and a recording holds nothing of a queue it was not asked for — not another queue, not the queue of
 * the same name in another namespace (processes made with unshare and nsenter, as containers would be).
 */
class RecorderQueuesTest extends RecorderTestBase {
    private static final int N = 300;
    private static final MqAttributes ATTRS = MqAttributes.of(10, 64);

    @Test
    void eachEventNamesItsQueueAndNothingElseIsRecorded() throws Exception {
        String a = newName("/mqscope-record-qa-");
        String b = newName("/mqscope-record-qb-");
        String c = newName("/mqscope-record-qc-");
        try (MqQueue qa = backend.open(a, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDONLY, 0600, ATTRS);
             MqQueue qb = backend.open(b, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDONLY, 0600, ATTRS);
             MqQueue qc = backend.open(c, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDONLY, 0600, ATTRS)) {
            RecordingRun run = RecordingRun.start(recording, backend.recorder().orElseThrow(),
                    new QueueRecorder.Request(List.of(a, b), 64, Duration.ZERO));
            List<Process> all = List.of(traffic().start("pair", a, N, "qa"), traffic().start("pair", b, N, "qb"),
                    traffic().start("pair", c, N, "qc"), traffic().startInNewIpcNamespace("pair", a, N, "ns"));
            for (Process p : all) {
                TrafficProcesses.finish(p);
            }
            QueueRecorder.Summary s = run.stop();
            assertThat(s.lost()).isZero();
            List<RecordedEvent> events = run.events();

            for (String[] queueAndTag : new String[][] {{a, "qa "}, {b, "qb "}}) {
                List<RecordedEvent> transfers = events.stream().filter(e -> text(e).startsWith(queueAndTag[1]))
                        .collect(Collectors.toList());
                assertThat(transfers.stream().filter(e -> e.event().call().equals("mq_timedsend"))).hasSize(N);
                assertThat(transfers.stream().filter(e -> e.event().call().equals("mq_timedreceive"))).hasSize(N);
                assertThat(transfers).allSatisfy(e -> assertThat(e.event().queue()).isEqualTo(queueAndTag[0]));
            }
            // the pair's mq_open (O_CREAT of an existing queue: it opens it) is recorded, on its queue
            assertThat(RecordingRun.byPid(events, all.get(0).pid()).get(0).event().call()).isEqualTo("mq_open");
            assertThat(RecordingRun.byPid(events, all.get(0).pid()).get(0).event().queue()).isEqualTo(a);
            assertThat(RecordingRun.byPid(events, all.get(1).pid()).get(0).event().queue()).isEqualTo(b);

            assertThat(RecordingRun.byPid(events, all.get(2).pid())).as("queue c was not asked for").isEmpty();
            assertThat(RecordingRun.byPid(events, all.get(3).pid())).as("a of another namespace").isEmpty();
            assertThat(events).noneSatisfy(e -> assertThat(text(e)).startsWith("qc "));
            assertThat(events).noneSatisfy(e -> assertThat(text(e)).startsWith("ns "));
            assertThat(events).allSatisfy(e -> assertThat(e.event().queue()).isIn(a, b));
        }
    }

    /** The most queues a recording takes: the program searches them all, so the first and the last are found. */
    @Test
    void sixtyFourQueuesAreRecordedEachUnderItsOwnName() throws Exception {
        List<String> names = new ArrayList<>();
        List<MqQueue> open = new ArrayList<>();
        try {
            for (int i = 0; i < 64; i++) {
                names.add(newName("/mqscope-record-q64-" + i + "-"));
                open.add(backend.open(names.get(i), Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDONLY, 0600, MqAttributes.of(1, 64)));
            }
            RecordingRun run = RecordingRun.start(recording, backend.recorder().orElseThrow(),
                    new QueueRecorder.Request(names, 64, Duration.ZERO));
            List<Process> pairs = List.of(traffic().start("pair", names.get(0), 3, "first"),
                    traffic().start("pair", names.get(63), 3, "last"));
            for (Process p : pairs) {
                TrafficProcesses.finish(p);
            }
            QueueRecorder.Summary s = run.stop();
            assertThat(s.lost()).isZero();
            List<RecordedEvent> events = run.events();
            // each pair: the parent's three sends and its child's three receives, on that pair's queue only
            for (String[] queueAndTag : new String[][] {{names.get(0), "first "}, {names.get(63), "last "}}) {
                List<RecordedEvent> transfers = events.stream().filter(e -> e.event().hasMessage())
                        .filter(e -> text(e).startsWith(queueAndTag[1])).collect(Collectors.toList());
                assertThat(transfers).hasSize(6)
                        .allSatisfy(e -> assertThat(e.event().queue()).isEqualTo(queueAndTag[0]));
            }
            assertThat(events).allSatisfy(e -> assertThat(e.event().queue()).isIn(names.get(0), names.get(63)));
        } finally {
            for (MqQueue q : open) {
                q.close();
            }
        }
    }

    @Test
    void aNamespacesQueuesAreRecordedThroughItsBackendAndTheHostsSameNameIsNot() throws Exception {
        PeekHelperInputTest.require("nsenter");
        String name = newName("/mqscope-record-nsq-");
        try (IpcNamespaceFixture ns = IpcNamespaceFixture.start(true, 10);
             KernelBackend inNs = new KernelBackend(ns.inode(), ns.pid(), dir.resolve("journals"));
             MqQueue host = backend.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDONLY, 0600, ATTRS);
             MqQueue there = inNs.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDONLY, 0600, ATTRS)) {
            RecordingRun run = RecordingRun.start(recording, inNs.recorder().orElseThrow(),
                    new QueueRecorder.Request(List.of(name), 64, Duration.ZERO));
            Process inside = traffic().start(List.of("nsenter", "-t", "" + ns.pid(), "--ipc", "--"), "pair", name, N,
                    "inside");
            Process outside = traffic().start("pair", name, N, "outside");
            TrafficProcesses.finish(inside);
            TrafficProcesses.finish(outside);
            // by name: the host's mq_unlink of its queue is not the namespace's; the namespace's own are, with ENOENT
            Process hostUnlink = traffic().start("unlink", name, 2);
            TrafficProcesses.finish(hostUnlink);
            assertThat(traffic().lines(hostUnlink)).containsExactly("ok", "" + Errno.ENOENT.code());
            Process nsUnlink = traffic().start(List.of("nsenter", "-t", "" + ns.pid(), "--ipc", "--"), "unlink", name,
                    2);
            TrafficProcesses.finish(nsUnlink);
            assertThat(traffic().lines(nsUnlink)).containsExactly("ok", "" + Errno.ENOENT.code());
            QueueRecorder.Summary s = run.stop();
            assertThat(s.lost()).isZero();
            List<RecordedEvent> events = run.events();

            assertThat(events).allSatisfy(e -> assertThat(e.event().queue()).isEqualTo(name));
            assertThat(events.stream().filter(e -> e.event().call().equals("mq_timedsend"))).hasSize(N)
                    .allSatisfy(e -> assertThat(text(e)).startsWith("inside seq="));
            assertThat(events.stream().filter(e -> e.event().call().equals("mq_timedreceive"))).hasSize(N)
                    .allSatisfy(e -> assertThat(text(e)).startsWith("inside seq="));
            assertThat(RecordingRun.byPid(events, outside.pid())).isEmpty();
            List<RecordedEvent> unlinks = events.stream().filter(e -> e.event().call().equals("mq_unlink"))
                    .collect(Collectors.toList());
            assertThat(unlinks).as("the namespace's two unlinks, not the host's").hasSize(2);
            assertThat(unlinks.get(0).event().errno()).isNull();
            assertThat(unlinks.get(1).event().errno()).isEqualTo(Errno.ENOENT);
            assertThat(unlinks).allSatisfy(e -> assertThat(e.event().pid()).isEqualTo(nsUnlink.pid()));
            assertThat(RecordingRun.byPid(events, hostUnlink.pid())).isEmpty();
        }
    }
}
