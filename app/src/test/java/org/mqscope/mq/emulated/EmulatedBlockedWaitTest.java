package org.mqscope.mq.emulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;

/**
 * How a blocked call waits: it may spin briefly before parking, but an idle blocked caller costs no CPU, and the
 * spin never passes a deadline nor hides an interrupt.
 */
class EmulatedBlockedWaitTest {
    private final EmulatedBackend backend = new EmulatedBackend();

    @AfterEach
    void close() {
        backend.close();
    }

    @Test
    @Timeout(30)
    void anIdleBlockedReceiverUsesNoCpu() throws Exception {
        MqQueue q = backend.open("/idle", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(10, 16));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        assertThat(mx.isCurrentThreadCpuTimeSupported()).isTrue();
        CompletableFuture<Long> receiverId = new CompletableFuture<>();
        CompletableFuture<MqMessage> received = new CompletableFuture<>();
        Thread receiver = new Thread(() -> {
            receiverId.complete(Thread.currentThread().getId());
            try {
                received.complete(q.receive());
            } catch (Throwable t) {
                received.completeExceptionally(t);
            }
        }, "idle-receiver");
        receiver.setDaemon(true);
        receiver.start();
        long id = receiverId.get(10, TimeUnit.SECONDS);
        Thread.sleep(200); // past any spin: parked by now
        long before = mx.getThreadCpuTime(id);
        Thread.sleep(1000);
        long used = mx.getThreadCpuTime(id) - before;

        q.send(new byte[] {7}, 3);

        assertThat(received.get(10, TimeUnit.SECONDS).body()).containsExactly(7);
        assertThat(used).as("CPU ns of a receiver blocked for 1 s").isLessThan(TimeUnit.MILLISECONDS.toNanos(20));
    }

    @Test
    void aDeadlineInsideTheSpinStillTimesOutAtTheDeadline() throws Exception {
        MqQueue q = backend.open("/short", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(10, 16));
        for (int i = 0; i < 100; i++) {
            Instant deadline = Instant.now().plusNanos(20_000);
            MqException e = catchThrowableOfType(MqException.class, () -> q.timedReceive(deadline));
            assertThat(e.errno()).isEqualTo(Errno.ETIMEDOUT);
            assertThat(Instant.now()).isAfterOrEqualTo(deadline);
        }
        q.send(new byte[] {1}, 0);
        assertThat(q.timedReceive(Instant.now().plusNanos(20_000)).body()).containsExactly(1);
    }

    @Test
    void anInterruptBeforeBlockingIsEintrAndConsumed() throws Exception {
        MqQueue q = backend.open("/intr", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(1, 16));
        Thread.currentThread().interrupt();
        MqException receive = catchThrowableOfType(MqException.class, q::receive);
        boolean stillInterrupted = Thread.interrupted();

        q.send(new byte[] {1}, 0);
        Thread.currentThread().interrupt();
        MqException send = catchThrowableOfType(MqException.class, () -> q.send(new byte[] {2}, 0));
        Thread.interrupted();

        assertThat(receive.errno()).isEqualTo(Errno.EINTR);
        assertThat(stillInterrupted).isFalse();
        assertThat(send.errno()).isEqualTo(Errno.EINTR);
        assertThat(q.getAttributes().currentMessages()).isEqualTo(1);
        assertThat(q.receive().body()).containsExactly(1);
    }
}
