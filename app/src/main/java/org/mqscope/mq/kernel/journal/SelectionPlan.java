package org.mqscope.mq.kernel.journal;

import static org.mqscope.mq.kernel.journal.JournalLayout.*;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The plan of a selection move: which drained messages (by their place in the drain, i.e. receive order) go to the
 * target instead of back into the source. The positions are written once at creation; progress lives in two
 * header counters, each advanced by one release store: {@code sent} (how many planned messages the target took)
 * and {@code kept} (how many of the plan still go to the target: lowered, never raised, when the target cannot
 * take the rest, or to 0 when the move is called off, so those messages go back to their places instead).
 */
public final class SelectionPlan {
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final ByteBuffer head;
    private final long[] positions;

    private SelectionPlan(ByteBuffer head, long[] positions) {
        this.head = head;
        this.positions = positions;
    }

    /** Reads the plan of a journal: {@code planArea} holds H_PLAN_COUNT positions (none without a plan). */
    static SelectionPlan read(ByteBuffer head, ByteBuffer planArea) {
        long count = head.getLong(H_PLAN_COUNT);
        long[] p = new long[(int) Math.max(0, Math.min(count, planArea == null ? 0 : planArea.capacity() / 8))];
        for (int i = 0; i < p.length; i++) {
            p[i] = planArea.getLong(i * 8);
        }
        return new SelectionPlan(head, p);
    }

    /** Writes a new plan (the header and the plan area of a journal being created). */
    static SelectionPlan write(ByteBuffer head, ByteBuffer planArea, long[] sortedPositions) {
        for (int i = 0; i < sortedPositions.length; i++) {
            planArea.putLong(i * 8, sortedPositions[i]);
        }
        head.putLong(H_PLAN_COUNT, sortedPositions.length);
        head.putLong(H_PLAN_KEPT, sortedPositions.length);
        head.putLong(H_PLAN_SENT, 0);
        return new SelectionPlan(head, sortedPositions.clone());
    }

    /** Messages planned for the target (0 outside a selection move). */
    public int count() {
        return positions.length;
    }

    /** Where planned message {@code s} is among the records (its place in the drain). */
    public long position(int s) {
        return positions[s];
    }

    /** The first this many planned messages go (went) to the target; the rest go back into the source. */
    public long kept() {
        return Math.min(head.getLong(H_PLAN_KEPT), positions.length);
    }

    /** Planned messages the target has taken. */
    public long sent() {
        return head.getLong(H_PLAN_SENT);
    }

    /** Calls off the rest of the plan: only the first {@code n} go to the target, never fewer than were sent. */
    public void keep(long n) {
        if (n > kept() || n < sent()) {
            throw new IllegalStateException("the plan keeps " + kept() + " with " + sent() + " sent; cannot keep " + n);
        }
        LONG.setRelease(head, H_PLAN_KEPT, n);
    }

    /** The target took planned message {@code n - 1}: counted, and its in-flight mark stops counting. */
    public void markSent(long n) {
        LONG.setRelease(head, H_PLAN_SENT, n);
        LONG.setRelease(head, H_INFLIGHT_INDEX, -1L);
    }

    /** Whether record {@code i} goes (went) to the target rather than back into the source. */
    public boolean skips(long i) {
        int k = (int) kept();
        return k > 0 && Arrays.binarySearch(positions, 0, k, i) >= 0;
    }

    /** Records before {@code upTo} that go back into the source (all of them outside a selection move). */
    public long toSource(long upTo) {
        long skipped = 0;
        for (int s = 0; s < kept(); s++) {
            skipped += positions[s] < upTo ? 1 : 0;
        }
        return upTo - skipped;
    }
}
