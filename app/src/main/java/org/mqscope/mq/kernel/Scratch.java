package org.mqscope.mq.kernel;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;

/**
 * Per-thread native buffers for the hot paths, so that a send or a receive allocates no native memory: one small
 * block for the fixed-size structures and one growable block for message payloads. Calls never re-enter on the
 * same thread, so each thread can reuse its own without locking. Payloads larger than {@link #MAX_KEPT_DATA} get
 * a temporary buffer that is freed right after the call instead of pinning megabytes to every thread.
 * <p>
 * The hot paths reach the buffers through direct {@link ByteBuffer} views: their bulk and field accesses are
 * compiled to plain memory operations, where each {@link Memory} read or write would be one more JNI call.
 */
final class Scratch {
    static final int TIMESPEC = 0;
    static final int PRIO = TIMESPEC + Layouts.TIMESPEC_SIZE;
    static final int ATTR = 32;
    static final int OLD_ATTR = ATTR + Layouts.MQ_ATTR_SIZE;
    static final int POLLFD = OLD_ATTR + Layouts.MQ_ATTR_SIZE;
    static final int RLIMIT = POLLFD + Layouts.POLLFD_SIZE;
    static final int STATUS = RLIMIT + Layouts.RLIMIT_SIZE;
    static final int SIGEVENT = STATUS + 80;
    static final int STATFS = SIGEVENT + Layouts.SIGEVENT_SIZE;
    private static final int SMALL_SIZE = STATFS + Layouts.STATFS_SIZE;

    static final int MAX_KEPT_DATA = 256 * 1024;
    private static final int MIN_DATA = 8192;

    private static final ThreadLocal<Scratch> PER_THREAD = ThreadLocal.withInitial(Scratch::new);

    final Memory small = new Memory(SMALL_SIZE);
    final long smallAddress = Pointer.nativeValue(small);
    /** Native-order view of {@link #small}. */
    final ByteBuffer smallView = view(small);
    private Memory data = new Memory(MIN_DATA);
    private long dataAddress = Pointer.nativeValue(data);
    private ByteBuffer dataView = view(data);

    private Scratch() {
    }

    static Scratch get() {
        return PER_THREAD.get();
    }

    /** Address of the fixed-size field at {@code offset} in the small block. */
    long at(int offset) {
        return smallAddress + offset;
    }

    /** Writes the deadline as a timespec and returns its address; 0 (NULL: no timeout) for a null deadline. */
    long timespec(Instant deadline) {
        if (deadline == null) {
            return 0;
        }
        smallView.putLong(TIMESPEC + Layouts.TV_SEC, deadline.getEpochSecond());
        smallView.putLong(TIMESPEC + Layouts.TV_NSEC, deadline.getNano());
        return smallAddress + TIMESPEC;
    }

    /**
     * Makes the kept payload buffer hold at least {@code size} bytes, growing it up to {@link #MAX_KEPT_DATA};
     * false when {@code size} is above that, and the caller needs a temporary buffer.
     */
    boolean fitData(long size) {
        if (size <= data.size()) {
            return true;
        }
        if (size > MAX_KEPT_DATA) {
            return false;
        }
        Memory grown = new Memory(Math.max(size, Math.min(MAX_KEPT_DATA, data.size() * 2)));
        data.close();
        data = grown;
        dataAddress = Pointer.nativeValue(grown);
        dataView = view(grown);
        return true;
    }

    long dataAddress() {
        return dataAddress;
    }

    ByteBuffer dataView() {
        return dataView;
    }

    private static ByteBuffer view(Memory m) {
        return m.getByteBuffer(0, m.size()).order(ByteOrder.nativeOrder());
    }
}
