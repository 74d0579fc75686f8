package org.mqscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mqscope.cli.ScriptedRecorder.receive;
import static org.mqscope.cli.ScriptedRecorder.send;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.QueueEvent;
import org.mqscope.mq.RecordedEvent;
import org.mqscope.recording.HostFacts;
import org.mqscope.recording.RecordedQueue;
import org.mqscope.recording.Recording;
import org.mqscope.recording.RecordingEnd;
import org.mqscope.recording.RecordingHeader;
import org.mqscope.recording.RecordingWriter;

/**
 * record and replay on the emulation with a scripted recorder (the kernel's is tested against real processes in
 * RecordReplayKernelTest): output against golden files like {@link CliGoldenTest}'s, with the machine's facts and
 * CLOCK_MONOTONIC readings replaced by placeholders.
 */
class RecordReplayCliTest {
    private static final Path GOLDEN = Path.of("src/test/resources/org/mqscope/cli/golden");
    private static final byte[] BINARY = {0, (byte) 0xff, 1, 2};
    private static final List<ScriptedRecorder.Call> SCRIPT = List.of(
            receive(10, 5151, "/orders", 9, "urgent\nline two".getBytes(StandardCharsets.UTF_8)),
            send(20, 4242, "/orders", 1, "new order"),
            receive(35, 5151, "/orders", 1, "first order".getBytes(StandardCharsets.UTF_8)),
            receive(50, 5151, "/orders", 1, "new order".getBytes(StandardCharsets.UTF_8)),
            new ScriptedRecorder.Call(70, 4242, "producer", "mq_timedsend", "/orders", 2,
                    "late".getBytes(StandardCharsets.UTF_8), 4, Errno.EAGAIN),
            send(75, 4242, "/orders", 5, "second"),
            receive(80, 5151, "/orders", 0, BINARY),
            receive(90, 5151, "/orders", 5, "second".getBytes(StandardCharsets.UTF_8)),
            new ScriptedRecorder.Call(100, 5151, "consumer", "mq_timedreceive", "/orders", -1, new byte[0], -1,
                    Errno.EAGAIN),
            send(110, 4343, "/audit", 0, "audit entry"));

    @TempDir
    Path dir;
    private MqBackend emulated;
    private ScriptedRecorder recorder;
    private MqBackend backend;

    @BeforeEach
    void seed() throws MqException {
        emulated = MqBackends.emulated();
        try (MqQueue q = emulated.open("/orders", Mq.O_CREAT | Mq.O_RDWR, 0640, MqAttributes.of(8, 128))) {
            q.send("first order".getBytes(StandardCharsets.UTF_8), 1);
            q.send(BINARY, 0);
            q.send("urgent\nline two".getBytes(StandardCharsets.UTF_8), 9);
        }
        emulated.open("/audit", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(4, 64)).close();
        recorder = new ScriptedRecorder(SCRIPT, 0);
        backend = recorder.around(emulated);
    }

    @AfterEach
    void close() {
        emulated.close();
    }

    @Test
    void recordWritesJsonLinesOnStdoutAndTheFiguresOnStderr() throws Exception {
        CliRun.Result r = new CliRun(backend).run("record", "/orders", "--duration", "1s");
        golden("record-jsonl", r);
        Recording rec = Recording.read(new StringReader(r.out()));
        assertThat(rec.header().queues()).extracting(RecordedQueue::name).containsExactly("/orders");
        assertThat(rec.header().queue("/orders").snapshot().messages()).hasSize(3);
        assertThat(rec.events()).hasSize(9);
        assertThat(rec.end().how()).isEqualTo(RecordingEnd.How.DURATION);
        assertThat(recorder.lastRequest.duration()).isEqualTo(java.time.Duration.ofSeconds(1));
        assertThat(recorder.lastRequest.payload()).isEqualTo(256);
    }

    @Test
    void onATerminalRecordShowsOneLinePerCall() throws Exception {
        golden("record-live", new CliRun(backend, true).run("record", "/orders"));
        assertThat(recorder.lastRequest.duration()).as("until Ctrl+C").isZero();
    }

    @Test
    void withoutAQueueRecordTakesEveryQueueOfTheNamespace() throws Exception {
        CliRun.Result r = new CliRun(backend, true).run("record", "--json", "--payload", "8");
        assertThat(r.exit()).isZero();
        assertThat(recorder.lastRequest.queues()).containsExactly("/audit", "/orders");
        Recording rec = Recording.read(new StringReader(r.out()));
        assertThat(rec.header().payload()).isEqualTo(8);
        assertThat(rec.events()).hasSize(10);
        assertThat(r.err()).contains("/audit: 1 sends, 0 receives");
    }

    @Test
    void lostEventsAreWrittenCountedAndMakeTheMatchesAfterThemUncertain() throws Exception {
        ScriptedRecorder losing = new ScriptedRecorder(List.of(), 0) { // a loss before a send and its receive
            @Override
            public Summary record(Request request, Listener listener) throws MqException {
                listener.started();
                long base = System.nanoTime();
                listener.lost(7); // before both events: what the queue holds is unknown from here on
                for (int i = 0; i < 2; i++) {
                    byte[] b = {'a'};
                    QueueEvent e = new QueueEvent(i + 1, ScriptedRecorder.T0, i == 0 ? "producer" : "consumer",
                            i == 0 ? 4242 : 5151, 1, QueueEvent.Kind.CALL, i == 0 ? "mq_timedsend" : "mq_timedreceive",
                            "/audit", 0, 1, java.util.Arrays.hashCode(b), null, "");
                    listener.event(new RecordedEvent(e, b, 0, base + (i + 1) * 10_000L));
                }
                return new Summary(2, 7, End.CANCELLED);
            }
        };
        CliRun.Result r = new CliRun(losing.around(emulated)).run("record", "/audit");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("{\"kind\":\"lost\",\"total\":7}\n")
                .contains("\"kind\":\"end\",\"events\":2,\"lost\":7,\"how\":\"cancelled\"");
        assertThat(r.err()).startsWith("mqscope: record: 2 events, 7 lost (the recorder's buffer was full; time in "
                + "queue after the loss is uncertain)\n").contains("1 matched uncertainly");
        Recording rec = Recording.read(new StringReader(r.out()));
        assertThat(rec.losses()).containsExactly(new Recording.Loss(0, 7));
        assertThat(rec.lost()).isEqualTo(7);
    }

    @Test
    void refusals() throws Exception {
        golden("record-emulated", new CliRun(emulated).run("record", "/orders"));
        golden("record-missing", new CliRun(backend).run("record", "/orders", "/missing"));
        golden("record-bad-payload", new CliRun(backend).run("record", "/orders", "--payload", "5000"));
        Path file = dir.resolve("never.rec");
        assertThat(new CliRun(backend).run("record", "/missing", "-o", file.toString()).exit()).isEqualTo(1);
        assertThat(file).as("a refused recording leaves no file").doesNotExist();
    }

    @Test
    void replaySendsTheRecordedSendsAgainInOrder() throws Exception {
        Path file = dir.resolve("orders.rec");
        CliRun cli = new CliRun(backend);
        assertThat(cli.run("record", "/orders", "-o", file.toString()).exit()).isZero();
        golden("replay", withFile(cli.run("replay", file.toString(), "/audit", "--speed", "max"), file));
        assertThat(cli.run("peek", "/audit").out()).isEqualTo(
                "#0 priority 5, 6 bytes: second\n#1 priority 1, 9 bytes: new order\n");
        assertThat(cli.run("replay", file.toString(), "/fresh").err())
                .startsWith("mqscope: replay /fresh: ENOENT");
        CliRun.Result created = cli.run("replay", file.toString(), "/fresh", "--create", "--speed", "max");
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(cli.run("stat", "/fresh", "--json").out()).contains("\"maxmsg\":8", "\"msgsize\":128",
                "\"mode\":\"0640\"", "\"curmsgs\":2");
    }

    @Test
    void replayRefusesCutMessagesAndBrokenFilesBeforeSendingAnything() throws Exception {
        Path file = dir.resolve("cut.rec");
        CliRun cli = new CliRun(backend);
        assertThat(cli.run("record", "/orders", "--payload", "4", "-o", file.toString()).exit()).isZero();
        CliRun.Result cut = cli.run("replay", file.toString(), "/audit");
        golden("replay-cut", withFile(cut, file));
        CliRun.Result partial = cli.run("replay", file.toString(), "/audit", "--allow-partial", "--speed", "max");
        assertThat(partial.exit()).isZero();
        assertThat(partial.err()).contains("2 messages were cut by the recording's payload limit (first at line 3)");
        assertThat(cli.run("peek", "/audit").out()).isEqualTo(
                "#0 priority 5, 4 bytes: seco\n#1 priority 1, 4 bytes: new \n");

        Path broken = dir.resolve("broken.rec");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(2, lines.get(2).replace("\"pid\":", "\"pid\""));
        Files.write(broken, lines);
        golden("replay-broken", withFile(cli.run("replay", broken.toString(), "/audit"), broken));
        assertThat(cli.run("stat", "/audit", "--json").out()).contains("\"curmsgs\":2");

        golden("replay-bad-speed", cli.run("replay", file.toString(), "/audit", "--speed", "0"));
    }

    @Test
    void replayNeedsToBeToldWhichQueueOfSeveral() throws Exception {
        Path file = dir.resolve("all.rec");
        CliRun cli = new CliRun(backend);
        assertThat(cli.run("record", "-o", file.toString()).exit()).isZero();
        CliRun.Result r = cli.run("replay", file.toString(), "/orders");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("mqscope: replay " + file + ": the recording holds 2 queues (/audit, /orders);"
                + " say which one's sends to replay with --from\n");
        CliRun.Result audit = cli.run("replay", file.toString(), "/orders", "--from", "/audit", "--speed", "max");
        assertThat(audit.out()).startsWith("replayed 1 messages from " + file + " (/audit) to /orders in ");
    }

    @Test
    void replayKeepsTheRecordedTimeBetweenSendsDividedBySpeed() throws Exception {
        // sends returned 0, 200 and 400 ms after the first: at --speed 2, 200 ms at least
        Path file = dir.resolve("timed.rec");
        try (RecordingWriter w = new RecordingWriter(Files.newBufferedWriter(file), new RecordingHeader(
                Instant.now(), 64, "kernel", "", HostFacts.here(), List.of(new RecordedQueue("/orders", 8, 128, 0,
                0600, null, "no exact peek here"))))) {
            for (int i = 0; i < 3; i++) {
                byte[] b = ("tick " + i).getBytes(StandardCharsets.UTF_8);
                long enter = 1_000_000_000L + i * 200_000_000L;
                w.event(new RecordedEvent(new QueueEvent(i + 1, Instant.now(), "ticker", 1, 1, QueueEvent.Kind.CALL,
                        "mq_timedsend", "/orders", 0, b.length, java.util.Arrays.hashCode(b), null, ""), b, enter,
                        enter + 1000));
            }
            w.end(RecordingEnd.How.DURATION, "", Instant.now());
        }
        long t0 = System.nanoTime();
        CliRun.Result r = new CliRun(backend).run("replay", file.toString(), "/audit", "--speed", "2");
        long elapsed = System.nanoTime() - t0;
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(elapsed).isGreaterThanOrEqualTo(200_000_000L);
        assertThat(r.out()).contains(" at 2.0x");
        assertThat(new CliRun(backend).run("peek", "/audit").out())
                .isEqualTo("#0 priority 0, 6 bytes: tick 0\n#1 priority 0, 6 bytes: tick 1\n"
                        + "#2 priority 0, 6 bytes: tick 2\n");
    }

    private static CliRun.Result withFile(CliRun.Result r, Path file) {
        return new CliRun.Result(r.exit(), r.out().replace(file.toString(), "FILE"),
                r.err().replace(file.toString(), "FILE"));
    }

    private static void golden(String name, CliRun.Result r) throws IOException {
        String actual = normalise("exit " + r.exit() + "\n--- stdout\n" + r.out() + "--- stderr\n" + r.err());
        Path file = GOLDEN.resolve(name + ".txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file (run with -Dgolden.update=true to create it)").exists();
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** What depends on the machine and the moment: its facts, the IPC namespace, clock readings, times of day. */
    private static String normalise(String s) {
        return s.replaceAll("\"host\":\\{[^}]*}", "\"host\":HOST")
                .replaceAll("\"namespace\":\"[^\"]*\"", "\"namespace\":\"NS\"")
                .replaceAll("\"(enter|exit|start|end)\":\\d+", "\"$1\":NANOS")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z", "TIME")
                .replaceAll("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{6} ", "HH:MM:SS.micros ")
                .replaceAll(" in \\d+\\.\\d{3} s", " in N s")
                .replaceAll("\\(\\d+\\.\\d/s, \\d+\\.\\d/s\\)", "(N/s, N/s)")
                .replaceAll(": (\\d+) \\(\\d+\\.\\d/s\\)", ": $1 (N/s)");
    }
}
