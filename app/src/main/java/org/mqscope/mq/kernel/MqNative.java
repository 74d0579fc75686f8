package org.mqscope.mq.kernel;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * The fixed-argument mq_* calls of glibc, bound by JNA direct mapping. Pointers are passed as plain {@code long}
 * addresses of native buffers the caller owns, so a call converts no objects and allocates nothing. mq_open is
 * variadic and lives in {@link MqOpenLibrary}. Bound by {@link NativeSupport}, never before the probe.
 */
final class MqNative {
    private MqNative() {
    }

    static void bind(NativeLibrary library) {
        Native.register(MqNative.class, library);
    }

    /** The symbols that must exist in a library for it to serve as the mq_* provider. */
    static final String[] SYMBOLS = {
        "mq_open", "mq_send", "mq_receive", "mq_timedsend", "mq_timedreceive", "mq_getattr", "mq_setattr", "mq_notify", "mq_unlink",
        "mq_close",
    };

    /*
     * mq_send/mq_receive are mq_timedsend/mq_timedreceive with a NULL timeout (glibc implements them so). They are
     * bound too because libffi's cost grows with the argument count, and a null deadline is the common case.
     */
    static native int mq_send(int mqdes, long msgPtr, long msgLen, int msgPrio);

    static native long mq_receive(int mqdes, long msgPtr, long msgLen, long msgPrioPtr);

    static native int mq_timedsend(int mqdes, long msgPtr, long msgLen, int msgPrio, long absTimeout);

    /** Returns the message length (ssize_t) or -1. */
    static native long mq_timedreceive(int mqdes, long msgPtr, long msgLen, long msgPrioPtr, long absTimeout);

    static native int mq_getattr(int mqdes, long attrPtr);

    static native int mq_setattr(int mqdes, long newAttrPtr, long oldAttrPtr);

    static native int mq_notify(int mqdes, long sigeventPtr);

    static native int mq_unlink(byte[] name);

    static native int mq_close(int mqdes);
}
