package org.mqscope.mq.kernel.journal;

/**
 * Byte layout of a peek journal file (little-endian):
 * <pre>
 * 0      header page (4 KiB): identity of the queue and the progress counters below
 * 4096   staging slot: u32 priority, u32 pad, then mq_msgsize bytes; the kernel receives straight into it
 * plan   from the next 4 KiB boundary, only in a selection move: the selected positions (i64 each, ascending),
 *        padded to 4 KiB; H_PLAN_BYTES says how long (0, no plan, in every other journal)
 * log    from the next 4 KiB boundary: chunks of committed records, each
 *        u32 COMMIT | u32 priority | i64 length | i64 sequence | length bytes | pad to 8
 *        a chunk with no room for the next record ends with u32 SKIP
 * </pre>
 * The COMMIT word is written last, with release ordering, so a record is either whole or absent.
 */
final class JournalLayout {
    static final long MAGIC = 0x314C4E524A53514DL; // "MQSJRNL1" read little-endian
    static final int VERSION = 1;

    static final int PAGE = 4096;

    // header fields
    static final int H_MAGIC = 0;
    static final int H_VERSION = 8;
    static final int H_PHASE = 12;
    static final int H_CREATED = 16;
    static final int H_PID = 24;
    static final int H_MAXMSG = 32;
    static final int H_MSGSIZE = 40;
    static final int H_COUNT_BEFORE = 48;
    static final int H_QSIZE_BEFORE = 56;
    static final int H_SALT = 64;
    static final int H_RESTORED = 72;
    static final int H_INFLIGHT_INDEX = 80;
    static final int H_INFLIGHT_CURMSGS = 88;
    static final int H_INFLIGHT_QSIZE = 96;
    static final int H_STAGING_SEQ = 104;
    static final int H_STAGING_QSIZE = 112;
    static final int H_CHUNK_SIZE = 120;
    static final int H_MODE = 128;
    static final int H_NAME_LEN = 132;
    static final int H_TARGET_MAXMSG = 136;
    static final int H_TARGET_MSGSIZE = 144;
    static final int H_NAME = 152;
    // A selection move (fields carved from the end of the name's room: queue names stop at 255 bytes, so older
    // journals hold zeros here, which reads as "no plan").
    /** How many positions the plan holds. */
    static final int H_PLAN_COUNT = 3792;
    /** The first this many planned messages go (went) to the target; the others go back to the source. */
    static final int H_PLAN_KEPT = 3800;
    /** Planned messages the target has taken. */
    static final int H_PLAN_SENT = 3808;
    static final int H_PLAN_BYTES = 3816;
    /**
     * The other queue: a move's source (its destination is the name above), or a selection move's target (its
     * source, which is drained and restored, is the name above); length 0 in a peek or recreate journal.
     */
    static final int H_SOURCE_LEN = 3832;
    static final int H_SOURCE = 3836;
    static final int MAX_NAME_BYTES = H_PLAN_COUNT - H_NAME;
    static final int MAX_SOURCE_BYTES = PAGE - H_SOURCE;

    // staging slot
    static final int STAGING = PAGE;
    static final int STAGING_DATA = STAGING + 8;
    /** No priority can be this large (they stop at 32767), so it marks "nothing received into the slot". */
    static final int NO_PRIORITY = -1;

    // records
    static final int COMMIT = 0x5253514D;   // "MQSR"
    static final int SKIP = 0x4B534D4D;     // "MMSK"
    static final int RECORD_HEADER = 24;
    /** Small, so a peek of a few messages writes little: most queues hold far less than this. */
    static final int MIN_CHUNK = 64 * 1024;

    private JournalLayout() {
    }

    /** Where the plan (or, without one, the log) starts: the page after the staging slot. */
    static long planStart(long msgsize) {
        return align(STAGING_DATA + msgsize, PAGE);
    }

    static long planBytes(int positions) {
        return positions == 0 ? 0 : align(8L * positions, PAGE);
    }

    static long recordSize(long length) {
        return align(RECORD_HEADER + length, 8);
    }

    /** Chunks hold at least one largest record plus the SKIP word. */
    static long chunkSize(long msgsize) {
        return Math.max(MIN_CHUNK, align(recordSize(msgsize) + 8, PAGE));
    }

    static long align(long v, long to) {
        return (v + to - 1) / to * to;
    }

    /**
     * The filler byte at {@code offset} of the staging slot before message {@code seq} is received: random to
     * anyone but this journal (salted), so that the end of a message cut short by a crash can be found where the
     * filler starts again.
     */
    static byte filler(long salt, long seq, int offset) {
        long x = salt ^ (seq * 0x9E3779B97F4A7C15L) ^ ((long) offset * 0xC2B2AE3D27D4EB4FL);
        x ^= x >>> 33;
        x *= 0xFF51AFD7ED558CCDL;
        x ^= x >>> 33;
        return (byte) x;
    }
}
