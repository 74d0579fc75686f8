package org.mqscope.mq.kernel;

import org.mqscope.threads.Workers;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.CallbackThreadInitializer;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SIGEV_THREAD for mq_notify: glibc calls {@code sigev_notify_function(sigev_value)} on a new thread when the
 * notification fires. One JNA callback serves every registration and lives as long as the class, so its native
 * trampoline can never be freed while glibc may still call it (a notification can be in flight after the
 * registration is gone). {@code sigev_value} carries a key that selects the registration's Runnable.
 */
final class SigevThreadCallback {
    static final String THREAD_NAME = Workers.Intent.KERNEL_NOTIFY.threadName();

    /** The C signature {@code void (*)(union sigval)}; the 8-byte union travels like a long. */
    interface NotifyFunction extends Callback {
        void invoke(long sigval);
    }

    private static final Map<Long, Runnable> PENDING = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT_KEY = new AtomicLong(1);

    /** A named class rather than a lambda: JNA looks the callback method up by reflection on the class. */
    private static final class Dispatch implements NotifyFunction {
        @Override
        public void invoke(long sigval) {
            fire(sigval);
        }
    }

    private static final NotifyFunction FUNCTION = new Dispatch();
    private static final long FUNCTION_ADDRESS;

    static {
        // glibc starts a fresh native thread per notification: attach it as a named daemon, and detach when done
        // because the thread ends right after the call.
        Native.setCallbackThreadInitializer(FUNCTION, new CallbackThreadInitializer(true, true, THREAD_NAME));
        FUNCTION_ADDRESS = Pointer.nativeValue(CallbackReference.getFunctionPointer(FUNCTION));
    }

    private SigevThreadCallback() {
    }

    /** Address to store in sigev_notify_function. */
    static long functionAddress() {
        return FUNCTION_ADDRESS;
    }

    /** Keeps {@code callback} until it fires or is {@link #forget forgotten}; returns the key for sigev_value. */
    static long remember(Runnable callback) {
        long key = NEXT_KEY.getAndIncrement();
        PENDING.put(key, callback);
        return key;
    }

    static void forget(long key) {
        PENDING.remove(key);
    }

    static boolean isPending(long key) {
        return PENDING.containsKey(key);
    }

    private static void fire(long key) {
        Runnable callback = PENDING.remove(key);
        if (callback == null) {
            return; // removed (mq_notify(NULL) or close) while the notification was on its way
        }
        try {
            callback.run();
        } catch (Throwable e) {
            Thread t = Thread.currentThread();
            t.getUncaughtExceptionHandler().uncaughtException(t, e);
        }
    }
}
