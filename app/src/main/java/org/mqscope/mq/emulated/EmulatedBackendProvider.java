package org.mqscope.mq.emulated;

import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackendProvider;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqLimits;

/** Registers the emulation with {@link MqBackends}. */
public final class EmulatedBackendProvider implements MqBackendProvider {
    @Override
    public String id() {
        return MqBackends.EMULATED;
    }

    @Override
    public MqBackend create(MqLimits limitsOrNull) {
        return new EmulatedBackend(limitsOrNull == null ? MqLimits.LINUX_DEFAULTS : limitsOrNull);
    }
}
