package org.mqscope.mq.kernel;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.StatusLine;
import org.mqscope.mq.kernel.journal.Journal;

/**
 * The two loops of a drain-and-restore, shared by peek and by recovery: receive messages straight into the
 * journal's staging slot and commit each before the next receive; then send them back in the same order from the
 * journal, marking each send in flight first. Because every message is received in receive order and sent back in
 * that order, the queue ends as it began when nobody else touched it.
 */
final class DrainRestore {
    /** How long a restore waits for room, counted from the last message that went back. */
    static final Duration RESTORE_PATIENCE = Duration.ofSeconds(5);
    private static final int POLL_STEP_MILLIS = 50;
    private static final int PRIO_OFFSET = 0;
    private static final int DATA_OFFSET = 8;

    private final PrivateDescriptor queue;
    private final Journal journal;
    private final long staging;

    DrainRestore(PrivateDescriptor queue, Journal journal) {
        this.queue = queue;
        this.journal = journal;
        this.staging = Pointer.nativeValue(Native.getDirectBufferPointer(journal.staging()));
    }

    /**
     * Receives up to {@code limit} messages into the journal, stopping early when the queue is empty.
     *
     * @param qsizeBefore the queue's QSIZE now, from which the journal tracks what to expect before each receive
     * @return how many were taken
     */
    long drain(long limit, long qsizeBefore) throws MqException, IOException {
        long msgsize = journal.messageSize();
        long expected = qsizeBefore;
        long taken = 0;
        while (taken < limit) {
            journal.ensureRoom();
            journal.prepareStaging(journal.recordCount(), expected);
            long n = queue.receiveInto(staging + DATA_OFFSET, msgsize, staging + PRIO_OFFSET);
            if (n < 0) {
                break;
            }
            journal.commitStaged(n);
            expected -= n;
            taken++;
        }
        return taken;
    }

    /**
     * Sends the journal's messages back from where the last restore stopped, skipping those a selection move sends
     * to its target instead. When the queue is full (others refilled it) it waits for room with bounded polls, for
     * at most {@code patience} without progress (counted from the first send that found no room after the last one
     * that went through).
     *
     * @return records done in all (the journal's restore count: every record when it finished)
     */
    long restore(Duration patience) throws MqException, IOException {
        journal.beginRestore();
        send(new Cursor() {
            @Override
            public int next() {
                int i = (int) journal.restored();
                while (i < journal.recordCount() && journal.selection().skips(i)) {
                    journal.markRestored(++i); // went to the target of a selection move
                }
                return i < journal.recordCount() ? i : -1;
            }

            @Override
            public void sent(int record) {
                journal.markRestored(record + 1L);
            }
        }, patience);
        return journal.restored();
    }

    /**
     * A selection move's sends to its target (this descriptor's queue): the planned records it has not taken yet,
     * in receive order, each marked in flight first, waiting for room as {@link #restore} does; stops between two
     * messages once {@code cancelled}.
     *
     * @return planned messages the target has taken in all
     */
    long sendSelected(Duration patience, BooleanSupplier cancelled) throws MqException, IOException {
        send(new Cursor() {
            @Override
            public int next() {
                long s = journal.selection().sent();
                return s < journal.selection().kept() && !cancelled.getAsBoolean()
                        ? (int) journal.selection().position((int) s) : -1;
            }

            @Override
            public void sent(int record) {
                journal.selection().markSent(journal.selection().sent() + 1);
            }
        }, patience);
        return journal.selection().sent();
    }

    /** Which record goes next (-1: none left), and what to record once it went. */
    private interface Cursor {
        int next();

        void sent(int record);
    }

    private void send(Cursor cursor, Duration patience) throws MqException, IOException {
        long curmsgs = queue.attributes().currentMessages();
        long qsize = queue.status().qsize();
        long giveUp = 0;
        boolean waiting = false;
        ByteBuffer chunk = null;
        long chunkAddress = 0;
        for (int i = cursor.next(); i >= 0; ) {
            // The records lie in a few large mapped chunks: their native address is looked up once per chunk.
            ByteBuffer c = journal.recordChunk(i);
            if (c != chunk) {
                chunk = c;
                chunkAddress = Pointer.nativeValue(Native.getDirectBufferPointer(c));
            }
            int length = journal.recordLength(i);
            journal.markInFlight(i, curmsgs, qsize);
            if (queue.sendFrom(chunkAddress + journal.recordBodyOffset(i), length, journal.recordPriority(i))) {
                cursor.sent(i);
                i = cursor.next();
                curmsgs++;
                qsize += length;
                waiting = false;
                continue;
            }
            journal.clearInFlight();
            long now = System.nanoTime();
            if (!waiting) {
                waiting = true;
                giveUp = now + patience.toNanos();
            }
            long left = giveUp - now;
            if (left <= 0) {
                break;
            }
            queue.awaitSpace((int) Math.min(POLL_STEP_MILLIS, Math.max(1, left / 1_000_000)));
            // Others changed the queue: what to expect before the next send comes from the kernel again.
            MqAttributes a = queue.attributes();
            StatusLine s = queue.status();
            curmsgs = a.currentMessages();
            qsize = s.qsize();
        }
    }
}
