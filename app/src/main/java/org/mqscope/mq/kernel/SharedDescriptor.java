package org.mqscope.mq.kernel;

import com.sun.jna.Native;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A descriptor number that several threads may be using when one of them closes it. Each call counts itself in
 * ({@link #enter}) and out ({@link #exit}); after {@link #close} no call gets in, and the number is not given
 * back to the kernel while a call that got in earlier may still pass it to a system call: otherwise the next
 * open() anywhere in the process could receive the same number, and that late call would act on the wrong file.
 */
final class SharedDescriptor {
    /** Bit 31 of {@link #state}: closed. The low bits count the calls in progress. */
    private static final int CLOSED = Integer.MIN_VALUE;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(SharedDescriptor.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final int fd;
    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state;

    SharedDescriptor(int fd) {
        this.fd = fd;
    }

    boolean isOpen() {
        return state >= 0;
    }

    /** Counts a call in; false when closed. A true must be paired with {@link #exit()}. */
    boolean enter() {
        int s;
        do {
            s = state;
            if (s < 0) {
                return false;
            }
        } while (!STATE.compareAndSet(this, s, s + 1));
        return true;
    }

    /** Counts a call out; the last one out after close frees the number. */
    void exit() {
        if ((int) STATE.getAndAdd(this, -1) - 1 == CLOSED) {
            PosixNative.close(fd);
        }
    }

    /**
     * mq_close(3), once. Returns -1 when already closed, 0 when done, or the errno of mq_close. If other calls
     * are in progress (a blocked receiver, say), /dev/null is put in the descriptor's place with dup3(2): that
     * does to the queue what close does (its file is released, this process's notification removed) yet keeps the
     * number taken until the last of those calls leaves.
     */
    int close() {
        if (!enter()) {
            return -1;
        }
        int before;
        do {
            before = state;
            if (before < 0) {
                exit();
                return -1;
            }
        } while (!STATE.compareAndSet(this, before, before | CLOSED));
        if (before == 1) {
            // Only this call was in, and no other can get in now: close for real and report the outcome.
            state = CLOSED;
            return MqNative.mq_close(fd) == 0 ? 0 : Native.getLastError();
        }
        int placeholder = NativeSupport.get().placeholderFd();
        if (placeholder >= 0) {
            PosixNative.dup3(placeholder, fd, PosixNative.O_CLOEXEC);
        }
        // Without the placeholder the queue stays open until the last call leaves; the number is still safe.
        exit();
        return 0;
    }
}
