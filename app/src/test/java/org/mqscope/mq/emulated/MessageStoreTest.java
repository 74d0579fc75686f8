package org.mqscope.mq.emulated;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqMessage;

class MessageStoreTest {

    private static MqMessage msg(int seq, int prio) {
        return new MqMessage(new byte[] {(byte) seq, (byte) (seq >> 8), (byte) (seq >> 16)}, prio);
    }

    @Test
    void receivesHighestPriorityFirstAndFifoWithinPriority() {
        MessageStore s = new MessageStore();
        int[] prios = {1, 5, 3, 5, 0, Mq.PRIO_MAX - 1};
        for (int i = 0; i < prios.length; i++) {
            s.add(msg(i, prios[i]));
        }
        List<Integer> order = new ArrayList<>();
        MqMessage m;
        while ((m = s.poll()) != null) {
            order.add((int) m.body()[0]);
        }
        // Linux: sent a1 b5 c3 d5 e0 f32767 → received f b d c a e
        assertThat(order).containsExactly(5, 1, 3, 2, 0, 4);
        assertThat(s.size()).isZero();
        assertThat(s.highest()).isEqualTo(-1);
    }

    @Test
    void matchesAStableSortModelUnderRandomTraffic() {
        Random rnd = new Random(42);
        MessageStore s = new MessageStore();
        List<MqMessage> model = new ArrayList<>();
        Comparator<MqMessage> receiveOrder = Comparator.comparingInt(MqMessage::priority).reversed();
        int seq = 0;
        for (int step = 0; step < 200_000; step++) {
            if (rnd.nextInt(100) < 55 || model.isEmpty()) {
                int prio = switch (rnd.nextInt(3)) {
                    case 0 -> rnd.nextInt(Mq.PRIO_MAX);
                    case 1 -> rnd.nextInt(4);
                    default -> 32700 + rnd.nextInt(68);
                };
                MqMessage m = msg(seq++, prio);
                s.add(m);
                model.add(m);
                model.sort(receiveOrder); // stable: FIFO within a priority
            } else {
                assertThat(s.poll()).isSameAs(model.remove(0));
            }
            if (step % 10_000 == 0 && !model.isEmpty()) {
                int i = rnd.nextInt(model.size());
                assertThat(s.get(i)).isSameAs(model.get(i));
                assertThat(s.toArray()).containsExactlyElementsOf(model);
            }
            assertThat(s.size()).isEqualTo(model.size());
        }
    }

    @Test
    void getOutsideTheQueueIsNull() {
        MessageStore s = new MessageStore();
        assertThat(s.get(0)).isNull();
        s.add(msg(1, 7));
        assertThat(s.get(0).priority()).isEqualTo(7);
        assertThat(s.get(1)).isNull();
        assertThat(s.get(-1)).isNull();
    }

    @Test
    void fifoRingBufferWrapsAndGrowsInOrder() {
        MessageStore s = new MessageStore();
        int next = 0;
        int expected = 0;
        for (int round = 0; round < 50; round++) {
            for (int i = 0; i < round % 7 + 3; i++) {
                s.add(msg(next++, 9));
            }
            for (int i = 0; i < round % 5 + 1 && s.size() > 0; i++) {
                MqMessage m = s.poll();
                int got = (m.body()[0] & 0xff) | (m.body()[1] & 0xff) << 8;
                assertThat(got).isEqualTo(expected++);
            }
        }
        List<MqMessage> rest = new ArrayList<>();
        s.forEach(rest::add);
        assertThat(rest).hasSize(next - expected);
    }
}
