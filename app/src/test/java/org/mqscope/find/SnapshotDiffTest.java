package org.mqscope.find;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.MqMessage;

class SnapshotDiffTest {
    private static MqMessage m(String s, int prio) {
        return new MqMessage(s.getBytes(StandardCharsets.UTF_8), prio);
    }

    @Test
    void duplicatesPairInOrderAsAMultiset() {
        List<MqMessage> before = List.of(m("a", 1), m("a", 1), m("a", 1), m("b", 1), m("c", 2));
        List<MqMessage> after = List.of(m("a", 1), m("a", 1), m("c", 2), m("c", 3), m("d", 0));
        SnapshotDiff d = SnapshotDiff.of(before, after);
        assertThat(d.stayed()).extracting(p -> p[0] + "->" + p[1]).containsExactly("0->0", "1->1", "4->2");
        assertThat(d.left()).containsExactly(2, 3);
        assertThat(d.arrived()).containsExactly(3, 4); // same body, other priority: another message
        assertThat(d.arrivedRows().stream().toArray()).containsExactly(3, 4);
        assertThat(d.summary()).isEqualTo("2 arrived, 2 left, 3 stayed");
    }

    @Test
    void emptySides() {
        assertThat(SnapshotDiff.of(List.of(), List.of(m("x", 0))).arrived()).containsExactly(0);
        assertThat(SnapshotDiff.of(List.of(m("x", 0)), List.of()).left()).containsExactly(0);
    }
}
