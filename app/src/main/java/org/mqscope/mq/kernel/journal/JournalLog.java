package org.mqscope.mq.kernel.journal;

import static org.mqscope.mq.kernel.journal.JournalLayout.*;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mqscope.mq.MqMessage;

/**
 * The append-only part of a journal file: committed messages in large mapped chunks after the header, the staging
 * slot and the plan. A record is whole or absent (its COMMIT word is written last, with release ordering); reopened,
 * the log is scanned up to the first word that is neither COMMIT nor SKIP. Not thread-safe: one journal owns it.
 */
final class JournalLog {
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final FileChannel channel;
    private final long msgsize;
    private final long logStart;
    private final long chunkSize;
    private final List<MappedByteBuffer> chunks = new ArrayList<>();
    /**
     * Where the committed records are, {@code recordCount} of them: chunk index in the high 32 bits, offset in
     * the chunk in the low 32. A plain array, so no boxing and no division per record.
     */
    private long[] recordPositions = new long[64];
    private int recordCount;
    private long appendChunk;
    private long appendOffset;

    JournalLog(FileChannel channel, long msgsize, long logStart) {
        this.channel = channel;
        this.msgsize = msgsize;
        this.logStart = logStart;
        this.chunkSize = JournalLayout.chunkSize(msgsize);
    }

    long chunkSize() {
        return chunkSize;
    }

    /**
     * Makes sure the log has room for one more message of any size, allocating the next chunk on disk if needed.
     * Called before each receive, so that a full disk stops the drain before a message is taken, never after.
     */
    void ensureRoom() throws IOException {
        if (appendOffset + recordSize(msgsize) + 4 <= chunkSize && appendChunk < chunks.size()) {
            return; // the common case: room left in a chunk already mapped
        }
        if (appendOffset + recordSize(msgsize) + 4 > chunkSize) {
            INT.setRelease(chunk(appendChunk), (int) appendOffset, SKIP);
            appendChunk++;
            appendOffset = 0;
        }
        chunk(appendChunk);
    }

    void append(int prio, long length, long seq, ByteBuffer src, int srcOffset) throws IOException {
        ensureRoom();
        MappedByteBuffer c = chunk(appendChunk);
        int at = (int) appendOffset;
        c.putInt(at + 4, prio);
        c.putLong(at + 8, length);
        c.putLong(at + 16, seq);
        c.put(at + RECORD_HEADER, src, srcOffset, (int) length);
        INT.setRelease(c, at, COMMIT);
        addRecord(appendChunk, appendOffset);
        appendOffset += recordSize(length);
    }

    private void addRecord(long chunk, long offset) {
        if (recordCount == recordPositions.length) {
            recordPositions = Arrays.copyOf(recordPositions, recordCount * 2);
        }
        recordPositions[recordCount++] = chunk << 32 | offset;
    }

    int recordCount() {
        return recordCount;
    }

    MqMessage message(int i) throws IOException {
        ByteBuffer c = recordChunk(i);
        int at = recordOffset(i);
        byte[] body = new byte[(int) c.getLong(at + 8)];
        c.get(at + RECORD_HEADER, body);
        return new MqMessage(body, c.getInt(at + 4));
    }

    List<MqMessage> messages() throws IOException {
        List<MqMessage> out = new ArrayList<>(recordCount);
        for (int i = 0; i < recordCount; i++) {
            out.add(message(i));
        }
        return out;
    }

    ByteBuffer recordChunk(int i) throws IOException {
        return chunk(position(i) >>> 32);
    }

    int recordBodyOffset(int i) {
        return recordOffset(i) + RECORD_HEADER;
    }

    int recordLength(int i) throws IOException {
        return (int) recordChunk(i).getLong(recordOffset(i) + 8);
    }

    int recordPriority(int i) throws IOException {
        return recordChunk(i).getInt(recordOffset(i) + 4);
    }

    private int recordOffset(int i) {
        return (int) position(i);
    }

    private long position(int i) {
        if (i < 0 || i >= recordCount) {
            throw new IndexOutOfBoundsException("record " + i + " of " + recordCount);
        }
        return recordPositions[i];
    }

    /**
     * Writes zeros over [from, to) so the disk blocks exist before the region is mapped: a full disk then fails
     * here with an IOException instead of as a fault on a later store into the mapping.
     */
    static void allocate(FileChannel ch, long from, long to) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocate(64 * 1024);
        for (long pos = from; pos < to; ) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), to - pos));
            pos += ch.write(zeros, pos);
        }
    }

    private MappedByteBuffer chunk(long index) throws IOException {
        while (chunks.size() <= index) {
            long from = logStart + chunks.size() * chunkSize;
            if (channel.size() < from + chunkSize) {
                allocate(channel, Math.max(from, channel.size()), from + chunkSize);
            }
            MappedByteBuffer c = channel.map(FileChannel.MapMode.READ_WRITE, from, chunkSize);
            c.order(ByteOrder.LITTLE_ENDIAN);
            chunks.add(c);
        }
        return chunks.get((int) index);
    }

    /** Finds the committed records of a journal written by another (dead) process. */
    void scan() throws IOException {
        long fileSize = channel.size();
        for (long ci = 0; logStart + ci * chunkSize < fileSize; ci++) {
            MappedByteBuffer c = chunk(ci);
            long off = 0;
            for (;;) {
                int word = off + 4 <= chunkSize ? c.getInt((int) off) : 0;
                if (word == COMMIT) {
                    addRecord(ci, off);
                    off += recordSize(c.getLong((int) off + 8));
                } else if (word == SKIP) {
                    break;
                } else {
                    appendChunk = ci;
                    appendOffset = off;
                    return;
                }
            }
        }
        appendChunk = (fileSize - logStart + chunkSize - 1) / chunkSize;
        appendOffset = 0;
    }
}
