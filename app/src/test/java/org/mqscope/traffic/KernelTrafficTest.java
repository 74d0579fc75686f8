package org.mqscope.traffic;

import org.mqscope.Eventually;
import org.mqscope.Needs;
import org.mqscope.Needs.Need;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.OpenQueueFds;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;

/** The generator against the real kernel, on a queue of its own; skipped where the kernel backend cannot start. */
class KernelTrafficTest {
    private final String name = "/mqscope-traffic-" + UUID.randomUUID();
    private MqBackend kernel;

    @BeforeEach
    void kernel() {
        try {
            kernel = MqBackends.kernel();
            kernel.list();
        } catch (MqException | LinkageError e) {
            throw Needs.missing(Need.KERNEL_MQUEUE, e.getMessage());
        }
    }

    @AfterEach
    void unlink() {
        if (kernel == null) {
            return;
        }
        try {
            kernel.unlink(name);
        } catch (MqException e) {
            // not created
        }
        kernel.close();
    }

    @Test
    void runsOnTheKernelAndLeavesNoDescriptorBehind() throws Exception {
        kernel.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600, MqAttributes.of(10, 128)).close();
        long before = OpenQueueFds.of(name);
        TrafficGenerator g = new TrafficGenerator(kernel);
        assertThat(g.realQueues()).isTrue();
        try {
            g.configure(LaneSpec.of(name).withRates(200, 100).withPayload(PayloadKind.FRAMES));
            g.start(name);
            Eventually.until("a producer and a consumer descriptor", () -> OpenQueueFds.of(name) == before + 2);
            Eventually.until("21 sent and 11 received", () -> {
                LaneStats now = g.snapshot().find(name);
                return now.sent() > 20 && now.received() > 10;
            });
        } finally {
            long t0 = System.nanoTime();
            g.close();
            assertThat((System.nanoTime() - t0) / 1_000_000).as("close took ms").isLessThan(500);
        }
        LaneStats s = g.snapshot().find(name);
        assertThat(s.failures()).as(s.lastProblem()).isZero();
        try (MqQueue q = kernel.open(name, Mq.O_RDONLY)) {
            assertThat(q.getAttributes().currentMessages()).as("nothing lost, nothing counted twice")
                    .isEqualTo(s.sent() - s.received());
        }
        assertThat(OpenQueueFds.of(name)).as("/proc/self/fd after stop").isEqualTo(before);
        TrafficGeneratorTest.awaitNoTrafficThreads();
    }

}
