package org.mqscope.find;

import org.mqscope.mq.MqMessage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed in a queue between two snapshots. Messages carry no identity, so they are aligned by content and
 * priority: equal messages are a multiset, paired in receive order (the first copy before with the first copy
 * after), so three copies before and two after are two that stayed and one that left.
 *
 * @param left    indexes into the earlier snapshot of the messages no longer there
 * @param arrived indexes into the later snapshot of the messages that were not there before
 * @param stayed  pairs {earlier index, later index} of the messages in both
 */
public record SnapshotDiff(List<Integer> left, List<Integer> arrived, List<int[]> stayed) {

    public static SnapshotDiff of(List<MqMessage> before, List<MqMessage> after) {
        Map<MqMessage, ArrayDeque<Integer>> waiting = new HashMap<>();
        for (int i = 0; i < before.size(); i++) {
            waiting.computeIfAbsent(before.get(i), k -> new ArrayDeque<>()).add(i);
        }
        List<Integer> arrived = new ArrayList<>();
        List<int[]> stayed = new ArrayList<>();
        BitSet kept = new BitSet(before.size());
        for (int j = 0; j < after.size(); j++) {
            ArrayDeque<Integer> copies = waiting.get(after.get(j));
            Integer i = copies == null ? null : copies.poll();
            if (i == null) {
                arrived.add(j);
            } else {
                kept.set(i);
                stayed.add(new int[] {i, j});
            }
        }
        List<Integer> left = new ArrayList<>();
        for (int i = kept.nextClearBit(0); i < before.size(); i = kept.nextClearBit(i + 1)) {
            left.add(i);
        }
        return new SnapshotDiff(List.copyOf(left), List.copyOf(arrived), List.copyOf(stayed));
    }

    /** The later snapshot's rows that arrived since the earlier one. */
    public BitSet arrivedRows() {
        BitSet b = new BitSet();
        arrived.forEach(b::set);
        return b;
    }

    public String summary() {
        return arrived.size() + " arrived, " + left.size() + " left, " + stayed.size() + " stayed";
    }
}
