package org.mqscope.mq.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.Notification;
import org.mqscope.mq.QueueEvent;
import org.mqscope.mq.QueueRecorder;
import org.mqscope.mq.RecordedEvent;

/**
 * The calls besides send and receive: mq_open (by the descriptor it returns, and its failures by name in the
 * namespace), mq_unlink (by name), mq_notify and mq_getsetattr (by descriptor), each with its errno when it fails.
 * This JVM makes the calls through the kernel backend (the helper records every process but itself); a process
 * run as nobody makes the one that needs other credentials.
 */
class RecorderCallsTest extends RecorderTestBase {
    @Test
    void openUnlinkNotifyAndSetattrAreRecordedWithTheirResults() throws Exception {
        PeekHelperInputTest.require("setpriv");
        String name = newName("/mqscope-record-calls-");
        String other = newName("/mqscope-record-calls-other-");
        TrafficProcesses traffic = new TrafficProcesses(dir);
        try (traffic;
             MqQueue owner = backend.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDONLY, 0600, MqAttributes.of(2, 64));
             MqQueue unrelated = backend.open(other, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600, MqAttributes.of(2, 64))) {
            RecordingRun run = RecordingRun.start(recording, backend.recorder().orElseThrow(),
                    new QueueRecorder.Request(List.of(name), 64, Duration.ZERO));
            fails(Errno.EEXIST, () -> backend.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0640,
                    MqAttributes.of(2, 64)));
            try (MqQueue w = backend.open(name, Mq.O_WRONLY | Mq.O_NONBLOCK, 0, null);
                 MqQueue r = backend.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK, 0, null)) {
                w.setAttributes(MqAttributes.flags(0));
                fails(Errno.EAGAIN, r::receive);
                r.notify(Notification.none());
                fails(Errno.EBUSY, () -> w.notify(Notification.none()));
                r.notify(null);
            }
            // the same calls on another queue are not this recording's
            unrelated.setAttributes(MqAttributes.flags(Mq.O_NONBLOCK));
            unrelated.notify(Notification.none());
            backend.unlink(other);

            Process nobody = traffic.start(PeekHelperInputTest.nobody(), "recv", name, 1);
            assertThat(nobody.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(nobody.exitValue()).as("nobody cannot open a 0600 queue of root").isNotZero();

            backend.unlink(name);
            fails(Errno.ENOENT, () -> backend.unlink(name));
            fails(Errno.ENOENT, () -> backend.open(name, Mq.O_RDONLY, 0, null));
            QueueRecorder.Summary s = run.stop();
            assertThat(s.lost()).isZero();
            List<RecordedEvent> events = run.events();

            assertThat(events).allSatisfy(e -> assertThat(e.event().queue()).isEqualTo(name));
            long me = ProcessHandle.current().pid();
            List<String> mine = RecordingRun.byPid(events, me).stream().map(RecordedEvent::event)
                    .map(RecorderCallsTest::line).collect(Collectors.toList());
            assertThat(mine).containsSubsequence(
                    "mq_open EEXIST O_RDWR|O_CREAT|O_EXCL, mode 0640",
                    "mq_open ok O_WRONLY|O_NONBLOCK, fd",
                    "mq_getsetattr ok get: O_NONBLOCK",
                    "mq_open ok O_RDONLY|O_NONBLOCK, fd",
                    "mq_getsetattr ok set flags 0, was O_NONBLOCK",
                    "mq_timedreceive EAGAIN",
                    "mq_notify ok SIGEV_NONE",
                    "mq_notify EBUSY SIGEV_NONE",
                    "mq_notify ok unregister",
                    "mq_unlink ok",
                    "mq_unlink ENOENT",
                    "mq_open ENOENT O_RDONLY");
            assertThat(mine).as("each once").filteredOn(l -> l.startsWith("mq_notify")).hasSize(3);
            assertThat(mine).filteredOn(l -> l.startsWith("mq_unlink")).hasSize(2);
            assertThat(events.stream().filter(e -> e.event().pid() == nobody.pid()).map(RecordedEvent::event)
                    .map(RecorderCallsTest::line)).containsExactly("mq_open EACCES O_RDONLY");
        }
    }

    /** "call errno-or-ok detail-before-its-fd-number", e.g. "mq_open ok O_RDONLY, fd". */
    private static String line(QueueEvent e) {
        String detail = e.detail().replaceAll("fd \\d+", "fd");
        return (e.call() + " " + (e.errno() == null ? "ok" : e.errno().name()) + " " + detail).trim();
    }

    private static void fails(Errno errno, Executable call) {
        MqException e = assertThrows(MqException.class, call);
        assertThat(e.errno()).isEqualTo(errno);
    }
}
