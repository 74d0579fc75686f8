package org.mqscope.mq.emulated;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;

/** Many threads on one small queue: blocking on both sides, hand-offs, and nothing lost or duplicated. */
class EmulatedConcurrencyTest {
    private static final int PRODUCERS = 4;
    private static final int CONSUMERS = 4;
    private static final int PER_PRODUCER = 25_000;
    private static final int[] PRIORITIES = {0, 5, 9};

    @Test
    @Timeout(60)
    void everyMessageIsReceivedExactlyOnceAndFifoHoldsWithinAPriority() throws Exception {
        EmulatedBackend b = new EmulatedBackend();
        MqQueue setup = b.open("/stress", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(10, 16));
        ExecutorService pool = Executors.newFixedThreadPool(PRODUCERS + CONSUMERS);
        AtomicIntegerArray seen = new AtomicIntegerArray(PRODUCERS * PER_PRODUCER);
        List<Future<?>> producers = new ArrayList<>();
        List<Future<?>> consumers = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            int producer = p;
            producers.add(pool.submit(() -> {
                try (MqQueue q = b.open("/stress", Mq.O_WRONLY)) {
                    for (int seq = 0; seq < PER_PRODUCER; seq++) {
                        byte[] body = ByteBuffer.allocate(8).putInt(producer).putInt(seq).array();
                        q.send(body, PRIORITIES[seq % PRIORITIES.length]);
                    }
                }
                return null;
            }));
        }
        for (int c = 0; c < CONSUMERS; c++) {
            consumers.add(pool.submit(() -> {
                Map<Long, Integer> lastSeq = new HashMap<>(); // (producer, priority) → last sequence number
                try (MqQueue q = b.open("/stress", Mq.O_RDONLY)) {
                    for (;;) {
                        MqMessage m;
                        try {
                            m = q.timedReceive(Instant.now().plusMillis(500));
                        } catch (MqException e) {
                            if (e.errno() == Errno.ETIMEDOUT) {
                                return lastSeq.size();
                            }
                            throw e;
                        }
                        ByteBuffer bb = ByteBuffer.wrap(m.body());
                        int producer = bb.getInt();
                        int seq = bb.getInt();
                        assertThat(m.priority()).isEqualTo(PRIORITIES[seq % PRIORITIES.length]);
                        assertThat(seen.getAndIncrement(producer * PER_PRODUCER + seq)).isZero();
                        Integer before = lastSeq.put(((long) producer << 32) | m.priority(), seq);
                        assertThat(before == null || before < seq).isTrue();
                    }
                }
            }));
        }
        for (Future<?> f : producers) {
            f.get(50, TimeUnit.SECONDS);
        }
        for (Future<?> f : consumers) {
            f.get(50, TimeUnit.SECONDS);
        }
        pool.shutdown();
        for (int i = 0; i < seen.length(); i++) {
            assertThat(seen.get(i)).as("message %d", i).isEqualTo(1);
        }
        assertThat(setup.getAttributes().currentMessages()).isZero();
        assertThat(b.statusLine("/stress")).startsWith("QSIZE:0 ");
        setup.close();
        b.unlink("/stress");
    }
}
