package org.mqscope.monitor.namespaces;

import java.util.List;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqLimits;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.QueueInfo;
import org.mqscope.mq.RecreateResult;

/**
 * The backend of a namespace mqscope could not bind to (not ours to enter): every call fails with the reason it
 * could not, so that work meant for that namespace never lands in another one by falling back on the host's.
 */
final class UnreachableNamespace implements MqBackend {
    private final MqException why;

    UnreachableNamespace(MqException why) {
        this.why = why;
    }

    private MqException refuse(String operation, String queue) {
        return new MqException(why.errno(), operation, queue, why.detail());
    }

    @Override
    public String id() {
        return MqBackends.KERNEL;
    }

    @Override
    public MqQueue open(String name, int oflag, int mode, MqAttributes attrOrNull) throws MqException {
        throw refuse("mq_open", name);
    }

    @Override
    public void unlink(String name) throws MqException {
        throw refuse("mq_unlink", name);
    }

    @Override
    public List<QueueInfo> list() throws MqException {
        throw refuse("opendir", null);
    }

    @Override
    public String statusLine(String name) throws MqException {
        throw refuse("read", name);
    }

    @Override
    public RecreateResult recreate(String name, MqAttributes newAttrs) throws MqException {
        throw refuse("recreate", name);
    }

    @Override
    public MqLimits limits() throws MqException {
        throw refuse("read", null);
    }

    @Override
    public void close() {
        // holds nothing
    }
}
