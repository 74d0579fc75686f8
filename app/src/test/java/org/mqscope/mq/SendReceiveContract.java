package org.mqscope.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** mq_send, mq_receive and the descriptor rules they share (§6.2, §7.2, §11 close, §18.3-4). */
abstract class SendReceiveContract extends MqContract {

    @Test
    void aMessageKeepsItsBytesAndPriority() throws MqException {
        byte[] all = new byte[SMALL.messageSize() > 256 ? 256 : (int) SMALL.messageSize()];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) (i * 7);
        }
        try (MqQueue q = create()) {
            q.send(all, 17);
            q.send(new byte[0], Mq.PRIO_MAX - 1);
            MqMessage empty = q.receive();
            assertThat(empty.size()).isZero();
            assertThat(empty.priority()).isEqualTo(Mq.PRIO_MAX - 1);
            MqMessage m = q.receive();
            assertThat(m.body()).containsExactly(all);
            assertThat(m.priority()).isEqualTo(17);
        }
    }

    @Test
    void descriptorsOfOneQueueShareItsMessages() throws MqException {
        try (MqQueue writer = create(Mq.O_WRONLY); MqQueue reader = reopen(writer, Mq.O_RDONLY)) {
            writer.send(bytes("across"), 3);
            assertThat(curmsgs(reader)).isEqualTo(1);
            assertThat(take(reader)).isEqualTo("across");
            assertThat(curmsgs(writer)).isZero();
        }
    }

    @Test
    void getAttributesReportsCapacitySizeAndCount() throws MqException {
        try (MqQueue q = create(MqAttributes.of(3, 16))) {
            assertThat(q.getAttributes()).isEqualTo(new MqAttributes(0, 3, 16, 0));
            q.send(bytes("a"), 0);
            q.send(bytes("b"), 0);
            assertThat(q.getAttributes()).isEqualTo(new MqAttributes(0, 3, 16, 2));
        }
    }

    @Test
    void aBodyLongerThanMsgsizeIsEmsgsize() throws MqException {
        try (MqQueue q = create(MqAttributes.of(2, 16))) {
            assertThat(errnoOf(() -> q.send(new byte[17], 0))).isEqualTo(Errno.EMSGSIZE);
            q.send(new byte[16], 0);
            assertThat(curmsgs(q)).isEqualTo(1);
        }
    }

    @Test
    void theReceiveBufferMustHoldMsgsizeWhateverTheMessage() throws MqException {
        try (MqQueue q = create(MqAttributes.of(2, 16))) {
            q.send(bytes("hi"), 0);
            assertThat(errnoOf(() -> q.receive(15))).isEqualTo(Errno.EMSGSIZE);
            assertThat(errnoOf(() -> q.timedReceive(15, past()))).isEqualTo(Errno.EMSGSIZE);
            assertThat(curmsgs(q)).as("a refused receive leaves the message").isEqualTo(1);
            assertThat(text(q.receive(1000))).isEqualTo("hi");
        }
    }

    @Test
    void aShortBufferIsEmsgsizeBeforeTheQueueIsFoundEmpty() throws MqException {
        try (MqQueue q = create(Mq.O_RDWR | Mq.O_NONBLOCK)) {
            assertThat(errnoOf(() -> q.receive(SMALL.messageSize() - 1))).isEqualTo(Errno.EMSGSIZE);
            assertThat(errnoOf(q::receive)).isEqualTo(Errno.EAGAIN);
        }
    }

    @Test
    void nonBlockingDescriptorsGetEagainInsteadOfWaiting() throws MqException {
        try (MqQueue q = create(Mq.O_RDWR | Mq.O_NONBLOCK)) {
            assertThat(errnoOf(q::receive)).isEqualTo(Errno.EAGAIN);
            fill(q);
            assertThat(errnoOf(() -> q.send(bytes("one too many"), 0))).isEqualTo(Errno.EAGAIN);
            assertThat(curmsgs(q)).isEqualTo(SMALL.maxMessages());
        }
    }

    @Test
    void sendingNeedsWriteAccessAndThatComesBeforeTheSize() throws MqException {
        try (MqQueue reader = create(Mq.O_RDONLY)) {
            assertThat(errnoOf(() -> reader.send(bytes("x"), 0))).isEqualTo(Errno.EBADF);
            assertThat(errnoOf(() -> reader.send(new byte[(int) SMALL.messageSize() + 1], 0)))
                    .isEqualTo(Errno.EBADF);
            assertThat(errnoOf(() -> reader.timedSend(bytes("x"), 0, past()))).isEqualTo(Errno.EBADF);
        }
    }

    @Test
    void receivingNeedsReadAccessAndThatComesBeforeTheBufferSize() throws MqException {
        try (MqQueue writer = create(Mq.O_WRONLY)) {
            writer.send(bytes("x"), 0);
            assertThat(errnoOf(writer::receive)).isEqualTo(Errno.EBADF);
            assertThat(errnoOf(() -> writer.receive(1))).isEqualTo(Errno.EBADF);
            assertThat(errnoOf(() -> writer.timedReceive(past()))).isEqualTo(Errno.EBADF);
            assertThat(errnoOf(writer::readStatus)).isEqualTo(Errno.EBADF);
        }
    }

    @Test
    void thePriorityIsUnsignedAndBelowPrioMax() throws MqException {
        try (MqQueue q = create()) {
            for (int prio : new int[] {-1, Integer.MIN_VALUE, Mq.PRIO_MAX, Integer.MAX_VALUE}) {
                assertThat(errnoOf(() -> q.send(bytes("p"), prio))).as("priority %d", prio).isEqualTo(Errno.EINVAL);
            }
            assertThat(curmsgs(q)).isZero();
            q.send(bytes("top"), Mq.PRIO_MAX - 1);
            q.send(bytes("bottom"), 0);
            assertThat(take(q)).isEqualTo("top");
        }
    }

    @Test
    void anInvalidPriorityComesBeforeEveryOtherCheck() throws MqException {
        MqQueue reader = create(Mq.O_RDONLY);
        try (MqQueue full = create(Mq.O_RDWR | Mq.O_NONBLOCK)) {
            assertThat(errnoOf(() -> reader.send(bytes("x"), Mq.PRIO_MAX))).isEqualTo(Errno.EINVAL);
            byte[] tooBig = new byte[(int) SMALL.messageSize() + 1];
            assertThat(errnoOf(() -> full.send(tooBig, -1))).isEqualTo(Errno.EINVAL);
            fill(full);
            assertThat(errnoOf(() -> full.send(bytes("x"), Mq.PRIO_MAX))).isEqualTo(Errno.EINVAL);
            assertThat(errnoOf(() -> full.send(tooBig, 0))).as("EMSGSIZE before EAGAIN").isEqualTo(Errno.EMSGSIZE);
            reader.close();
            assertThat(errnoOf(() -> reader.send(bytes("x"), -5))).isEqualTo(Errno.EINVAL);
        }
    }

    @Test
    void aClosedDescriptorIsEbadfForEveryCall() throws MqException {
        MqQueue q = create();
        String name = q.name();
        q.close();
        assertThat(q.isOpen()).isFalse();
        assertThat(q.name()).isEqualTo(name);
        assertThat(q.oflag() & Mq.O_ACCMODE).isEqualTo(Mq.O_RDWR);
        assertThat(errnoOf(() -> q.send(bytes("x"), 0))).isEqualTo(Errno.EBADF);
        assertThat(errnoOf(() -> q.timedSend(bytes("x"), 0, later()))).isEqualTo(Errno.EBADF);
        assertThat(errnoOf(q::receive)).isEqualTo(Errno.EBADF);
        assertThat(errnoOf(() -> q.receive(1))).as("EBADF before EMSGSIZE").isEqualTo(Errno.EBADF);
        assertThat(errnoOf(() -> q.timedReceive(later()))).isEqualTo(Errno.EBADF);
        assertThat(errnoOf(q::getAttributes)).isEqualTo(Errno.EBADF);
        assertThat(errnoOf(() -> q.setAttributes(MqAttributes.flags(Mq.O_NONBLOCK)))).isEqualTo(Errno.EBADF);
        assertThat(errnoOf(() -> q.notify(Notification.none()))).isEqualTo(Errno.EBADF);
        assertThat(errnoOf(() -> q.notify(null))).isEqualTo(Errno.EBADF);
        assertThat(errnoOf(() -> q.poll(Mq.POLLIN, Duration.ZERO))).isEqualTo(Errno.EBADF);
        assertThat(errnoOf(q::readStatus)).isEqualTo(Errno.EBADF);
        assertThat(errnoOf(q::close)).isEqualTo(Errno.EBADF);
    }

    @Test
    void argumentChecksStillComeBeforeEbadfOnAClosedDescriptor() throws MqException {
        MqQueue q = create();
        q.close();
        assertThat(errnoOf(() -> q.timedSend(bytes("x"), 0, beforeEpoch()))).isEqualTo(Errno.EINVAL);
        assertThat(errnoOf(() -> q.timedReceive(beforeEpoch()))).isEqualTo(Errno.EINVAL);
        assertThat(errnoOf(() -> q.timedReceive(1, beforeEpoch()))).isEqualTo(Errno.EINVAL);
        assertThat(errnoOf(() -> q.send(bytes("x"), Mq.PRIO_MAX))).isEqualTo(Errno.EINVAL);
        assertThat(errnoOf(() -> q.setAttributes(MqAttributes.flags(Mq.O_NONBLOCK | 1)))).isEqualTo(Errno.EINVAL);
        assertThat(errnoOf(() -> q.notify(Notification.raw(99, 0)))).isEqualTo(Errno.EINVAL);
        assertThat(errnoOf(() -> q.notify(Notification.signal(Notification.SIGRTMAX + 1)))).isEqualTo(Errno.EINVAL);
        assertThat(errnoOf(() -> q.notify(Notification.signal(Notification.SIGRTMAX)))).isEqualTo(Errno.EBADF);
    }

    @Test
    void failuresNameTheCCallAndTheQueue() throws MqException {
        String missing = newName();
        assertThat(failure(() -> mq.open(missing, Mq.O_RDONLY))).isEqualTo("mq_open " + missing);
        assertThat(failure(() -> mq.unlink(missing))).isEqualTo("mq_unlink " + missing);
        MqQueue q = create(Mq.O_WRONLY | Mq.O_NONBLOCK);
        String name = q.name();
        assertThat(failure(() -> q.send(bytes("x"), -1))).isEqualTo("mq_send " + name);
        assertThat(failure(() -> q.timedSend(bytes("x"), -1, later()))).isEqualTo("mq_timedsend " + name);
        assertThat(failure(q::receive)).isEqualTo("mq_receive " + name);
        assertThat(failure(() -> q.timedReceive(later()))).isEqualTo("mq_timedreceive " + name);
        assertThat(failure(() -> q.setAttributes(MqAttributes.flags(1)))).isEqualTo("mq_setattr " + name);
        assertThat(failure(() -> q.notify(Notification.raw(99, 0)))).isEqualTo("mq_notify " + name);
        assertThat(failure(q::readStatus)).isEqualTo("read " + name);
        q.close();
        assertThat(failure(q::getAttributes)).isEqualTo("mq_getattr " + name);
        assertThat(failure(() -> q.poll(Mq.POLLIN, Duration.ZERO))).isEqualTo("poll " + name);
        assertThat(failure(q::close)).isEqualTo("mq_close " + name);
    }

    /** "operation queue" of the MqException {@code call} throws. */
    private static String failure(ThrowingCallable call) {
        Throwable t = catchThrowable(call);
        assertThat(t).isInstanceOf(MqException.class);
        MqException e = (MqException) t;
        assertThat(e.code()).isEqualTo(e.errno().code());
        return e.operation() + " " + e.queue();
    }

    @Test
    void nullArgumentsAreEfaultAfterTheChecksThatNeedNoArgument() throws MqException {
        try (MqQueue reader = create(Mq.O_RDONLY); MqQueue q = create()) {
            assertThat(errnoOf(() -> q.send(null, 0))).isEqualTo(Errno.EFAULT);
            assertThat(errnoOf(() -> q.send(null, Mq.PRIO_MAX))).isEqualTo(Errno.EINVAL);
            assertThat(errnoOf(() -> reader.send(null, 0))).isEqualTo(Errno.EBADF);
            assertThat(errnoOf(() -> q.setAttributes(null))).isEqualTo(Errno.EFAULT);
            assertThat(curmsgs(q)).isZero();
        }
    }

    @Test
    void closingTheBackendClosesItsDescriptorsButNotTheQueues() throws MqException {
        String name = newName();
        MqBackend other = fixture().sameProcess(mq);
        MqQueue q = other.open(name, RDWR_CREATE, 0600, SMALL);
        q.send(bytes("persists"), 0);
        other.close();
        assertThat(q.isOpen()).isFalse();
        assertThat(errnoOf(q::getAttributes)).isEqualTo(Errno.EBADF);
        try (MqQueue again = mq.open(name, Mq.O_RDONLY)) {
            assertThat(take(again)).isEqualTo("persists");
        }
    }
}
