package org.mqscope.mq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * Blocking calls and absolute CLOCK_REALTIME deadlines (§6.2, §7.2, §8.2, §14): a deadline matters only when the
 * call would block; one before the epoch is EINVAL always.
 */
abstract class BlockingContract extends MqContract {
    /** Short enough to keep the suite fast, long enough that the call surely sleeps first. */
    static final Duration SHORT = Duration.ofMillis(150);

    @Test
    void aTimedReceiveOnAnEmptyQueueTimesOutNoEarlierThanTheDeadline() throws MqException {
        try (MqQueue q = create()) {
            Instant deadline = Instant.now().plus(SHORT);
            assertThat(errnoOf(() -> q.timedReceive(deadline))).isEqualTo(Errno.ETIMEDOUT);
            assertThat(Instant.now()).isAfterOrEqualTo(deadline);
        }
    }

    @Test
    void aTimedSendOnAFullQueueTimesOutAndItsMessageIsDropped() throws MqException {
        try (MqQueue q = create()) {
            fill(q);
            Instant deadline = Instant.now().plus(SHORT);
            assertThat(errnoOf(() -> q.timedSend(bytes("late"), 9, deadline))).isEqualTo(Errno.ETIMEDOUT);
            assertThat(Instant.now()).isAfterOrEqualTo(deadline);
            assertThat(curmsgs(q)).isEqualTo(SMALL.maxMessages());
            assertThat(OrderingContract.drain(q)).noneMatch(m -> m.startsWith("late"));
        }
    }

    @Test
    void aPastDeadlineOnACallThatWouldBlockIsEtimedoutAtOnce() throws MqException {
        try (MqQueue q = create()) {
            assertThat(errnoOf(() -> q.timedReceive(past()))).isEqualTo(Errno.ETIMEDOUT);
            assertThat(errnoOf(() -> q.timedReceive(Instant.EPOCH))).isEqualTo(Errno.ETIMEDOUT);
            fill(q);
            assertThat(errnoOf(() -> q.timedSend(bytes("x"), 0, past()))).isEqualTo(Errno.ETIMEDOUT);
            assertThat(curmsgs(q)).isEqualTo(SMALL.maxMessages());
        }
    }

    @Test
    void aPastDeadlineOnACallThatNeedNotBlockSucceeds() throws MqException {
        try (MqQueue q = create()) {
            q.timedSend(bytes("sent late"), 0, past());
            assertThat(text(q.timedReceive(Instant.EPOCH))).isEqualTo("sent late");
        }
    }

    @Test
    void aNonBlockingDescriptorIsEagainWhateverTheDeadline() throws MqException {
        try (MqQueue q = create(Mq.O_RDWR | Mq.O_NONBLOCK)) {
            assertThat(errnoOf(() -> q.timedReceive(past()))).isEqualTo(Errno.EAGAIN);
            assertThat(errnoOf(() -> q.timedReceive(later()))).isEqualTo(Errno.EAGAIN);
            fill(q);
            assertThat(errnoOf(() -> q.timedSend(bytes("x"), 0, past()))).isEqualTo(Errno.EAGAIN);
        }
    }

    @Test
    void aDeadlineBeforeTheEpochIsEinvalEvenWhenTheCallWouldNotBlock() throws MqException {
        try (MqQueue q = create(Mq.O_RDWR | Mq.O_NONBLOCK)) {
            assertThat(errnoOf(() -> q.timedSend(bytes("x"), 0, beforeEpoch()))).isEqualTo(Errno.EINVAL);
            assertThat(curmsgs(q)).as("nothing sent").isZero();
            assertThat(errnoOf(() -> q.timedReceive(beforeEpoch()))).as("before EAGAIN").isEqualTo(Errno.EINVAL);
            q.send(bytes("stays"), 0);
            assertThat(errnoOf(() -> q.timedReceive(beforeEpoch()))).isEqualTo(Errno.EINVAL);
            assertThat(errnoOf(() -> q.timedReceive(1, beforeEpoch()))).as("before EMSGSIZE").isEqualTo(Errno.EINVAL);
            assertThat(curmsgs(q)).as("nothing received").isEqualTo(1);
            byte[] tooBig = new byte[(int) SMALL.messageSize() + 1];
            assertThat(errnoOf(() -> q.timedSend(tooBig, Mq.PRIO_MAX, beforeEpoch()))).isEqualTo(Errno.EINVAL);
        }
    }

    @Test
    void aReceiveWithoutDeadlineWaitsForTheNextMessage() throws MqException {
        try (MqQueue q = create()) {
            BlockedCall<MqMessage> receiver = blocked(q::receive);
            q.send(bytes("wake"), 2);
            assertThat(receiver.get()).isEqualTo(new MqMessage(bytes("wake"), 2));
        }
    }

    @Test
    void aSendWithoutDeadlineWaitsForAFreeSlot() throws MqException {
        try (MqQueue q = create()) {
            fill(q);
            BlockedCall<Void> sender = blocked(() -> {
                q.send(bytes("waited"), 1);
                return null;
            });
            assertThat(take(q)).isEqualTo("fill0");
            sender.get();
            assertThat(take(q)).as("the waiting sender's higher priority").isEqualTo("waited");
        }
    }

    @Test
    void aTimedReceiveReturnsAsSoonAsAMessageComes() throws MqException {
        try (MqQueue q = create()) {
            BlockedCall<MqMessage> receiver = blocked(() -> q.timedReceive(later()));
            q.send(bytes("in time"), 0);
            assertThat(text(receiver.get())).isEqualTo("in time");
        }
    }

    @Test
    void closingTheDescriptorDoesNotWakeAThreadBlockedOnIt() throws MqException {
        MqQueue q = create();
        try (MqQueue writer = reopen(q, Mq.O_WRONLY)) {
            BlockedCall<MqMessage> receiver = blocked(() -> q.timedReceive(later()));
            q.close();
            awaitBlocked(receiver);
            writer.send(bytes("still delivered"), 0);
            assertThat(text(receiver.get())).isEqualTo("still delivered");
        }
    }

    @Test
    void unlinkingDoesNotWakeAThreadBlockedOnTheQueue() throws MqException {
        try (MqQueue q = create()) {
            BlockedCall<MqMessage> receiver = blocked(() -> q.timedReceive(later()));
            mq.unlink(q.name());
            awaitBlocked(receiver);
            q.send(bytes("after unlink"), 0);
            assertThat(text(receiver.get())).isEqualTo("after unlink");
        }
    }

    @Test
    void settingONonblockDoesNotReleaseThreadsAlreadyBlocked() throws MqException {
        try (MqQueue q = create()) {
            BlockedCall<MqMessage> receiver = blocked(() -> q.timedReceive(later()));
            q.setAttributes(MqAttributes.flags(Mq.O_NONBLOCK));
            awaitBlocked(receiver);
            assertThat(errnoOf(q::receive)).as("new calls see the flag").isEqualTo(Errno.EAGAIN);
            q.send(bytes("for the sleeper"), 0);
            assertThat(text(receiver.get())).isEqualTo("for the sleeper");
        }
    }
}
