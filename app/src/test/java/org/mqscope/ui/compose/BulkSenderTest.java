package org.mqscope.ui.compose;

import org.mqscope.Eventually;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.ReadOnlyBackend;

/** The send loop against the emulated backend: counts, the queue filling up, timeouts, cancel. */
class BulkSenderTest {
    private static final String Q = "/compose-test";
    private final MqBackend backend = MqBackends.emulated();
    private final ExecutorService thread = BulkSender.newExecutor();

    @AfterEach
    void close() {
        thread.shutdownNow();
        backend.close();
    }

    private void create(long maxmsg, long msgsize) throws Exception {
        backend.open(Q, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600, MqAttributes.of(maxmsg, msgsize)).close();
    }

    private static SendPlan plan(Payload p, int prio, long count, Duration interval, Duration timeoutOrNull) {
        return new SendPlan(Q, msgsize -> p, prio, count, interval, timeoutOrNull);
    }

    private List<MqMessage> drain() throws Exception {
        List<MqMessage> out = new ArrayList<>();
        try (MqQueue q = backend.open(Q, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
            long n = q.getAttributes().currentMessages();
            for (long i = 0; i < n; i++) {
                out.add(q.receive());
            }
        }
        return out;
    }

    private static String text(MqMessage m) {
        return new String(m.body(), StandardCharsets.UTF_8);
    }

    @Test
    void sendsNumberedMessagesAtThePriorityAndClosesItsDescriptor() throws Exception {
        create(10, 64);
        SendOutcome o = new BulkSender().run(backend, plan(Payload.text("m${n}"), 7, 5, Duration.ZERO, null),
                (s, t, e) -> { });
        assertThat(o.complete()).isTrue();
        assertThat(o.summary()).startsWith("Sent 5 messages to " + Q + " in ");
        assertThat(drain()).extracting(BulkSenderTest::text).containsExactly("m1", "m2", "m3", "m4", "m5");
        // Its descriptor is closed: unlink then leaves no queue alive in the namespace's listing.
        backend.unlink(Q);
        assertThat(backend.list()).isEmpty();
    }

    @Test
    void stopsAtTheFirstEagainWhenTheQueueFills() throws Exception {
        create(10, 64);
        try (MqQueue q = backend.open(Q, Mq.O_WRONLY)) {
            for (int i = 0; i < 3; i++) {
                q.send(new byte[] {1}, 0);
            }
        }
        SendOutcome o = new BulkSender().run(backend, plan(Payload.text("x"), 0, 20, Duration.ZERO, null),
                (s, t, e) -> { });
        assertThat(o.sent()).isEqualTo(7);
        assertThat(o.failure().errno()).isEqualTo(Errno.EAGAIN);
        assertThat(o.queueFull()).isTrue();
        assertThat(o.summary()).isEqualTo("Sent 7 of 20; the 8th: EAGAIN — the queue is full (10 of 10)");
        assertThat(drain()).hasSize(10);
    }

    @Test
    void aTimedSendGivesUpWithEtimedoutAfterItsTimeout() throws Exception {
        create(2, 64);
        long start = System.nanoTime();
        SendOutcome o = new BulkSender().run(backend,
                plan(Payload.text("x"), 0, 5, Duration.ZERO, Duration.ofMillis(250)), (s, t, e) -> { });
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(o.sent()).isEqualTo(2);
        assertThat(o.failure().errno()).isEqualTo(Errno.ETIMEDOUT);
        assertThat(o.failure().operation()).isEqualTo("mq_timedsend");
        assertThat(o.summary()).isEqualTo("Sent 2 of 5; the 3rd: ETIMEDOUT — the queue stayed full for 250 ms (2 of 2)");
        assertThat(ms).isBetween(240L, 2000L);
    }

    @Test
    void aTimedSendWaitsForRoomAReceiverMakes() throws Exception {
        create(1, 64);
        Future<SendOutcome> f = thread.submit(() -> new BulkSender().run(backend,
                plan(Payload.text("n${n}"), 0, 3, Duration.ZERO, Duration.ofSeconds(5)), (s, t, e) -> { }));
        List<String> got = new ArrayList<>();
        try (MqQueue q = backend.open(Q, Mq.O_RDONLY)) {
            for (int i = 0; i < 3; i++) {
                got.add(text(q.timedReceive(java.time.Instant.now().plusSeconds(5))));
            }
        }
        assertThat(f.get(5, TimeUnit.SECONDS).complete()).isTrue();
        assertThat(got).containsExactly("n1", "n2", "n3");
    }

    @Test
    void cancelStopsWithinATimedWait() throws Exception {
        create(1, 64);
        BulkSender sender = new BulkSender();
        Future<SendOutcome> f = thread.submit(() -> sender.run(backend,
                plan(Payload.text("x"), 0, 3, Duration.ZERO, Duration.ofMinutes(5)), (s, t, e) -> { }));
        Eventually.until("the first sent, the queue full", () -> depth() == 1);
        long start = System.nanoTime();
        sender.cancel();
        SendOutcome o = f.get(5, TimeUnit.SECONDS);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1000);
        assertThat(o.cancelled()).isTrue();
        assertThat(o.sent()).isEqualTo(1);
        assertThat(o.failure()).isNull();
        assertThat(o.summary()).isEqualTo("Cancelled: sent 1 of 3 to " + Q + ".");
        assertThat(drain()).hasSize(1);
    }

    @Test
    void cancelStopsDuringTheIntervalAndProgressIsReported() throws Exception {
        create(10, 64);
        BulkSender sender = new BulkSender();
        List<Long> reports = java.util.Collections.synchronizedList(new ArrayList<>());
        Future<SendOutcome> f = thread.submit(() -> sender.run(backend,
                plan(Payload.text("x"), 0, 10, Duration.ofMillis(100), null), (s, t, e) -> reports.add(s)));
        Eventually.until("three sent", () -> reports.stream().anyMatch(n -> n >= 3));
        sender.cancel();
        SendOutcome o = f.get(5, TimeUnit.SECONDS);
        assertThat(o.cancelled()).isTrue();
        assertThat(o.sent()).as("stopped between two sends, before the tenth").isBetween(3L, 9L);
        assertThat(reports).isNotEmpty().allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(o.sent()));
        assertThat(drain()).hasSize((int) o.sent());
    }

    @Test
    void aPayloadOverMsgsizeIsRefusedBeforeAnySend() throws Exception {
        create(10, 128);
        SendOutcome o = new BulkSender().run(backend, plan(Payload.text("y".repeat(200)), 0, 3, Duration.ZERO,
                null), (s, t, e) -> { });
        assertThat(o.sent()).isZero();
        assertThat(o.summary()).isEqualTo("Text: 200 bytes is more than the queue's msgsize of 128 (EMSGSIZE)");
        assertThat(drain()).isEmpty();
    }

    @Test
    void failuresToOpenNameTheCallAndErrno() throws Exception {
        SendOutcome missing = new BulkSender().run(backend, plan(Payload.text("x"), 0, 1, Duration.ZERO, null),
                (s, t, e) -> { });
        assertThat(missing.failure().errno()).isEqualTo(Errno.ENOENT);
        assertThat(missing.summary()).startsWith("Sent 0 of 1: mq_open ENOENT — ");
        create(10, 64);
        SendOutcome readOnly = new BulkSender().run(new ReadOnlyBackend(backend),
                plan(Payload.text("x"), 0, 1, Duration.ZERO, null), (s, t, e) -> { });
        assertThat(readOnly.failure().errno()).isEqualTo(Errno.EROFS);
        assertThat(drain()).isEmpty();
    }

    private long depth() throws MqException {
        try (MqQueue q = backend.open(Q, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
            return q.getAttributes().currentMessages();
        }
    }
}
