package org.mqscope.recording;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.mqscope.mq.Errno;
import org.mqscope.mq.QueueEvent;
import org.mqscope.mq.RecordedEvent;

/**
 * Hand-built recorded events, as the kernel recorder makes them: {@code at} is the exit time in microseconds of
 * CLOCK_MONOTONIC (the call entered 1 µs earlier), the wall time follows it; pid 100 sends, pid 200 receives unless
 * said otherwise.
 */
final class Events {
    static final long SENDER = 100;
    static final long RECEIVER = 200;

    private Events() {
    }

    static RecordedEvent send(long seq, String queue, long at, int priority, String body) {
        return send(seq, queue, at, priority, body.getBytes(StandardCharsets.UTF_8));
    }

    static RecordedEvent send(long seq, String queue, long at, int priority, byte[] body) {
        return event(seq, queue, at, SENDER, "mq_timedsend", priority, body.length, body, null);
    }

    static RecordedEvent sendBy(long pid, long seq, String queue, long at, int priority, String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return event(seq, queue, at, pid, "mq_timedsend", priority, b.length, b, null);
    }

    /** A send of a {@code size}-byte message of which only {@code prefix} was kept. */
    static RecordedEvent cut(long seq, String queue, long at, int priority, String prefix, long size) {
        return event(seq, queue, at, SENDER, "mq_timedsend", priority, size,
                prefix.getBytes(StandardCharsets.UTF_8), null);
    }

    static RecordedEvent receive(long seq, String queue, long at, int priority, String body) {
        return receiveBy(RECEIVER, seq, queue, at, priority, body);
    }

    static RecordedEvent receiveBy(long pid, long seq, String queue, long at, int priority, String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return event(seq, queue, at, pid, "mq_timedreceive", priority, b.length, b, null);
    }

    static RecordedEvent failedReceive(long seq, String queue, long at, Errno errno) {
        return event(seq, queue, at, RECEIVER, "mq_timedreceive", -1, -1, new byte[0], errno);
    }

    static RecordedEvent failedSend(long seq, String queue, long at, int priority, String body, Errno errno) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return event(seq, queue, at, SENDER, "mq_timedsend", priority, b.length, b, errno);
    }

    static RecordedEvent event(long seq, String queue, long at, long pid, String call, int priority, long size,
                               byte[] payload, Errno errno) {
        long exit = at * 1000;
        boolean complete = priority >= 0 && size >= 0 && payload.length == size;
        QueueEvent e = new QueueEvent(seq, RecordingFilesTest.T0.plusNanos(exit), "comm" + pid, pid, pid + 1,
                QueueEvent.Kind.CALL, call, queue, priority, size, complete ? Arrays.hashCode(payload) : 0, errno, "");
        return new RecordedEvent(e, payload, exit - 1000, exit);
    }
}
