package org.mqscope.mq;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link OtherProcess} over an {@link MqBackend} that already acts as that process: an emulated process view, or the
 * kernel backend inside a child JVM ({@link ChildProcessMain}).
 */
final class BackendProcess implements OtherProcess {
    private final MqBackend backend;
    private final int pid;
    private final Map<String, Deque<MqQueue>> open = new HashMap<>();

    BackendProcess(MqBackend backend, int pid) {
        this.backend = backend;
        this.pid = pid;
    }

    @Override
    public int pid() {
        return pid;
    }

    @Override
    public String open(String name, int oflag, int mode, MqAttributes attrOrNull) {
        return run(() -> open.computeIfAbsent(name, n -> new ArrayDeque<>())
                .push(backend.open(name, oflag, mode, attrOrNull)));
    }

    @Override
    public String send(String name, String body, int priority) {
        return run(() -> latest(name).timedSend(body.getBytes(StandardCharsets.UTF_8), priority, Instant.now()));
    }

    @Override
    public String receive(String name) {
        try {
            MqMessage m = latest(name).timedReceive(Instant.now());
            return "OK:" + new String(m.body(), StandardCharsets.UTF_8);
        } catch (MqException e) {
            return errnoName(e);
        }
    }

    @Override
    public String notify(String name, Notification notification) {
        Notification n = notification != null && notification.method() == Notification.SIGEV_THREAD
                ? Notification.callback(() -> { })
                : notification;
        return run(() -> latest(name).notify(n));
    }

    @Override
    public String closeQueue(String name) {
        return run(() -> {
            Deque<MqQueue> queues = open.get(name);
            MqQueue q = queues == null ? null : queues.poll();
            if (q == null) {
                throw new IllegalStateException("no descriptor open for " + name);
            }
            q.close();
        });
    }

    @Override
    public String status(String name) {
        try {
            return "OK:" + backend.statusLine(name);
        } catch (MqException e) {
            return errnoName(e);
        }
    }

    @Override
    public String unlink(String name) {
        return run(() -> backend.unlink(name));
    }

    @Override
    public void close() {
        for (Deque<MqQueue> queues : open.values()) {
            for (MqQueue q : queues) {
                try {
                    q.close();
                } catch (MqException alreadyClosed) {
                    // nothing left to release
                }
            }
        }
        open.clear();
    }

    private MqQueue latest(String name) {
        Deque<MqQueue> queues = open.get(name);
        if (queues == null || queues.isEmpty()) {
            throw new IllegalStateException("no descriptor open for " + name);
        }
        return queues.peek();
    }

    private static String run(MqCall call) {
        try {
            call.run();
            return "OK";
        } catch (MqException e) {
            return errnoName(e);
        }
    }

    static String errnoName(MqException e) {
        return e.errno() == Errno.UNKNOWN ? "errno " + e.code() : e.errno().name();
    }

    @FunctionalInterface
    private interface MqCall {
        void run() throws MqException;
    }
}
