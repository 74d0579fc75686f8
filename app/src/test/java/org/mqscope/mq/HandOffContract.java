package org.mqscope.mq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Who gets served when threads wait (§6.3, §7.3, §8.1-2, §9.4): FIFO among blocked receivers and among blocked
 * senders, a message handed straight to a waiting receiver, and a freed slot filled at once by the first waiting
 * sender. Neither hand-off is an empty-to-non-empty insert, so neither fires a notification.
 */
abstract class HandOffContract extends MqContract {

    @Test
    void blockedReceiversAreServedInTheOrderTheyBlocked() throws MqException {
        try (MqQueue q = create(); MqQueue second = reopen(q, Mq.O_RDONLY)) {
            List<BlockedCall<MqMessage>> receivers = new ArrayList<>();
            for (MqQueue d : List.of(q, second, q)) {
                receivers.add(blocked(() -> d.timedReceive(later())));
            }
            q.send(bytes("first"), 0);
            q.send(bytes("second"), 9);
            q.send(bytes("third"), 3);
            assertThat(receivers).extracting(r -> text(r.get())).containsExactly("first", "second", "third");
        }
    }

    @Test
    void blockedSendersAreServedInTheOrderTheyBlockedWhateverTheirPriority() throws MqException {
        try (MqQueue q = create(MqAttributes.of(1, 64))) {
            q.send(bytes("filler"), 0);
            BlockedCall<Void> low = blocked(sending(q, "low", 1));
            BlockedCall<Void> high = blocked(sending(q, "high", 9));
            BlockedCall<Void> middle = blocked(sending(q, "middle", 5));
            assertThat(take(q)).isEqualTo("filler");
            low.get();
            assertThat(high.isDone()).isFalse();
            assertThat(take(q)).isEqualTo("low");
            high.get();
            assertThat(take(q)).isEqualTo("high");
            middle.get();
            assertThat(take(q)).isEqualTo("middle");
        }
    }

    @Test
    void aBlockedSendersMessageIsOrderedWhenItEntersTheQueueNotWhenItStartedWaiting() throws MqException {
        try (MqQueue q = create(MqAttributes.of(2, 64))) {
            q.send(bytes("p0"), 0);
            q.send(bytes("p1"), 1);
            BlockedCall<Void> s9 = blocked(sending(q, "S9", 9));
            BlockedCall<Void> s3 = blocked(sending(q, "S0", 0));
            assertThat(take(q)).isEqualTo("p1");
            assertThat(take(q)).isEqualTo("S9");
            assertThat(take(q)).as("S0 entered after p0, so p0 is older").isEqualTo("p0");
            assertThat(take(q)).isEqualTo("S0");
            s9.get();
            s3.get();
        }
    }

    @Test
    void aMessageForAWaitingReceiverBypassesTheQueueAndItsNotification() throws MqException {
        try (MqQueue q = create()) {
            BlockedCall<MqMessage> receiver = blocked(() -> q.timedReceive(later()));
            q.notify(Notification.none());
            q.send(bytes("direct"), 0);
            assertThat(text(receiver.get())).isEqualTo("direct");
            assertThat(curmsgs(q)).isZero();
            assertThat(q.poll(Mq.POLLIN, java.time.Duration.ZERO)).isZero();
            assertThat(q.readStatus()).as("QSIZE 0 and the registration kept")
                    .isEqualTo(statusText(0, Notification.SIGEV_NONE, 0, ownPid()));

            q.send(bytes("queued"), 0);
            assertThat(q.readStatus()).as("the kept registration fires on the next insert")
                    .isEqualTo(statusText(6, 0, 0, 0));
        }
    }

    @Test
    void aFreedSlotTakesTheFirstWaitingSendersMessageAtOnceWithoutNotifying() throws MqException {
        try (MqQueue q = create(MqAttributes.of(1, 64))) {
            q.send(bytes("first"), 0);
            BlockedCall<Void> sender = blocked(sending(q, "S7", 7));
            q.notify(Notification.none()); // allowed on a non-empty queue
            assertThat(q.readStatus()).as("a waiting sender's message is not in QSIZE yet")
                    .isEqualTo(statusText(5, Notification.SIGEV_NONE, 0, ownPid()));
            assertThat(take(q)).isEqualTo("first");
            // the receive itself moved S7 in: the queue never looked empty
            assertThat(curmsgs(q)).isEqualTo(1);
            assertThat(q.readStatus()).isEqualTo(statusText(2, Notification.SIGEV_NONE, 0, ownPid()));
            sender.get();
            MqMessage moved = q.receive();
            assertThat(moved).isEqualTo(new MqMessage(bytes("S7"), 7));

            q.send(bytes("fires"), 0);
            assertThat(q.readStatus()).isEqualTo(statusText(5, 0, 0, 0));
        }
    }

    @Test
    void receiversOnDifferentQueuesDoNotSteal() throws MqException {
        try (MqQueue a = create(); MqQueue b = create()) {
            BlockedCall<MqMessage> onA = blocked(() -> a.timedReceive(later()));
            BlockedCall<MqMessage> onB = blocked(() -> b.timedReceive(later()));
            b.send(bytes("for b"), 0);
            a.send(bytes("for a"), 0);
            assertThat(text(onA.get())).isEqualTo("for a");
            assertThat(text(onB.get())).isEqualTo("for b");
        }
    }

    static java.util.concurrent.Callable<Void> sending(MqQueue q, String body, int priority) {
        return () -> {
            q.timedSend(bytes(body), priority, later());
            return null;
        };
    }
}
