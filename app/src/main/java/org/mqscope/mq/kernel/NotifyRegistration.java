package org.mqscope.mq.kernel;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.util.ArrayList;
import java.util.List;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqException;
import org.mqscope.mq.Notification;

/**
 * One descriptor's mq_notify: builds the struct sigevent and keeps the SIGEV_THREAD callbacks it registered
 * reachable in {@link SigevThreadCallback} until they fire or the registration goes.
 */
final class NotifyRegistration {
    /**
     * Keys of the SIGEV_THREAD callbacks registered through this descriptor that may still fire, newest last. A
     * fired callback is dropped on the next registration.
     */
    private final List<Long> keys = new ArrayList<>();

    /** mq_notify(fd, n); null removes this process's registration. */
    synchronized void set(int fd, String name, Notification n) throws MqException {
        if (n == null) {
            if (MqNative.mq_notify(fd, 0) != 0) {
                throw MqException.ofCode(Native.getLastError(), "mq_notify", name);
            }
            forgetAll();
            return;
        }
        if (n.method() == Notification.SIGEV_SIGNAL && n.signo() >= 1 && n.signo() <= Notification.SIGRTMAX) {
            throw new MqException(Errno.EOPNOTSUPP, "mq_notify", name, "a real signal would be delivered to"
                    + " mqscope itself, which cannot handle it; use SIGEV_THREAD or SIGEV_NONE (signal 0 is allowed:"
                    + " Linux registers it but never sends it)");
        }
        if (n.method() == Notification.SIGEV_THREAD && n.callback() == null) {
            throw new MqException(Errno.EINVAL, "mq_notify", name, "SIGEV_THREAD needs a callback");
        }
        Scratch scratch = Scratch.get();
        Memory m = scratch.small;
        m.setMemory(Scratch.SIGEVENT, Layouts.SIGEVENT_SIZE, (byte) 0);
        long key = 0;
        if (n.method() == Notification.SIGEV_THREAD) {
            key = SigevThreadCallback.remember(n.callback());
            m.setLong(Scratch.SIGEVENT + Layouts.SIGEV_VALUE, key);
            m.setLong(Scratch.SIGEVENT + Layouts.SIGEV_NOTIFY_FUNCTION, SigevThreadCallback.functionAddress());
        } else {
            m.setInt(Scratch.SIGEVENT + Layouts.SIGEV_VALUE, n.value());
        }
        // Invalid methods and signal numbers go through unchanged: the kernel's EINVAL is the answer to give.
        m.setInt(Scratch.SIGEVENT + Layouts.SIGEV_SIGNO, n.signo());
        m.setInt(Scratch.SIGEVENT + Layouts.SIGEV_NOTIFY, n.method());
        if (MqNative.mq_notify(fd, scratch.at(Scratch.SIGEVENT)) != 0) {
            MqException e = MqException.ofCode(Native.getLastError(), "mq_notify", name);
            if (key != 0) {
                SigevThreadCallback.forget(key);
            }
            throw e;
        }
        if (key != 0) {
            keys.removeIf(k -> !SigevThreadCallback.isPending(k)); // those fired already
            keys.add(key);
        }
    }

    /** The registration is gone (removed, or the descriptor closed): its callbacks will not fire. */
    synchronized void forgetAll() {
        keys.forEach(SigevThreadCallback::forget);
        keys.clear();
    }

    synchronized long lastKey() {
        return keys.isEmpty() ? 0 : keys.get(keys.size() - 1);
    }
}
