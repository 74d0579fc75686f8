package org.mqscope.mq.kernel;

import com.sun.jna.Library;

/**
 * mq_open(3) is variadic ({@code mq_open(name, oflag, ...)}): mode and attributes follow only with O_CREAT. JNA
 * interface mapping with Java varargs tells libffi which arguments are fixed, which is what the x86_64 calling
 * convention requires for a variadic callee. Opening is not a hot path, so the proxy's cost does not matter.
 */
interface MqOpenLibrary extends Library {
    /** {@code name} is NUL-terminated; {@code modeAndAttr} is empty, or an Integer mode and a Pointer (or null). */
    int mq_open(byte[] name, int oflag, Object... modeAndAttr);
}
