package org.mqscope.mq.emulated;

import java.util.function.Consumer;

import org.mqscope.mq.Mq;
import org.mqscope.mq.MqMessage;

/**
 * Messages in receive order: one FIFO per priority, highest priority first. A two-level bitmap over the 32,768
 * priorities finds the highest non-empty FIFO in a few word operations, so every operation costs the same at any
 * depth. FIFOs are allocated in chunks of 64 priorities on first use and kept once empty (as the kernel keeps a
 * cached tree node), so a steady send/receive loop allocates nothing. Not thread-safe: the queue's lock guards it.
 */
final class MessageStore {
    private static final int WORD_BITS = 64;
    private static final int WORDS = Mq.PRIO_MAX / WORD_BITS;          // 512 words of priority bits
    private static final int SUMMARY_WORDS = WORDS / WORD_BITS;        // 8 words, one bit per non-zero word

    private final long[] bits = new long[WORDS];
    private final long[] summary = new long[SUMMARY_WORDS];
    private final Fifo[][] chunks = new Fifo[WORDS][];
    private int count;

    int size() {
        return count;
    }

    void add(MqMessage message) {
        int p = message.priority();
        Fifo[] chunk = chunks[p >>> 6];
        if (chunk == null) {
            chunk = chunks[p >>> 6] = new Fifo[WORD_BITS];
        }
        Fifo fifo = chunk[p & 63];
        if (fifo == null) {
            fifo = chunk[p & 63] = new Fifo();
        }
        if (fifo.size == 0) {
            bits[p >>> 6] |= 1L << (p & 63);
            summary[p >>> 12] |= 1L << ((p >>> 6) & 63);
        }
        fifo.add(message);
        count++;
    }

    /** Removes and returns what mq_receive would: the oldest message of the highest priority. */
    MqMessage poll() {
        int p = highest();
        if (p < 0) {
            return null;
        }
        Fifo fifo = chunks[p >>> 6][p & 63];
        MqMessage m = fifo.poll();
        if (fifo.size == 0) {
            int w = p >>> 6;
            bits[w] &= ~(1L << (p & 63));
            if (bits[w] == 0) {
                summary[w >>> 6] &= ~(1L << (w & 63));
            }
        }
        count--;
        return m;
    }

    /** The message at {@code index} in receive order, or null when index is out of range. */
    MqMessage get(long index) {
        if (index < 0 || index >= count) {
            return null;
        }
        long skip = index;
        for (int p = highest(); p >= 0; p = nextBelow(p)) {
            Fifo fifo = chunks[p >>> 6][p & 63];
            if (skip < fifo.size) {
                return fifo.get((int) skip);
            }
            skip -= fifo.size;
        }
        throw new IllegalStateException("message count out of step with the FIFOs");
    }

    /** Every message in receive order. */
    void forEach(Consumer<MqMessage> action) {
        for (int p = highest(); p >= 0; p = nextBelow(p)) {
            chunks[p >>> 6][p & 63].forEach(action);
        }
    }

    /** Every message in receive order, into an array. */
    MqMessage[] toArray() {
        MqMessage[] out = new MqMessage[count];
        int[] at = {0};
        for (int p = highest(); p >= 0; p = nextBelow(p)) {
            at[0] = chunks[p >>> 6][p & 63].copyInto(out, at[0]);
        }
        return out;
    }

    /** Highest priority with a message, or -1 when empty. */
    int highest() {
        for (int s = SUMMARY_WORDS - 1; s >= 0; s--) {
            long sw = summary[s];
            if (sw != 0) {
                int w = (s << 6) + 63 - Long.numberOfLeadingZeros(sw);
                return (w << 6) + 63 - Long.numberOfLeadingZeros(bits[w]);
            }
        }
        return -1;
    }

    /** Highest priority below {@code p} with a message, or -1. */
    private int nextBelow(int p) {
        int w = p >>> 6;
        int bit = p & 63;
        long below = bit == 0 ? 0 : bits[w] & ((1L << bit) - 1);
        if (below != 0) {
            return (w << 6) + 63 - Long.numberOfLeadingZeros(below);
        }
        for (int ww = w - 1; ww >= 0; ww--) {
            if (bits[ww] != 0) {
                return (ww << 6) + 63 - Long.numberOfLeadingZeros(bits[ww]);
            }
        }
        return -1;
    }

    /** A growable ring buffer: FIFO order, random access for peek by index. */
    private static final class Fifo {
        private MqMessage[] items = new MqMessage[4];
        private int head;
        private int size;

        void add(MqMessage m) {
            if (size == items.length) {
                grow();
            }
            items[(head + size) & (items.length - 1)] = m;
            size++;
        }

        MqMessage poll() {
            MqMessage m = items[head];
            items[head] = null;
            head = (head + 1) & (items.length - 1);
            size--;
            return m;
        }

        MqMessage get(int i) {
            return items[(head + i) & (items.length - 1)];
        }

        void forEach(Consumer<MqMessage> action) {
            for (int i = 0; i < size; i++) {
                action.accept(get(i));
            }
        }

        int copyInto(MqMessage[] out, int at) {
            int first = Math.min(size, items.length - head);
            System.arraycopy(items, head, out, at, first);
            System.arraycopy(items, 0, out, at + first, size - first);
            return at + size;
        }

        private void grow() {
            MqMessage[] bigger = new MqMessage[items.length * 2];
            copyInto(bigger, 0);
            items = bigger;
            head = 0;
        }
    }
}
