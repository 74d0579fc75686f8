package org.mqscope.mq.kernel.journal;

import static org.mqscope.mq.kernel.journal.JournalLayout.*;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The journal's staging slot, where the kernel receives each message straight into the page cache. Before every
 * receive the slot is refilled with a filler only this journal can predict (salted), so that a message a dead
 * writer left uncommitted can be measured where the filler starts again. Not thread-safe: one journal owns it.
 */
final class StagingSlot {
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final ByteBuffer head;
    private final long msgsize;
    private long salt;
    /** The filler for this salt, computed once: a drain rewrites it before every receive. */
    private byte[] filler;
    /** How much of the slot the last message overwrote: only that much filler needs writing again. */
    private int dirty;

    StagingSlot(ByteBuffer head, long msgsize) {
        this.head = head;
        this.msgsize = msgsize;
        salt(head.getLong(H_SALT));
    }

    long salt() {
        return salt;
    }

    void salt(long value) {
        salt = value;
        filler = new byte[(int) msgsize];
        for (int i = 0; i < filler.length; i++) {
            filler[i] = filler(value, 0, i);
        }
    }

    /** Priority (int) at 0, message bytes from 8. */
    ByteBuffer buffer() {
        return head.slice(STAGING, (int) (8 + msgsize)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Filler over the whole slot: a new journal's, and one a dead writer may have left anything in. */
    void fillAll() {
        head.put(STAGING_DATA, filler, 0, (int) msgsize);
        dirty = 0;
    }

    void markAllDirty() {
        dirty = (int) msgsize;
    }

    /** Filler over what the last message wrote, no priority, and what to expect of message {@code seq}. */
    void prepare(long seq, long qsizeBefore) {
        head.put(STAGING_DATA, filler, 0, dirty);
        dirty = 0;
        head.putInt(STAGING, NO_PRIORITY);
        head.putLong(H_STAGING_QSIZE, qsizeBefore);
        LONG.setRelease(head, H_STAGING_SEQ, seq);
    }

    long seq() {
        return head.getLong(H_STAGING_SEQ);
    }

    int priority() {
        return head.getInt(STAGING);
    }

    /** The message of {@code length} bytes was copied into the log: the slot holds nothing to commit now. */
    void committed(long length) {
        dirty = (int) length;
        LONG.setRelease(head, H_STAGING_SEQ, -1L);
    }

    /** Says that the slot holds message {@code seq}, for a commit of what a dead writer left. */
    void claim(long seq) {
        head.putLong(H_STAGING_SEQ, seq);
    }

    /** What a dead writer left uncommitted as message {@code expectedSeq}, or null. */
    Journal.StagedMessage uncommitted(long expectedSeq) {
        long seq = seq();
        int prio = priority();
        if (seq < 0 || seq != expectedSeq || prio == NO_PRIORITY) {
            return null;
        }
        int shortest = (int) msgsize;
        while (shortest > 0 && head.get(STAGING_DATA + shortest - 1) == filler[shortest - 1]) {
            shortest--;
        }
        return new Journal.StagedMessage(prio, shortest, (int) msgsize, head.getLong(H_STAGING_QSIZE));
    }
}
