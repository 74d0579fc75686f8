package org.mqscope.mq.kernel;

import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackendProvider;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqLimits;

/** Registers the kernel backend with {@link MqBackends} through META-INF/services. */
public final class KernelBackendProvider implements MqBackendProvider {

    @Override
    public String id() {
        return MqBackends.KERNEL;
    }

    /** The kernel's limits are the system's own: only {@code null} is accepted. */
    @Override
    public MqBackend create(MqLimits limitsOrNull) throws MqException {
        if (limitsOrNull != null) {
            throw new IllegalArgumentException("the kernel backend has the system's limits; pass null, not "
                    + limitsOrNull);
        }
        return new KernelBackend();
    }

    @Override
    public MqBackend createInNamespaceOf(int pid) throws MqException {
        return KernelBackend.inNamespaceOf(pid);
    }
}
