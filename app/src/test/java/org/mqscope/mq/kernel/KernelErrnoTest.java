package org.mqscope.mq.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;

/** errno is read right after a failed call, mapped to the right constant, operation and queue. */
class KernelErrnoTest extends KernelTestBase {

    private static void assertErrno(ThrowingCallable call, Errno errno, String operation, String queue) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MqException.class, e -> {
            assertThat(e.errno()).isEqualTo(errno);
            assertThat(e.code()).isEqualTo(errno.code());
            assertThat(e.operation()).isEqualTo(operation);
            assertThat(e.queue()).isEqualTo(queue);
        });
    }

    @Test
    void openAndUnlinkErrors() throws Exception {
        String name = newName();
        assertErrno(() -> backend.open(name, Mq.O_RDWR), Errno.ENOENT, "mq_open", name);
        createQueue(name).close();
        assertErrno(() -> backend.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600, null), Errno.EEXIST,
                "mq_open", name);
        assertErrno(() -> backend.open("no-slash", Mq.O_RDWR), Errno.EINVAL, "mq_open", "no-slash");
        assertErrno(() -> backend.open("/a/b", Mq.O_RDWR), Errno.EACCES, "mq_open", "/a/b");
        backend.unlink(name);
        assertErrno(() -> backend.unlink(name), Errno.ENOENT, "mq_unlink", name);
    }

    @Test
    void eachFailureReportsItsOwnErrno() throws Exception {
        try (KernelQueue q = createQueue()) {
            String name = q.name();
            assertErrno(q::receive, Errno.EAGAIN, "mq_receive", name);
            q.send(new byte[3], 1); // succeeds: must not be mistaken for the EAGAIN before it
            assertErrno(() -> q.receive(10), Errno.EMSGSIZE, "mq_receive", name);
            assertErrno(() -> q.send(new byte[65], 1), Errno.EMSGSIZE, "mq_send", name);
            for (int i = 0; i < 3; i++) {
                q.send(new byte[1], 1);
            }
            assertErrno(() -> q.timedSend(new byte[1], 1, null), Errno.EAGAIN, "mq_timedsend", name);
            assertThat(q.receive().size()).isEqualTo(3);
        }
    }

    @Test
    void negativePriorityIsAHugeUnsignedValueForTheKernel() throws Exception {
        try (KernelQueue q = createQueue()) {
            assertErrno(() -> q.send(new byte[1], -1), Errno.EINVAL, "mq_send", q.name());
            assertErrno(() -> q.send(new byte[1], Mq.PRIO_MAX), Errno.EINVAL, "mq_send", q.name());
            q.send(new byte[1], Mq.PRIO_MAX - 1);
            assertThat(q.receive().priority()).isEqualTo(Mq.PRIO_MAX - 1);
        }
    }

    @Test
    void deadlineBeforeTheEpochIsTheKernelsEinvalEvenWhenNothingWouldBlock() throws Exception {
        try (KernelQueue q = createQueue()) {
            q.send(new byte[1], 0);
            Instant invalid = Instant.ofEpochSecond(-1);
            assertErrno(() -> q.timedSend(new byte[1], 0, invalid), Errno.EINVAL, "mq_timedsend", q.name());
            assertErrno(() -> q.timedReceive(invalid), Errno.EINVAL, "mq_timedreceive", q.name());
            assertThat(q.getAttributes().currentMessages()).isEqualTo(1);
        }
    }

    @Test
    void pastDeadlineOnABlockingQueueTimesOut() throws Exception {
        try (KernelQueue q = createQueue()) {
            q.setAttributes(org.mqscope.mq.MqAttributes.flags(0));
            assertErrno(() -> q.timedReceive(Instant.now().minusSeconds(1)), Errno.ETIMEDOUT, "mq_timedreceive",
                    q.name());
            q.timedSend(new byte[] {9}, 2, Instant.now().plusSeconds(5));
            MqMessage m = q.timedReceive(Instant.now().plusSeconds(5));
            assertThat(m).isEqualTo(new MqMessage(new byte[] {9}, 2));
        }
    }

    @Test
    void bufferSizeIsSizeT() throws Exception {
        try (KernelQueue q = createQueue()) {
            q.send(new byte[] {1}, 0);
            q.send(new byte[] {2}, 0);
            // Far more than could be allocated: the kernel only needs mq_msgsize, and that is all we allocate.
            assertThat(q.receive(1L << 40).body()).containsExactly(1);
            // A negative size_t is huge in C, so the kernel accepts it.
            assertThat(q.receive(-1).body()).containsExactly(2);
        }
    }

    @Test
    void nullAttributesAreEfault() throws Exception {
        try (KernelQueue q = createQueue()) {
            assertErrno(() -> q.setAttributes(null), Errno.EFAULT, "mq_setattr", q.name());
        }
    }

    @Test
    void accessModeErrorsComeFromTheKernel() throws Exception {
        String name = newName();
        createQueue(name).close();
        try (MqQueue writer = backend.open(name, Mq.O_WRONLY | Mq.O_NONBLOCK);
             MqQueue reader = backend.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
            assertErrno(writer::receive, Errno.EBADF, "mq_receive", name);
            assertErrno(writer::readStatus, Errno.EBADF, "read", name);
            assertErrno(() -> reader.send(new byte[1], 0), Errno.EBADF, "mq_send", name);
            // The kernel checks access before it reads the buffer.
            assertErrno(() -> reader.send(null, 0), Errno.EBADF, "mq_send", name);
            assertErrno(() -> writer.send(null, 0), Errno.EFAULT, "mq_send", name);
            assertThat(reader.readStatus()).startsWith("QSIZE:0 ");
        }
    }
}
