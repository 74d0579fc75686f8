package org.mqscope.mq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Receive order: highest priority first, oldest first within a priority (§8.1). */
abstract class OrderingContract extends MqContract {
    static final MqAttributes EIGHT = MqAttributes.of(8, 64);

    @Test
    void highestPriorityFirstAndFifoWithinAPriority() throws MqException {
        try (MqQueue q = create(EIGHT)) {
            q.send(bytes("a1"), 1);
            q.send(bytes("b5"), 5);
            q.send(bytes("c3"), 3);
            q.send(bytes("d5"), 5);
            q.send(bytes("e0"), 0);
            q.send(bytes("f32767"), 32767);
            assertThat(drain(q)).containsExactly("f32767@32767", "b5@5", "d5@5", "c3@3", "a1@1", "e0@0");
        }
    }

    @Test
    void oneOrderForEqualPrioritiesIsArrivalOrder() throws MqException {
        try (MqQueue q = create(EIGHT)) {
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                q.send(bytes("m" + i), 7);
                sent.add("m" + i + "@7");
            }
            assertThat(drain(q)).containsExactlyElementsOf(sent);
        }
    }

    @Test
    void laterHigherPriorityMessagesOvertakeQueuedOnes() throws MqException {
        try (MqQueue q = create(EIGHT)) {
            q.send(bytes("old-low-a"), 1);
            q.send(bytes("old-low-b"), 1);
            assertThat(take(q)).isEqualTo("old-low-a");
            q.send(bytes("new-high"), 2);
            q.send(bytes("new-low"), 1);
            assertThat(drain(q)).containsExactly("new-high@2", "old-low-b@1", "new-low@1");
        }
    }

    @Test
    void descriptorsDoNotMatterToTheOrder() throws MqException {
        try (MqQueue a = create(EIGHT); MqQueue b = reopen(a, Mq.O_WRONLY)) {
            a.send(bytes("a"), 4);
            b.send(bytes("b"), 4);
            b.send(bytes("c"), 9);
            a.send(bytes("d"), 4);
            assertThat(drain(a)).containsExactly("c@9", "a@4", "b@4", "d@4");
        }
    }

    /** Every stored message as "body@priority", in receive order. */
    static List<String> drain(MqQueue q) throws MqException {
        List<String> out = new ArrayList<>();
        while (curmsgs(q) > 0) {
            MqMessage m = q.receive();
            out.add(text(m) + "@" + m.priority());
        }
        return out;
    }
}
