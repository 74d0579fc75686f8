package org.mqscope.mq.kernel.journal;

import static org.mqscope.mq.kernel.journal.JournalLayout.*;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mqscope.mq.MqMessage;

/**
 * The on-disk record of one drain-and-restore, written so that a process killed at any instant leaves enough
 * behind to put every message back exactly once. The kernel receives each message straight into the memory-mapped
 * staging slot (bytes and priority land in the page cache inside the system call); the message is then copied into
 * the log as a committed record. Restore progress is counted in the header, with the message being sent marked
 * in flight together with the queue's curmsgs and QSIZE before the send, so recovery can tell whether that send
 * happened. The file is locked while in use: a second process never recovers a journal whose peek is running.
 * Not thread-safe: one peek owns it.
 */
public final class Journal implements AutoCloseable {
    /** Where a journal stands. */
    public enum Phase {
        /** Receiving messages into the journal. */
        DRAINING,
        /** Sending them back into the queue. */
        RESTORING,
        /** Recreate: the old queue is being unlinked and the new one created; then the messages go back. */
        RECREATING,
        /**
         * Move: each message is received from {@link #source()} into the journal, then sent on to {@link #queue()};
         * recovery commits a message caught between the receive and the commit and sends the rest on, never back.
         */
        MOVING
    }

    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final String SUFFIX = ".mqj";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final MappedByteBuffer head;
    private final long msgsize;
    private final long logStart;
    private final long chunkSize;
    private long salt;
    /** The staging slot's filler for this salt, computed once: a drain rewrites it before every receive. */
    private byte[] filler;
    private final List<MappedByteBuffer> chunks = new ArrayList<>();
    /**
     * Where the committed records are, {@code recordCount} of them: chunk index in the high 32 bits, offset in
     * the chunk in the low 32. A plain array, so no boxing and no division per record.
     */
    private long[] recordPositions = new long[64];
    private int recordCount;
    private long appendChunk;
    private long appendOffset;
    private int dirtyStaging;

    private Journal(Path file, FileChannel channel, FileLock lock, long msgsize) throws IOException {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.msgsize = msgsize;
        this.logStart = logStart(msgsize);
        this.chunkSize = chunkSize(msgsize);
        this.head = channel.map(FileChannel.MapMode.READ_WRITE, 0, logStart);
        head.order(ByteOrder.LITTLE_ENDIAN);
        salt(head.getLong(H_SALT));
    }

    private void salt(long value) {
        salt = value;
        filler = new byte[(int) msgsize];
        for (int i = 0; i < filler.length; i++) {
            filler[i] = filler(value, 0, i);
        }
    }

    /**
     * The per-user journal directory: the system property mqscope.journal.dir when set, else
     * $XDG_DATA_HOME/mqscope/journal, else ~/.local/share/mqscope/journal.
     */
    public static Path defaultDirectory() {
        String override = System.getProperty("mqscope.journal.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("mqscope").resolve("journal");
    }

    /** Starts the journal of a new drain: mode 0600 in a 0700 directory, locked, staging slot empty. */
    public static Journal create(Path dir, String queue, int mode, long maxmsg, long msgsize, long countBefore,
                                 long qsizeBefore) throws IOException {
        return create(dir, queue, null, mode, maxmsg, msgsize, countBefore, qsizeBefore);
    }

    /**
     * Starts the journal of a move from {@code source} to {@code target}: in {@link Phase#MOVING} from its first
     * byte, so recovery never mistakes it for a peek of the target (which would drain the target).
     *
     * @param msgsize the source's mq_msgsize (the staging slot receives from the source)
     */
    public static Journal createMove(Path dir, String source, String target, int mode, long maxmsg, long msgsize,
                                     long countBefore, long qsizeBefore) throws IOException {
        return create(dir, target, source, mode, maxmsg, msgsize, countBefore, qsizeBefore);
    }

    private static Journal create(Path dir, String queue, String sourceOrNull, int mode, long maxmsg, long msgsize,
                                  long countBefore, long qsizeBefore) throws IOException {
        byte[] name = queue.getBytes(StandardCharsets.UTF_8);
        byte[] source = sourceOrNull == null ? new byte[0] : sourceOrNull.getBytes(StandardCharsets.UTF_8);
        if (source.length > MAX_SOURCE_BYTES) {
            throw new IllegalArgumentException("queue name too long for the journal: " + sourceOrNull);
        }
        if (name.length > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("queue name too long for the journal: " + queue);
        }
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path file;
        for (int attempt = 0; ; attempt++) {
            file = dir.resolve(System.currentTimeMillis() + "-" + ProcessHandle.current().pid() + "-" + attempt
                    + SUFFIX);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                break;
            } catch (FileAlreadyExistsException taken) {
                // another peek of this process started in the same millisecond: try the next name
            }
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = ch.lock();
        allocate(ch, 0, logStart(msgsize));
        Journal j = new Journal(file, ch, lock, msgsize);
        ByteBuffer h = j.head;
        h.putInt(H_VERSION, VERSION);
        h.putInt(H_PHASE, sourceOrNull == null ? 1 : 4);
        h.putLong(H_CREATED, System.currentTimeMillis());
        h.putInt(H_PID, (int) ProcessHandle.current().pid());
        h.putLong(H_MAXMSG, maxmsg);
        h.putLong(H_MSGSIZE, msgsize);
        h.putLong(H_COUNT_BEFORE, countBefore);
        h.putLong(H_QSIZE_BEFORE, qsizeBefore);
        j.salt(RANDOM.nextLong());
        h.putLong(H_SALT, j.salt);
        h.putLong(H_RESTORED, 0);
        h.putLong(H_INFLIGHT_INDEX, -1);
        h.putLong(H_STAGING_SEQ, -1);
        h.putLong(H_CHUNK_SIZE, j.chunkSize);
        h.putInt(H_MODE, mode);
        h.putInt(H_NAME_LEN, name.length);
        h.put(H_NAME, name);
        h.putInt(H_SOURCE_LEN, source.length);
        h.put(H_SOURCE, source);
        j.fillStaging((int) msgsize);
        LONG.setRelease(h, H_MAGIC, MAGIC);
        return j;
    }

    /**
     * Opens an existing journal for recovery. Returns null when another process (or this one) holds it, i.e. its
     * peek is still running. Throws when the file is not a journal.
     */
    public static Journal open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException inThisJvm) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            return null;
        }
        try {
            ByteBuffer probe = ByteBuffer.allocate(H_NAME).order(ByteOrder.LITTLE_ENDIAN);
            if (ch.read(probe, 0) < H_NAME || probe.getLong(H_MAGIC) != MAGIC || probe.getInt(H_VERSION) != VERSION) {
                throw new IOException(file + " is not an mqscope journal (or was cut short before it held anything)");
            }
            Journal j = new Journal(file, ch, lock, probe.getLong(H_MSGSIZE));
            j.scanRecords();
            j.dirtyStaging = (int) j.msgsize; // a dead writer may have left anything in the slot
            return j;
        } catch (IOException | RuntimeException e) {
            lock.release();
            ch.close();
            throw e;
        }
    }

    /** Journal files in {@code dir}, oldest first. */
    public static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
    }

    public Path file() {
        return file;
    }

    public String queue() {
        byte[] b = new byte[head.getInt(H_NAME_LEN)];
        head.get(H_NAME, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A move's source queue, or null in a peek or recreate journal. */
    public String source() {
        int len = head.getInt(H_SOURCE_LEN);
        if (len <= 0 || len > MAX_SOURCE_BYTES) {
            return null;
        }
        byte[] b = new byte[len];
        head.get(H_SOURCE, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    public int mode() {
        return head.getInt(H_MODE);
    }

    public long maxMessages() {
        return head.getLong(H_MAXMSG);
    }

    public long messageSize() {
        return msgsize;
    }

    public long countBefore() {
        return head.getLong(H_COUNT_BEFORE);
    }

    public int writerPid() {
        return head.getInt(H_PID);
    }

    public Phase phase() {
        return switch (head.getInt(H_PHASE)) {
            case 2 -> Phase.RESTORING;
            case 3 -> Phase.RECREATING;
            case 4 -> Phase.MOVING;
            default -> Phase.DRAINING;
        };
    }

    /**
     * Enters the recreate step: from here on, recovery creates the queue with these attributes (and the journal's
     * mode) if it finds the name gone, before putting the messages back.
     */
    public void beginRecreate(long maxmsg, long msgsize) {
        head.putLong(H_TARGET_MAXMSG, maxmsg);
        head.putLong(H_TARGET_MSGSIZE, msgsize);
        INT.setRelease(head, H_PHASE, 3);
    }

    /** maxmsg and msgsize the queue is being recreated with, or null outside a recreate. */
    public long[] recreateTarget() {
        long maxmsg = head.getLong(H_TARGET_MAXMSG);
        return maxmsg > 0 ? new long[] {maxmsg, head.getLong(H_TARGET_MSGSIZE)} : null;
    }

    // ---------------------------------------------------------------- drain

    /** The staging slot: priority (int) at 0, message bytes from 8; the kernel receives into it. */
    public ByteBuffer staging() {
        return head.slice(STAGING, (int) (8 + msgsize)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Readies the staging slot for message {@code seq}: filler over what the last message wrote, no priority, and
     * the QSIZE expected before this receive (to tell a cut-short message's length at recovery).
     */
    public void prepareStaging(long seq, long qsizeBefore) {
        fillStaging(dirtyStaging);
        dirtyStaging = 0;
        head.putInt(STAGING, NO_PRIORITY);
        head.putLong(H_STAGING_QSIZE, qsizeBefore);
        LONG.setRelease(head, H_STAGING_SEQ, seq);
    }

    private void fillStaging(int upTo) {
        head.put(STAGING_DATA, filler, 0, upTo);
    }

    /** Commits the message the kernel just put in the staging slot as the next record. */
    public void commitStaged(long length) throws IOException {
        long seq = head.getLong(H_STAGING_SEQ);
        if (seq != recordCount) {
            throw new IllegalStateException("staging slot holds message " + seq + ", log expects " + recordCount);
        }
        int prio = head.getInt(STAGING);
        append(prio, length, seq, head, STAGING_DATA);
        dirtyStaging = (int) length;
        LONG.setRelease(head, H_STAGING_SEQ, -1L);
    }

    /**
     * Makes sure the log has room for one more message of any size, allocating the next chunk on disk if needed.
     * Called before each receive, so that a full disk stops the drain before a message is taken, never after.
     */
    public void ensureRoom() throws IOException {
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

    private void append(int prio, long length, long seq, ByteBuffer src, int srcOffset) throws IOException {
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

    /** Messages committed so far. */
    public int recordCount() {
        return recordCount;
    }

    /** Committed message {@code i}, copied out of the journal. */
    public MqMessage message(int i) throws IOException {
        ByteBuffer c = recordChunk(i);
        int at = recordOffset(i);
        byte[] body = new byte[(int) c.getLong(at + 8)];
        c.get(at + RECORD_HEADER, body);
        return new MqMessage(body, c.getInt(at + 4));
    }

    /**
     * The mapped chunk that holds committed message {@code i}: the same buffer for every record of that chunk, so
     * a caller can look up its native address once per chunk rather than once per message.
     */
    public ByteBuffer recordChunk(int i) throws IOException {
        return chunk(position(i) >>> 32);
    }

    /** Where the bytes of committed message {@code i} start in {@link #recordChunk(int)}. */
    public int recordBodyOffset(int i) {
        return recordOffset(i) + RECORD_HEADER;
    }

    public int recordLength(int i) throws IOException {
        return (int) recordChunk(i).getLong(recordOffset(i) + 8);
    }

    public int recordPriority(int i) throws IOException {
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

    /** Every committed message in order. */
    public List<MqMessage> messages() throws IOException {
        List<MqMessage> out = new ArrayList<>(recordCount);
        for (int i = 0; i < recordCount; i++) {
            out.add(message(i));
        }
        return out;
    }

    // ---------------------------------------------------------------- recovery of the staging slot

    /**
     * A message the kernel delivered into the staging slot that was never committed: the process died between
     * the receive and the commit. Null when there is none.
     */
    public StagedMessage uncommittedStaged() {
        long seq = head.getLong(H_STAGING_SEQ);
        int prio = head.getInt(STAGING);
        if (seq < 0 || seq != recordCount || prio == NO_PRIORITY) {
            return null;
        }
        int shortest = (int) msgsize;
        while (shortest > 0 && head.get(STAGING_DATA + shortest - 1) == filler[shortest - 1]) {
            shortest--;
        }
        return new StagedMessage(prio, shortest, (int) msgsize, head.getLong(H_STAGING_QSIZE));
    }

    /**
     * Commits the staged message with the length recovery settled on.
     */
    public void commitRecovered(StagedMessage staged, int length) throws IOException {
        if (length < staged.shortestLength() || length > staged.longestLength()) {
            throw new IllegalArgumentException("length " + length + " outside what the slot allows");
        }
        head.putLong(H_STAGING_SEQ, recordCount);
        commitStaged(length);
        dirtyStaging = (int) msgsize;
    }

    /**
     * What is left in the staging slot. The message's bytes end somewhere in [shortest, longest]: the filler
     * begins again after them, and only a message whose last bytes happen to equal the filler is longer than
     * {@code shortestLength}.
     *
     * @param qsizeBefore the QSIZE expected just before it was received
     */
    public record StagedMessage(int priority, int shortestLength, int longestLength, long qsizeBefore) {
    }

    // ---------------------------------------------------------------- restore

    /** Enters the restore; a move stays {@link Phase#MOVING}, since it interleaves receives and sends. */
    public void beginRestore() {
        if (phase() != Phase.MOVING) {
            INT.setRelease(head, H_PHASE, 2);
        }
    }

    /** Messages put back so far (from the start of the log). */
    public long restored() {
        return head.getLong(H_RESTORED);
    }

    /** Marks message {@code index} as being sent, with the queue's state just before the send. */
    public void markInFlight(long index, long curmsgsBefore, long qsizeBefore) {
        head.putLong(H_INFLIGHT_CURMSGS, curmsgsBefore);
        head.putLong(H_INFLIGHT_QSIZE, qsizeBefore);
        LONG.setRelease(head, H_INFLIGHT_INDEX, index);
    }

    /** The send marked in flight failed (the queue was full): it certainly did not happen. */
    public void clearInFlight() {
        LONG.setRelease(head, H_INFLIGHT_INDEX, -1L);
    }

    public void markRestored(long count) {
        LONG.setRelease(head, H_RESTORED, count);
    }

    /** The message whose send may or may not have happened when the writer died, or null. */
    public InFlight inFlight() {
        long index = head.getLong(H_INFLIGHT_INDEX);
        if (index < 0 || index != restored() || index >= recordCount) {
            return null;
        }
        return new InFlight(index, head.getLong(H_INFLIGHT_CURMSGS), head.getLong(H_INFLIGHT_QSIZE));
    }

    /** A send that was under way: the queue's curmsgs and QSIZE just before it. */
    public record InFlight(long index, long curmsgsBefore, long qsizeBefore) {
    }

    // ---------------------------------------------------------------- files

    /** Removes the journal: only once every message is back. */
    public void delete() throws IOException {
        close();
        Files.deleteIfExists(file);
    }

    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        }
    }

    /**
     * Writes zeros over [from, to) so the disk blocks exist before the region is mapped: a full disk then fails
     * here with an IOException instead of as a fault on a later store into the mapping.
     */
    private static void allocate(FileChannel ch, long from, long to) throws IOException {
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
            MappedByteBuffer c = channel.map(FileChannel.MapMode.READ_WRITE, logStart + chunks.size() * chunkSize,
                    chunkSize);
            c.order(ByteOrder.LITTLE_ENDIAN);
            chunks.add(c);
        }
        return chunks.get((int) index);
    }

    private void scanRecords() throws IOException {
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
