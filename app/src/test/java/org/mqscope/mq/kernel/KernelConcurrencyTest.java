package org.mqscope.mq.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;

/**
 * One queue object used by several threads at once. The native buffers are per thread; were they shared, payloads
 * would be torn or swapped between concurrent sends and receives.
 */
class KernelConcurrencyTest extends KernelTestBase {
    private static final int SENDERS = 4;
    private static final int PER_SENDER = 2_000;
    private static final int SIZE = 64;

    /** A payload whose every byte says who sent it and which one it was. */
    private static byte[] payload(int sender, int index) {
        ByteBuffer b = ByteBuffer.allocate(SIZE);
        while (b.hasRemaining()) {
            b.putInt(sender * PER_SENDER + index);
        }
        return b.array();
    }

    @Test
    void concurrentSendersAndAReceiverOnTheSameObject() throws Exception {
        String name = newName();
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS + 1);
        try (MqQueue q = backend.open(name, Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(4, SIZE))) {
            Future<Set<Integer>> receiver = pool.submit(() -> {
                Set<Integer> seen = new HashSet<>();
                Instant deadline = Instant.now().plusSeconds(60);
                for (int i = 0; i < SENDERS * PER_SENDER; i++) {
                    MqMessage m = q.timedReceive(deadline);
                    ByteBuffer b = ByteBuffer.wrap(m.body());
                    int id = b.getInt();
                    while (b.hasRemaining()) {
                        assertThat(b.getInt()).as("torn payload").isEqualTo(id);
                    }
                    assertThat(m.priority()).isEqualTo(id % Mq.PRIO_MAX % 7);
                    assertThat(seen.add(id)).as("duplicate " + id).isTrue();
                }
                return seen;
            });
            List<Future<?>> senders = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                int sender = s;
                senders.add(pool.submit(() -> {
                    Instant deadline = Instant.now().plusSeconds(60);
                    for (int i = 0; i < PER_SENDER; i++) {
                        int id = sender * PER_SENDER + i;
                        q.timedSend(payload(sender, i), id % Mq.PRIO_MAX % 7, deadline);
                    }
                    return null;
                }));
            }
            for (Future<?> f : senders) {
                f.get(90, TimeUnit.SECONDS);
            }
            assertThat(receiver.get(90, TimeUnit.SECONDS)).hasSize(SENDERS * PER_SENDER);
        } finally {
            pool.shutdownNow();
        }
    }
}
