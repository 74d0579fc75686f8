package org.mqscope.monitor;

import org.mqscope.Needs;
import org.mqscope.Needs.Need;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mqscope.monitor.series.SeriesStore;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.OpenQueueFds;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;

/**
 * A kernel queue charted at the charts' fastest rate and then unlinked: the sampler lets its descriptor go (none
 * left in /proc/self/fd), while the recorded history stays for the chart until the store forgets it.
 */
class ChartedQueueUnlinkTest {
    private static final long WAIT_SECONDS = 10;

    private final String name = "/mqscope-charted-" + UUID.randomUUID();
    private MqBackend kernel;

    @BeforeEach
    void needsTheKernel() {
        try {
            kernel = MqBackends.kernel();
            kernel.list();
        } catch (MqException e) {
            throw Needs.missing(Need.KERNEL_MQUEUE, e.getMessage());
        }
    }

    @AfterEach
    void unlink() throws MqException {
        if (kernel != null) {
            try {
                kernel.unlink(name);
            } catch (MqException ignored) {
                // the test unlinked it
            }
            kernel.close();
        }
    }

    @Test
    void unlinkedWhileChartedLeavesNoDescriptor() throws Exception {
        long before = OpenQueueFds.of(name);
        SeriesStore store = new SeriesStore();
        BlockingQueue<SampleBatch> batches = new LinkedBlockingQueue<>();
        try (QueueSampler sampler = new QueueSampler(kernel)) {
            sampler.addListener(batch -> {
                store.append(batch); // only ever on the sampler thread, like the EDT in the window
                batches.add(batch);
            });
            try (MqQueue q = kernel.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600, MqAttributes.of(4, 16))) {
                q.send(new byte[5], 1);
            }
            sampler.setPeriod(SeriesStore.FASTEST_PERIOD);
            awaitBatch(batches, true);
            awaitBatch(batches, true);
            assertThat(OpenQueueFds.of(name)).as("the sampler's one descriptor").isEqualTo(before + 1);

            kernel.unlink(name);
            awaitBatch(batches, false);
            awaitBatch(batches, false);
            assertThat(OpenQueueFds.of(name)).as("/proc/self/fd after the unlink").isEqualTo(before);
            sampler.setPeriod(null);
        }
        assertThat(store.get(name)).as("the history stays a while for the chart").isNotNull();
        assertThat(store.get(name).curmsgs(store.get(name).end() - 1)).isEqualTo(1);
    }

    /** Waits for a batch that lists the queue ({@code listed}) or not. */
    private void awaitBatch(BlockingQueue<SampleBatch> batches, boolean listed) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(WAIT_SECONDS).toNanos();
        while (System.nanoTime() < deadline) {
            SampleBatch b = batches.poll(100, TimeUnit.MILLISECONDS);
            if (b != null && b.failure() == null && (b.find(name) != null) == listed) {
                return;
            }
        }
        throw new AssertionError("no batch " + (listed ? "listing " : "without ") + name);
    }

}
