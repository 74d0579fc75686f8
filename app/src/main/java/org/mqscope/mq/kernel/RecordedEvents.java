package org.mqscope.mq.kernel;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.Notification;
import org.mqscope.mq.QueueEvent;
import org.mqscope.mq.RecordedEvent;
import org.mqscope.mq.kernel.RecordProtocol.Event;
import org.mqscope.mq.kernel.RecordProtocol.Started;

/** The helper's recorded calls as the contract's events: names, details and wall-clock times. */
final class RecordedEvents {
    private RecordedEvents() {
    }

    /** Event {@code seq} of a recording of {@code queues} (request order) that started as {@code s} says. */
    static RecordedEvent of(long seq, List<String> queues, Started s, Event e) {
        boolean ok = e.result() >= 0;
        Errno errno = ok ? null : Errno.of((int) Math.min(-e.result(), Integer.MAX_VALUE));
        String unknown = errno == Errno.UNKNOWN ? "errno " + -e.result() : "";
        Instant time = Instant.EPOCH.plusNanos(s.realNanos() + (e.exitNanos() - s.monoNanos()));
        String queue = queues.get(e.queue());
        byte[] body = e.payload();
        int priority = -1;
        long size = -1;
        String detail;
        String call;
        switch (e.call()) {
            case RecordProtocol.CALL_SEND, RecordProtocol.CALL_RECEIVE -> {
                boolean send = e.call() == RecordProtocol.CALL_SEND;
                call = send ? "mq_timedsend" : "mq_timedreceive";
                // a failed send still names the message it offered; a failed receive has none
                if (send || ok) {
                    priority = (int) Math.min(e.priority(), Integer.MAX_VALUE);
                    size = send ? e.length() : e.result();
                }
                detail = unknown;
            }
            case RecordProtocol.CALL_OPEN -> {
                call = "mq_open";
                String mode = (e.arg1() & Mq.O_CREAT) != 0 ? ", mode 0" + Integer.toOctalString(e.arg2() & 07777) : "";
                detail = join(Mq.describeFlags(e.arg1()) + mode + (ok ? ", fd " + e.result() : ""), unknown);
            }
            case RecordProtocol.CALL_UNLINK -> {
                call = "mq_unlink";
                detail = unknown;
            }
            case RecordProtocol.CALL_NOTIFY -> {
                call = "mq_notify";
                detail = join(notifyKind(e.arg1(), e.arg2()), unknown);
            }
            case RecordProtocol.CALL_GETSETATTR -> {
                call = "mq_getsetattr";
                // arg1: the new flags, -1 for a get (mq_getattr); arg2: the flags before, -1 when not returned
                String old = ok && e.arg2() >= 0 ? flags(e.arg2()) : "";
                String what = e.arg1() < 0 ? "get" + (old.isEmpty() ? "" : ": " + old)
                        : "set flags " + flags(e.arg1()) + (old.isEmpty() ? "" : ", was " + old);
                detail = join(what, unknown);
            }
            default -> throw new IllegalArgumentException("call " + e.call()); // RecordProtocol checked it
        }
        int bodyHash = size >= 0 && body.length == size ? Arrays.hashCode(body) : 0;
        QueueEvent event = new QueueEvent(seq, time, e.command(), e.pid(), e.tid(), QueueEvent.Kind.CALL, call, queue,
                priority, size, bodyHash, errno, detail);
        return new RecordedEvent(event, body, e.enterNanos(), e.exitNanos());
    }

    /** mq_notify's request: the sigev_notify kind, -1 for a null sigevent (unregister), -2 for one the recorder could not read. */
    private static String notifyKind(int kind, int signo) {
        return switch (kind) {
            case -1 -> "unregister";
            case -2 -> "unreadable sigevent";
            case Notification.SIGEV_SIGNAL -> "SIGEV_SIGNAL, signal " + signo;
            case Notification.SIGEV_NONE -> "SIGEV_NONE";
            case Notification.SIGEV_THREAD -> "SIGEV_THREAD";
            default -> "sigev_notify " + kind;
        };
    }

    /** mq_flags: O_NONBLOCK is the only one mq_setattr changes. */
    private static String flags(int flags) {
        return (flags & Mq.O_NONBLOCK) != 0 ? "O_NONBLOCK" : "0";
    }

    private static String join(String a, String b) {
        return b.isEmpty() ? a : a + ", " + b;
    }
}
