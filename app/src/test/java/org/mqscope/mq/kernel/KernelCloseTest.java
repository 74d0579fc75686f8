package org.mqscope.mq.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.BlockedInKernel;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.Notification;
import org.mqscope.mq.StatusLine;

/**
 * After close, the descriptor number belongs to whoever opens next: a closed queue must answer EBADF itself, never
 * by passing the stale number to the kernel.
 */
class KernelCloseTest extends KernelTestBase {

    private static void assertErrno(ThrowingCallable call, Errno errno) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MqException.class,
                e -> assertThat(e.errno()).isEqualTo(errno));
    }

    @Test
    void closedQueueNeverTouchesTheQueueThatReusedItsNumber() throws Exception {
        KernelQueue closed = createQueue();
        closed.close();
        try (KernelQueue reused = createQueue()) {
            assertThat(reused.fd()).as("the kernel hands out the lowest free number").isEqualTo(closed.fd());
            reused.send(new byte[] {42}, 3);
            reused.setAttributes(MqAttributes.flags(Mq.O_NONBLOCK));

            assertErrno(() -> closed.send(new byte[] {1}, 0), Errno.EBADF);
            assertErrno(closed::receive, Errno.EBADF);
            assertErrno(() -> closed.setAttributes(MqAttributes.flags(0)), Errno.EBADF);
            assertErrno(() -> closed.notify(Notification.none()), Errno.EBADF);
            assertErrno(() -> closed.notify(null), Errno.EBADF);
            assertErrno(closed::getAttributes, Errno.EBADF);
            assertErrno(() -> closed.poll(Mq.POLLIN, Duration.ZERO), Errno.EBADF);
            assertErrno(closed::readStatus, Errno.EBADF);
            assertErrno(closed::close, Errno.EBADF);

            assertThat(reused.isOpen()).isTrue();
            assertThat(reused.getAttributes()).isEqualTo(new MqAttributes(Mq.O_NONBLOCK, 4, 64, 1));
            assertThat(StatusLine.parse(reused.readStatus()).notifyPid()).isZero();
            assertThat(reused.receive()).isEqualTo(new MqMessage(new byte[] {42}, 3));
        }
    }

    @Test
    void closedQueueKeepsTheKernelsCheckOrder() throws Exception {
        KernelQueue q = createQueue();
        q.close();
        assertThat(q.isOpen()).isFalse();
        Instant beforeEpoch = Instant.ofEpochSecond(-1);
        // The kernel validates these before it looks at the descriptor.
        assertErrno(() -> q.timedSend(new byte[1], 0, beforeEpoch), Errno.EINVAL);
        assertErrno(() -> q.send(new byte[1], -1), Errno.EINVAL);
        assertErrno(() -> q.timedReceive(beforeEpoch), Errno.EINVAL);
        assertErrno(() -> q.setAttributes(MqAttributes.flags(Mq.O_NONBLOCK | 1)), Errno.EINVAL);
        assertErrno(() -> q.notify(Notification.raw(99, 0)), Errno.EINVAL);
        assertErrno(() -> q.notify(Notification.signal(65)), Errno.EINVAL);
        assertErrno(() -> q.timedSend(new byte[1], 0, Instant.now()), Errno.EBADF);
        assertErrno(() -> q.setAttributes(MqAttributes.flags(Mq.O_NONBLOCK)), Errno.EBADF);
        assertErrno(() -> q.notify(Notification.signal(0)), Errno.EBADF);
    }

    @Test
    void closeWhileAnotherThreadIsBlockedKeepsTheNumberUntilItReturns() throws Exception {
        String name = newName();
        KernelQueue blocking = (KernelQueue) backend.open(name, Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(4, 64));
        blocking.notify(Notification.none());
        CompletableFuture<MqMessage> receiver = CompletableFuture.supplyAsync(() -> {
            try {
                return blocking.timedReceive(Instant.now().plusSeconds(20));
            } catch (MqException e) {
                throw new IllegalStateException(e);
            }
        });
        waitUntilBlocked(receiver);
        blocking.close();
        assertThat(blocking.isOpen()).isFalse();

        try (KernelQueue other = createQueue(); MqQueue sender = backend.open(name, Mq.O_WRONLY)) {
            assertThat(other.fd()).as("number still reserved").isNotEqualTo(blocking.fd());
            // The close took effect on the queue at once: our registration is gone.
            assertThat(StatusLine.parse(backend.statusLine(name)).notifyPid()).isZero();
            // As with close(2), the blocked call keeps waiting on the queue, and gets the next message.
            sender.send(new byte[] {7}, 1);
            assertThat(receiver.get(10, TimeUnit.SECONDS)).isEqualTo(new MqMessage(new byte[] {7}, 1));
        }
        // The last call out released the number.
        assertThat(descriptorTarget(blocking.fd())).doesNotContain(name.substring(1));
    }

    @Test
    void backendCloseClosesEveryDescriptorOpenedThroughIt() throws Exception {
        KernelQueue a = createQueue();
        KernelQueue b = createQueue();
        backend.close();
        assertThat(a.isOpen()).isFalse();
        assertThat(b.isOpen()).isFalse();
        assertThat(descriptorTarget(a.fd())).doesNotContain(a.name().substring(1));
        assertThat(descriptorTarget(b.fd())).doesNotContain(b.name().substring(1));
        assertThatThrownBy(() -> backend.open(newName(), Mq.O_CREAT | Mq.O_RDWR, 0600, null))
                .isInstanceOfSatisfying(MqException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EBADF));
    }

    /** What /proc says the descriptor number stands for now; "" when it is free. */
    private static String descriptorTarget(int fd) throws Exception {
        Path link = Path.of("/proc/self/fd/" + fd);
        return Files.isSymbolicLink(link) ? Files.readSymbolicLink(link).toString() : "";
    }

    /** Waits until a thread of this process sleeps in mq_timedreceive (the one detector), the call not done. */
    private static void waitUntilBlocked(CompletableFuture<?> call) throws Exception {
        BlockedInKernel.awaitAnyThreadIn(Set.of(BlockedInKernel.MQ_TIMEDRECEIVE), Duration.ofSeconds(10));
        assertThat(call).isNotDone();
    }
}
