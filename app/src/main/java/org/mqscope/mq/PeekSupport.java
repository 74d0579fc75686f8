package org.mqscope.mq;

/**
 * Whether a queue can be peeked here, how, and if not, why in words (e.g. "EACCES: no write permission on /orders:
 * drain-and-restore needs O_RDWR").
 */
public record PeekSupport(PeekMethod method, boolean available, String reason) {

    public static PeekSupport available(PeekMethod method) {
        return new PeekSupport(method, true, null);
    }

    public static PeekSupport unavailable(PeekMethod method, String reason) {
        return new PeekSupport(method, false, reason);
    }
}
