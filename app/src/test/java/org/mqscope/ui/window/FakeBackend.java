package org.mqscope.ui.window;

import org.mqscope.mq.Errno;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqLimits;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.QueueInfo;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A backend whose list() answers what the test sets: queues or a failure. Opening a queue fails with EACCES (the
 * sampler then shows the depth as unknown); unlinking is unsupported.
 */
final class FakeBackend implements MqBackend {
    private final String id;
    private final AtomicReference<List<QueueInfo>> queues = new AtomicReference<>(List.of());
    private final AtomicReference<MqException> listFailure = new AtomicReference<>();
    final AtomicInteger listCalls = new AtomicInteger();
    final AtomicInteger closeCalls = new AtomicInteger();
    volatile String listThread;

    FakeBackend(String id) {
        this.id = id;
    }

    static QueueInfo queue(String name, long qsize) {
        return new QueueInfo(name, qsize, 0, 0, 0, 0600, 0, 0);
    }

    FakeBackend listing(QueueInfo... q) {
        queues.set(List.of(q));
        listFailure.set(null);
        return this;
    }

    FakeBackend failingList(MqException e) {
        listFailure.set(e);
        return this;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public MqQueue open(String name, int oflag, int mode, MqAttributes attrOrNull) throws MqException {
        throw new MqException(Errno.EACCES, "mq_open", name);
    }

    @Override
    public void unlink(String name) {
        throw new UnsupportedOperationException("not needed by the window yet");
    }

    @Override
    public org.mqscope.mq.RecreateResult recreate(String name, MqAttributes newAttrs) {
        throw new UnsupportedOperationException("not needed by the window yet");
    }

    @Override
    public List<QueueInfo> list() throws MqException {
        listCalls.incrementAndGet();
        listThread = Thread.currentThread().getName();
        MqException e = listFailure.get();
        if (e != null) {
            throw e;
        }
        return queues.get();
    }

    @Override
    public String statusLine(String name) {
        throw new UnsupportedOperationException("not needed by the window yet");
    }

    @Override
    public MqLimits limits() {
        return MqLimits.LINUX_DEFAULTS;
    }

    @Override
    public void close() {
        closeCalls.incrementAndGet();
    }
}
