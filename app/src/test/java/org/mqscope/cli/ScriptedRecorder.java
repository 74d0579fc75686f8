package org.mqscope.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.QueueEvent;
import org.mqscope.mq.QueueRecorder;
import org.mqscope.mq.RecordedEvent;

/**
 * A recorder that reports a fixed script of calls, for the command line's output tests on the emulation (which
 * has no recorder: the real one is tested against the kernel). The calls' CLOCK_MONOTONIC times start when the
 * recorder is "in place", so they come after the starting snapshot as real ones do; their wall times are fixed.
 */
class ScriptedRecorder implements QueueRecorder {
    static final Instant T0 = Instant.parse("2026-12-07T05:40:00Z");

    /** One scripted call: {@code at} µs after the start. */
    record Call(long at, long pid, String comm, String call, String queue, int priority, byte[] body, long size,
                Errno errno) {
    }

    private final List<Call> script;
    private final long lost;
    volatile Request lastRequest;

    ScriptedRecorder(List<Call> script, long lost) {
        this.script = List.copyOf(script);
        this.lost = lost;
    }

    static Call send(long at, long pid, String queue, int priority, String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return new Call(at, pid, "producer", "mq_timedsend", queue, priority, b, b.length, null);
    }

    static Call receive(long at, long pid, String queue, int priority, byte[] body) {
        return new Call(at, pid, "consumer", "mq_timedreceive", queue, priority, body, body.length, null);
    }

    /** {@code backend} with this recorder (the emulation offers none). */
    MqBackend around(MqBackend backend) {
        return (MqBackend) Proxy.newProxyInstance(MqBackend.class.getClassLoader(), new Class<?>[] {MqBackend.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("recorder")) {
                        return Optional.of(this);
                    }
                    try {
                        return method.invoke(backend, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Summary record(Request request, Listener listener) throws MqException {
        request.check();
        lastRequest = request;
        listener.started();
        long base = System.nanoTime();
        long seq = 0;
        for (Call c : script) {
            if (!request.queues().contains(c.queue())) {
                continue;
            }
            byte[] kept = Arrays.copyOf(c.body(), Math.min(c.body().length, request.payload()));
            boolean ok = c.errno() == null;
            int priority = ok || c.call().endsWith("send") ? c.priority() : -1;
            long size = ok || c.call().endsWith("send") ? c.size() : -1;
            int hash = kept.length == size ? Arrays.hashCode(kept) : 0;
            long exit = base + c.at() * 1000;
            QueueEvent e = new QueueEvent(++seq, T0.plusNanos(c.at() * 1000), c.comm(), c.pid(), c.pid(),
                    QueueEvent.Kind.CALL, c.call(), c.queue(), priority, size, hash, c.errno(), "");
            listener.event(new RecordedEvent(e, kept, exit - 2000, exit));
        }
        if (lost > 0) {
            listener.lost(lost);
        }
        return new Summary(seq, lost, End.DURATION);
    }
}
