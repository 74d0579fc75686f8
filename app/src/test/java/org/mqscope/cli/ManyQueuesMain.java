package org.mqscope.cli;

import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;

/** {@code ManyQueuesMain N}: creates /q000.. with the smallest charge, for the ls-on-256-queues test's namespace. */
public final class ManyQueuesMain {
    private ManyQueuesMain() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        try (MqBackend kernel = MqBackends.kernel()) {
            for (int i = 0; i < n; i++) {
                kernel.open(String.format("/q%03d", i), Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600,
                        MqAttributes.of(1, 8)).close();
            }
        }
    }
}
