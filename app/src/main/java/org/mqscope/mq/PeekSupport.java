package org.mqscope.mq;

/**
 * Whether a queue can be peeked here, how, and if not, why in words (e.g. "EACCES: no write permission on /orders:
 * drain-and-restore needs O_RDWR"). An available method may carry a reason too: why the better (exact) method is
 * not available here, and the one command that enables it.
 */
public record PeekSupport(PeekMethod method, boolean available, String reason) {

    public static PeekSupport available(PeekMethod method) {
        return new PeekSupport(method, true, null);
    }

    /**
     * {@code method} works, but it is the fallback: {@code whyNotBetter} says why the exact peek is not available
     * and how to enable it.
     */
    public static PeekSupport fallback(PeekMethod method, String whyNotBetter) {
        return new PeekSupport(method, true, whyNotBetter);
    }

    public static PeekSupport unavailable(PeekMethod method, String reason) {
        return new PeekSupport(method, false, reason);
    }
}
