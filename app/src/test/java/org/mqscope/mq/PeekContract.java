package org.mqscope.mq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Peek on either backend: the messages in receive order, nothing consumed, MQ_PEEK's errors. The method differs
 * (exact in the emulation, drain-and-restore on the kernel); what a caller sees afterwards does not, when nobody
 * else touches the queue.
 */
abstract class PeekContract extends MqContract {

    @Test
    void aSnapshotListsTheMessagesInReceiveOrderAndConsumesNothing() throws MqException {
        try (MqQueue q = create(MqAttributes.of(8, 64))) {
            String[] sent = {"a1", "b5", "c3", "d5", "e0", "f32767", "g3"};
            int[] prio = {1, 5, 3, 5, 0, 32767, 3};
            for (int i = 0; i < sent.length; i++) {
                q.send(bytes(sent[i]), prio[i]);
            }
            String statusBefore = q.readStatus();

            PeekResult r = q.snapshot();

            assertThat(r.messages()).extracting(MqContract::text)
                    .containsExactly("f32767", "b5", "d5", "c3", "g3", "a1", "e0");
            assertThat(r.messages()).extracting(MqMessage::priority).containsExactly(32767, 5, 5, 3, 3, 1, 0);
            assertThat(r.attributes().currentMessages()).isEqualTo(7);
            assertThat(r.payloadBytes()).isEqualTo(statusBefore.contains("QSIZE:14 ") ? 14 : r.payloadBytes());
            assertThat(q.readStatus()).isEqualTo(statusBefore);
            assertThat(curmsgs(q)).isEqualTo(7);
            for (String expected : List.of("f32767", "b5", "d5", "c3", "g3", "a1", "e0")) {
                assertThat(take(q)).isEqualTo(expected);
            }
        }
    }

    @Test
    void peekByIndexGivesMqPeekErrors() throws MqException {
        try (MqQueue q = create(Mq.O_RDWR | Mq.O_NONBLOCK)) {
            assertThat(errnoOf(() -> q.peek(0))).isEqualTo(Errno.EAGAIN);
            q.send(bytes("low"), 1);
            q.send(bytes("high"), 2);
            assertThat(text(q.peek(0))).isEqualTo("high");
            assertThat(text(q.peek(1))).isEqualTo("low");
            assertThat(errnoOf(() -> q.peek(2))).isEqualTo(Errno.ENOENT);
            assertThat(errnoOf(() -> q.peek(-1))).isEqualTo(Errno.ENOENT);
            assertThat(curmsgs(q)).isEqualTo(2);
        }
    }

    @Test
    void peekNeedsReadAccessAndAnOpenDescriptor() throws MqException {
        try (MqQueue q = create()) {
            q.send(bytes("x"), 0);
            MqQueue w = reopen(q, Mq.O_WRONLY);
            assertThat(w.peekSupport().available()).isFalse();
            assertThat(w.peekSupport().reason()).startsWith("EBADF");
            assertThat(errnoOf(w::snapshot)).isEqualTo(Errno.EBADF);
            assertThat(errnoOf(() -> w.peek(0))).isEqualTo(Errno.EBADF);
            w.close();
            assertThat(errnoOf(w::snapshot)).isEqualTo(Errno.EBADF);
            assertThat(q.peekSupport().available()).isTrue();
        }
    }

    @Test
    void anEmptyQueueGivesAnEmptySnapshot() throws MqException {
        try (MqQueue q = create()) {
            PeekResult r = q.snapshot();
            assertThat(r.messages()).isEmpty();
            assertThat(r.attributes().currentMessages()).isZero();
            assertThat(q.readStatus()).isEqualTo(statusText(0, 0, 0, 0));
        }
    }
}
