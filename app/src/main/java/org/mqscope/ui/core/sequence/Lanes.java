package org.mqscope.ui.core.sequence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.mqscope.mq.QueueEvent;

/**
 * The columns of the sequence diagram: the queues in the middle, the actors around them (in order of first
 * appearance, alternately left and right, so a producer and its consumer face each other across the queue).
 */
final class Lanes {
    private final List<String> columns = new ArrayList<>();
    private final Set<String> queues = new LinkedHashSet<>();
    private final int firstQueue;

    Lanes(List<QueueEvent> events) {
        Set<String> actors = new LinkedHashSet<>();
        for (QueueEvent e : events) {
            actors.add(e.actor());
            queues.add(e.queue());
        }
        List<String> left = new ArrayList<>();
        List<String> right = new ArrayList<>();
        int i = 0;
        for (String a : actors) {
            (i++ % 2 == 0 ? left : right).add(a);
        }
        java.util.Collections.reverse(left); // the first actor sits next to the queue
        columns.addAll(left);
        firstQueue = columns.size();
        columns.addAll(queues);
        columns.addAll(right);
    }

    /** Column titles from left to right. */
    List<String> columns() {
        return columns;
    }

    boolean isQueue(int column) {
        return column >= firstQueue && column < firstQueue + queues.size();
    }

    int actorColumn(String actor) {
        for (int c = 0; c < columns.size(); c++) {
            if (!isQueue(c) && columns.get(c).equals(actor)) {
                return c;
            }
        }
        return -1;
    }

    int queueColumn(String queue) {
        int c = firstQueue;
        for (String q : queues) {
            if (q.equals(queue)) {
                return c;
            }
            c++;
        }
        return -1;
    }
}
