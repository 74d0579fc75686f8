package org.mqscope.mq.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.QueueRecorder;
import org.mqscope.mq.kernel.PeekHelperInputTest.Run;
import org.mqscope.mq.kernel.PeekProtocol.ProbeOk;
import org.mqscope.mq.kernel.PeekProtocol.Request;
import org.mqscope.mq.kernel.RecordProtocol.Finished;
import org.mqscope.mq.kernel.RecordProtocol.Refused;
import org.mqscope.mq.kernel.RecordProtocol.Started;

/**
 * The record request (op 5) at the helper's door: who may record (exactly who may receive, with the .deb's two
 * capabilities and nothing more), what a bad request gets, and that a stop byte ends a recording and leaves the
 * helper serving requests. And the recorder's own checks of its arguments.
 */
class RecordRequestTest extends KernelTestBase {
    private Path helper;

    @TempDir
    Path capableDir;

    @BeforeEach
    void helperPresent() {
        helper = ExactPeekAssumptions.helper();
    }

    @Test
    void aUserWithoutReadPermissionGetsEaccesEvenWithTheCapabilities() throws Exception {
        PeekHelperInputTest.require("setpriv");
        String name = newName("/mqscope-record-perm-");
        try (MqQueue q = backend.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600, MqAttributes.of(2, 64))) {
            Run r = PeekHelperInputTest.run(PeekHelperInputTest.asNobody(capableCopy()), record(name, 64, 0));
            assertThat(r.exit()).as(r.err()).isEqualTo(1);
            Refused refused = (Refused) RecordProtocol.readStart(in(r));
            assertThat(refused.failure().errnoName()).isEqualTo("EACCES");
            assertThat(refused.failure().text()).contains("read permission");
        }
    }

    @Test
    void readPermissionAndTheTwoCapabilitiesAreEnoughToRecord() throws Exception {
        PeekHelperInputTest.require("setpriv");
        String name = newName("/mqscope-record-perm-");
        try (MqQueue q = backend.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0644, MqAttributes.of(2, 64))) {
            byte[] ask = record(name, 64, 0);
            Run without = PeekHelperInputTest.run(PeekHelperInputTest.asNobody(helper), ask);
            Refused refused = (Refused) RecordProtocol.readStart(in(without));
            assertThat(refused.failure().errnoName()).isEqualTo("EPERM");
            assertThat(refused.failure().text()).contains("setcap cap_bpf,cap_perfmon+ep");

            // stdin ends at once: the recording starts and ends, reason 1
            Run with = PeekHelperInputTest.run(PeekHelperInputTest.asNobody(capableCopy()), ask);
            assertThat(with.exit()).as(with.err()).isZero();
            DataInputStream in = in(with);
            Started s = (Started) RecordProtocol.readStart(in);
            assertThat(s.payload()).isEqualTo(64);
            assertThat(s.ino()[0]).isEqualTo(Files.getAttribute(Path.of("/dev/mqueue", name.substring(1)), "unix:ino"));
            Finished end = finish(in, s);
            assertThat(end.reason()).isEqualTo(RecordProtocol.END_INPUT_CLOSED);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void aStopByteEndsTheRecordingAndTheNextRequestIsServed() throws Exception {
        String name = newName("/mqscope-record-stop-");
        try (MqQueue q = backend.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600, MqAttributes.of(2, 64))) {
            byte[] input = PeekHelperInputTest.concat(record(name, 0, 0), new byte[] {'S'},
                    PeekHelperInputTest.request(Request.probe()));
            Run r = PeekHelperInputTest.run(List.of(helper.toString()), input);
            assertThat(r.exit()).as(r.err()).isZero();
            DataInputStream in = in(r);
            Started s = (Started) RecordProtocol.readStart(in);
            assertThat(s.payload()).as("0 asks for the default").isEqualTo(QueueRecorder.DEFAULT_PAYLOAD);
            Finished end = finish(in, s);
            assertThat(end.reason()).isEqualTo(RecordProtocol.END_STOP_BYTE);
            assertThat(PeekProtocol.read(in, PeekProtocol.OP_PROBE)).isInstanceOf(ProbeOk.class);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void aPayloadOverTheLimitIsAProtocolError() throws Exception {
        Run r = PeekHelperInputTest.run(List.of(helper.toString()), record("/any", 4097, 0));
        assertThat(r.exit()).isEqualTo(2);
        Refused refused = (Refused) RecordProtocol.readStart(in(r));
        assertThat(refused.failure().errnoName()).isEqualTo("EPROTO");
        assertThat(refused.failure().text()).contains("payload 4097");
    }

    @Test
    void theRetiredOneQueueOpIsAProtocolErrorThatNamesItsSuccessor() throws Exception {
        Run r = PeekHelperInputTest.run(List.of(helper.toString()),
                PeekHelperInputTest.request(new Request(4, "/any", 0, 0, 0, 0)));
        assertThat(r.exit()).isEqualTo(2);
        Refused refused = (Refused) RecordProtocol.readStart(in(r));
        assertThat(refused.failure().errnoName()).isEqualTo("EPROTO");
        assertThat(refused.failure().text()).contains("op 4").contains("op 5");
    }

    @Test
    void aBadTargetIsRefusedAfterTheWholeRequestAndTheNextIsServed() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RecordProtocol.write(new DataOutputStream(bytes), List.of(RecordProtocol.Target.named("/fine"),
                RecordProtocol.Target.named("no-slash"), new RecordProtocol.Target("relative/path", true, 0, 0)),
                64, 0);
        byte[] input = PeekHelperInputTest.concat(bytes.toByteArray(), PeekHelperInputTest.request(Request.probe()));
        Run r = PeekHelperInputTest.run(List.of(helper.toString()), input);
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        DataInputStream in = in(r);
        Refused refused = (Refused) RecordProtocol.readStart(in);
        assertThat(refused.failure().errnoName()).isEqualTo("EINVAL");
        assertThat(refused.failure().text()).startsWith("target 1: name \"no-slash\"");
        assertThat(PeekProtocol.read(in, PeekProtocol.OP_PROBE)).isInstanceOf(ProbeOk.class);
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void twoPathsToOneQueueAreRefused() throws Exception {
        String name = newName("/mqscope-record-twice-");
        try (MqQueue q = backend.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600, MqAttributes.of(2, 64))) {
            String path = "/dev/mqueue/" + name.substring(1);
            Run r = PeekHelperInputTest.run(List.of(helper.toString()), record(List.of(RecordProtocol.Target.named(name),
                    new RecordProtocol.Target(path, true, 0, 0))));
            Refused refused = (Refused) RecordProtocol.readStart(in(r));
            assertThat(refused.failure().errnoName()).isEqualTo("EINVAL");
            assertThat(refused.failure().text()).isEqualTo(name + " and " + path + " are the same queue");
        }
    }

    @Test
    void theRecorderNamesTheBadField() {
        QueueRecorder recorder = backend.recorder().orElseThrow();
        assertBad(recorder, new QueueRecorder.Request(List.of(), 64, Duration.ZERO), Errno.EINVAL, "queues: 0 given");
        List<String> many = java.util.stream.IntStream.rangeClosed(0, QueueRecorder.MAX_QUEUES)
                .mapToObj(i -> "/q" + i).toList();
        assertBad(recorder, new QueueRecorder.Request(many, 64, Duration.ZERO), Errno.EINVAL, "queues: 65 given");
        assertBad(recorder, new QueueRecorder.Request(List.of("/q", "/r", "/q"), 64, Duration.ZERO), Errno.EINVAL,
                "queues: /q is named twice");
        assertBad(recorder, new QueueRecorder.Request(List.of("no-slash"), 64, Duration.ZERO), Errno.EINVAL,
                "queues: no-slash");
        assertBad(recorder, new QueueRecorder.Request(List.of("/q"), 0, Duration.ZERO), Errno.EINVAL, "payload: 0");
        assertBad(recorder, new QueueRecorder.Request(List.of("/q"), QueueRecorder.MAX_PAYLOAD + 1, Duration.ZERO),
                Errno.EINVAL, "payload: 4097");
        assertBad(recorder, new QueueRecorder.Request(List.of("/q"), 64, Duration.ofMillis(-1)), Errno.EINVAL,
                "duration: ");
        assertBad(recorder, new QueueRecorder.Request(List.of("/q"), 64, Duration.ofNanos(5)), Errno.EINVAL,
                "duration: ");
    }

    private static void assertBad(QueueRecorder recorder, QueueRecorder.Request r, Errno errno, String text) {
        MqException e = assertThrows(MqException.class, () -> recorder.record(r, ev -> { }));
        assertThat(e.errno()).isEqualTo(errno);
        assertThat(e.getMessage()).contains(text);
    }

    private static byte[] record(List<RecordProtocol.Target> targets) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RecordProtocol.write(new DataOutputStream(bytes), targets, 64, 0);
        return bytes.toByteArray();
    }

    private static byte[] record(String name, int payload, int durationMillis) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RecordProtocol.write(new DataOutputStream(bytes), List.of(RecordProtocol.Target.named(name)), payload,
                durationMillis);
        return bytes.toByteArray();
    }

    /**
     * The end record, after the events before it: other programs' calls on the queue may be recorded meanwhile (an
     * mqscope window's sampler opens every queue); the end counts them.
     */
    private static Finished finish(DataInputStream in, Started s) throws IOException {
        long events = 0;
        while (true) {
            RecordProtocol.Item item = RecordProtocol.next(in, s);
            if (item instanceof Finished end) {
                assertThat(end.events()).isEqualTo(events);
                return end;
            }
            if (item instanceof RecordProtocol.Event) {
                events++;
            }
        }
    }

    private static DataInputStream in(Run r) {
        return new DataInputStream(new ByteArrayInputStream(r.out()));
    }

    private Path capableCopy() throws Exception {
        return PeekHelperInputTest.capableCopy(helper, capableDir);
    }
}
