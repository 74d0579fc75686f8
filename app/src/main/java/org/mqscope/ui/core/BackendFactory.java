package org.mqscope.ui.core;

import org.mqscope.demo.DemoQueues;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;

/** Starts a backend; runs on mq-io. Tests pass their own to simulate a kernel that will not start. */
@FunctionalInterface
public interface BackendFactory {

    MqBackend create(BackendKind kind) throws Exception;

    /** The real thing: {@link MqBackends#kernel()} and {@link MqBackends#emulated()}. */
    static BackendFactory standard() {
        return kind -> switch (kind) {
            case KERNEL -> MqBackends.kernel();
            case EMULATED -> MqBackends.emulated();
        };
    }

    /** For --demo: the kernel as usual, and an emulated namespace already filled with example queues. */
    static BackendFactory demo() {
        return kind -> switch (kind) {
            case KERNEL -> MqBackends.kernel();
            case EMULATED -> DemoQueues.newBackend();
        };
    }
}
