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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
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
        MOVING,
        /**
         * Selection move: the source is drained and the selection checked; the planned messages are being sent to
         * the target ({@link #selectionTarget()}); then the rest goes back into the source ({@link #RESTORING}).
         * Recovery sends the rest of the plan on (rolls forward) and restores; in {@link #DRAINING} it rolls back.
         */
        SELECTING
    }

    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PHASE_SELECTING = 5;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final MappedByteBuffer head;
    private final long msgsize;
    private final JournalLog log;
    private final StagingSlot slot;
    private SelectionPlan plan;

    /** {@code planBytes}: the size of the plan area between the staging slot and the log (0 without a plan). */
    private Journal(Path file, FileChannel channel, FileLock lock, long msgsize, long planBytes) throws IOException {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.msgsize = msgsize;
        long planStart = planStart(msgsize);
        this.head = channel.map(FileChannel.MapMode.READ_WRITE, 0, planStart);
        head.order(ByteOrder.LITTLE_ENDIAN);
        this.log = new JournalLog(channel, msgsize, planStart + planBytes);
        this.plan = SelectionPlan.read(head, planBytes == 0 ? null
                : channel.map(FileChannel.MapMode.READ_WRITE, planStart, planBytes).order(ByteOrder.LITTLE_ENDIAN));
        this.slot = new StagingSlot(head, msgsize);
    }

    /**
     * The per-user journal directory: the system property mqscope.journal.dir when set, else
     * $XDG_DATA_HOME/mqscope/journal, else ~/.local/share/mqscope/journal.
     */
    public static Path defaultDirectory() {
        return JournalFiles.defaultDirectory();
    }

    /** Starts the journal of a new drain: mode 0600 in a 0700 directory, locked, staging slot empty. */
    public static Journal create(Path dir, String queue, int mode, long maxmsg, long msgsize, long countBefore,
                                 long qsizeBefore) throws IOException {
        return create(dir, queue, null, 1, new long[0], mode, maxmsg, msgsize, countBefore, qsizeBefore);
    }

    /**
     * Starts the journal of a recreate of {@code queue} with new attributes: a drain like a peek's, which says from
     * its first byte that it belongs to a recreate (so a recovery can name it), though recovery creates the queue
     * only from {@link #beginRecreate} on.
     */
    public static Journal createRecreate(Path dir, String queue, int mode, long maxmsg, long msgsize,
                                         long countBefore, long qsizeBefore, long newMaxmsg, long newMsgsize)
            throws IOException {
        Journal j = create(dir, queue, mode, maxmsg, msgsize, countBefore, qsizeBefore);
        j.head.putLong(H_TARGET_MAXMSG, newMaxmsg);
        j.head.putLong(H_TARGET_MSGSIZE, newMsgsize);
        return j;
    }

    /**
     * Starts the journal of a move from {@code source} to {@code target}: in {@link Phase#MOVING} from its first
     * byte, so recovery never mistakes it for a peek of the target (which would drain the target).
     *
     * @param msgsize the source's mq_msgsize (the staging slot receives from the source)
     */
    public static Journal createMove(Path dir, String source, String target, int mode, long maxmsg, long msgsize,
                                     long countBefore, long qsizeBefore) throws IOException {
        return create(dir, target, source, 4, new long[0], mode, maxmsg, msgsize, countBefore, qsizeBefore);
    }

    /**
     * Starts the journal of a move of selected messages: a drain of {@code source} (all of it, so the restore can
     * recreate its order) with a plan of which drained messages go to {@code target} instead of back. Until
     * {@link #beginSelecting()} the plan is tentative: a recovery rolls the move back (every message goes back).
     *
     * @param positions the selected places in receive order, ascending, distinct
     */
    public static Journal createSelection(Path dir, String source, String target, int mode, long maxmsg,
                                          long msgsize, long countBefore, long qsizeBefore, long[] positions)
            throws IOException {
        if (positions.length == 0) {
            throw new IllegalArgumentException("a selection move needs a selection");
        }
        return create(dir, source, target, 1, positions, mode, maxmsg, msgsize, countBefore, qsizeBefore);
    }

    private static Journal create(Path dir, String queue, String otherOrNull, int phase, long[] plan, int mode,
                                  long maxmsg, long msgsize, long countBefore, long qsizeBefore) throws IOException {
        byte[] name = queue.getBytes(StandardCharsets.UTF_8);
        byte[] other = otherOrNull == null ? new byte[0] : otherOrNull.getBytes(StandardCharsets.UTF_8);
        if (other.length > MAX_SOURCE_BYTES) {
            throw new IllegalArgumentException("queue name too long for the journal: " + otherOrNull);
        }
        if (name.length > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("queue name too long for the journal: " + queue);
        }
        Path file = JournalFiles.newFile(dir);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = ch.lock();
        long planBytes = planBytes(plan.length);
        JournalLog.allocate(ch, 0, planStart(msgsize) + planBytes);
        Journal j = new Journal(file, ch, lock, msgsize, planBytes);
        ByteBuffer h = j.head;
        h.putInt(H_VERSION, VERSION);
        h.putInt(H_PHASE, phase);
        h.putLong(H_CREATED, System.currentTimeMillis());
        h.putInt(H_PID, (int) ProcessHandle.current().pid());
        h.putLong(H_MAXMSG, maxmsg);
        h.putLong(H_MSGSIZE, msgsize);
        h.putLong(H_COUNT_BEFORE, countBefore);
        h.putLong(H_QSIZE_BEFORE, qsizeBefore);
        j.slot.salt(RANDOM.nextLong());
        h.putLong(H_SALT, j.slot.salt());
        h.putLong(H_RESTORED, 0);
        h.putLong(H_INFLIGHT_INDEX, -1);
        h.putLong(H_STAGING_SEQ, -1);
        h.putLong(H_CHUNK_SIZE, j.log.chunkSize());
        h.putLong(H_PLAN_BYTES, planBytes);
        if (plan.length > 0) {
            j.plan = SelectionPlan.write(h, ch.map(FileChannel.MapMode.READ_WRITE, planStart(msgsize), planBytes)
                    .order(ByteOrder.LITTLE_ENDIAN), plan);
        }
        h.putInt(H_MODE, mode);
        h.putInt(H_NAME_LEN, name.length);
        h.put(H_NAME, name);
        h.putInt(H_SOURCE_LEN, other.length);
        h.put(H_SOURCE, other);
        j.slot.fillAll();
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
            ByteBuffer probe = ByteBuffer.allocate(H_SOURCE_LEN).order(ByteOrder.LITTLE_ENDIAN);
            if (ch.read(probe, 0) < H_SOURCE_LEN || probe.getLong(H_MAGIC) != MAGIC
                    || probe.getInt(H_VERSION) != VERSION) {
                throw new IOException(file + " is not an mqscope journal (or was cut short before it held anything)");
            }
            long planBytes = probe.getLong(H_PLAN_BYTES);
            if (planBytes < 0 || planBytes % PAGE != 0 || planBytes > ch.size()) {
                throw new IOException(file + ": its plan of " + planBytes + " bytes cannot be");
            }
            Journal j = new Journal(file, ch, lock, probe.getLong(H_MSGSIZE), planBytes);
            j.log.scan();
            j.slot.markAllDirty(); // a dead writer may have left anything in the slot
            return j;
        } catch (IOException | RuntimeException e) {
            lock.release();
            ch.close();
            throw e;
        }
    }

    /** Journal files in {@code dir}, oldest first. */
    public static List<Path> list(Path dir) throws IOException {
        return JournalFiles.list(dir);
    }

    public Path file() {
        return file;
    }

    public String queue() {
        byte[] b = new byte[head.getInt(H_NAME_LEN)];
        head.get(H_NAME, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A move's source queue, or null in a peek, recreate or selection journal. */
    public String source() {
        return plan.count() > 0 ? null : other();
    }

    /** A selection move's target, or null in any other journal (its source is {@link #queue()}). */
    public String selectionTarget() {
        return plan.count() > 0 ? other() : null;
    }

    private String other() {
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
            case PHASE_SELECTING -> Phase.SELECTING;
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

    /** maxmsg and msgsize the queue is (to be) recreated with, or null outside a recreate. */
    public long[] recreateTarget() {
        long maxmsg = head.getLong(H_TARGET_MAXMSG);
        return maxmsg > 0 ? new long[] {maxmsg, head.getLong(H_TARGET_MSGSIZE)} : null;
    }

    // ---------------------------------------------------------------- drain

    /** The staging slot: priority (int) at 0, message bytes from 8; the kernel receives into it. */
    public ByteBuffer staging() {
        return slot.buffer();
    }

    /**
     * Readies the staging slot for message {@code seq}: filler over what the last message wrote, no priority, and
     * the QSIZE expected before this receive (to tell a cut-short message's length at recovery).
     */
    public void prepareStaging(long seq, long qsizeBefore) {
        slot.prepare(seq, qsizeBefore);
    }

    /** Commits the message the kernel just put in the staging slot as the next record. */
    public void commitStaged(long length) throws IOException {
        long seq = slot.seq();
        if (seq != log.recordCount()) {
            throw new IllegalStateException("staging slot holds message " + seq + ", log expects "
                    + log.recordCount());
        }
        log.append(slot.priority(), length, seq, head, STAGING_DATA);
        slot.committed(length);
    }

    /**
     * Makes sure the log has room for one more message of any size, allocating the next chunk on disk if needed.
     * Called before each receive, so that a full disk stops the drain before a message is taken, never after.
     */
    public void ensureRoom() throws IOException {
        log.ensureRoom();
    }

    /** Messages committed so far. */
    public int recordCount() {
        return log.recordCount();
    }

    /** Committed message {@code i}, copied out of the journal. */
    public MqMessage message(int i) throws IOException {
        return log.message(i);
    }

    /**
     * The mapped chunk that holds committed message {@code i}: the same buffer for every record of that chunk, so
     * a caller can look up its native address once per chunk rather than once per message.
     */
    public ByteBuffer recordChunk(int i) throws IOException {
        return log.recordChunk(i);
    }

    /** Where the bytes of committed message {@code i} start in {@link #recordChunk(int)}. */
    public int recordBodyOffset(int i) {
        return log.recordBodyOffset(i);
    }

    public int recordLength(int i) throws IOException {
        return log.recordLength(i);
    }

    public int recordPriority(int i) throws IOException {
        return log.recordPriority(i);
    }

    /** Every committed message in order. */
    public List<MqMessage> messages() throws IOException {
        return log.messages();
    }

    // ---------------------------------------------------------------- recovery of the staging slot

    /**
     * A message the kernel delivered into the staging slot that was never committed: the process died between
     * the receive and the commit. Null when there is none.
     */
    public StagedMessage uncommittedStaged() {
        return slot.uncommitted(log.recordCount());
    }

    /**
     * Commits the staged message with the length recovery settled on.
     */
    public void commitRecovered(StagedMessage staged, int length) throws IOException {
        if (length < staged.shortestLength() || length > staged.longestLength()) {
            throw new IllegalArgumentException("length " + length + " outside what the slot allows");
        }
        slot.claim(log.recordCount());
        commitStaged(length);
        slot.markAllDirty();
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

    /**
     * Enters the restore; a move stays {@link Phase#MOVING}, since it interleaves receives and sends. A selection
     * move's last send to its target is settled by then: its in-flight mark is cleared first, so it is never read
     * as a send into the source.
     */
    public void beginRestore() {
        Phase p = phase();
        if (p == Phase.SELECTING) {
            clearInFlight();
        }
        if (p != Phase.MOVING) {
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
        long expected = phase() != Phase.SELECTING ? restored()
                : plan.sent() < plan.kept() ? plan.position((int) plan.sent()) : -1;
        if (index < 0 || index != expected || index >= log.recordCount()) {
            return null;
        }
        return new InFlight(index, head.getLong(H_INFLIGHT_CURMSGS), head.getLong(H_INFLIGHT_QSIZE));
    }

    /** A send that was under way: the queue's curmsgs and QSIZE just before it. */
    public record InFlight(long index, long curmsgsBefore, long qsizeBefore) {
    }

    // ---------------------------------------------------------------- selection move

    /** A selection move's plan and its progress (empty in any other journal). */
    public SelectionPlan selection() {
        return plan;
    }

    /** The drained selection checked out: from here on recovery finishes the move instead of rolling it back. */
    public void beginSelecting() {
        if (phase() != Phase.DRAINING || plan.count() == 0) {
            throw new IllegalStateException("only a selection move's drain goes on to select");
        }
        LONG.setRelease(head, H_INFLIGHT_INDEX, -1L);
        INT.setRelease(head, H_PHASE, PHASE_SELECTING);
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
}
