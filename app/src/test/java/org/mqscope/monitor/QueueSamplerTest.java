package org.mqscope.monitor;

import org.mqscope.Needs;
import org.mqscope.Needs.Need;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.OpenQueueFds;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;

class QueueSamplerTest {

    @Test
    void samplesCurmsgsAndQsizeAndLetsGoOfUnlinkedQueues() throws MqException {
        MqBackend b = MqBackends.emulated();
        try (QueueSampler s = new QueueSampler(b); MqQueue q = b.open("/a", Mq.O_CREAT | Mq.O_RDWR, 0600,
                MqAttributes.of(5, 32))) {
            q.send(new byte[7], 1);
            q.send(new byte[3], 2);
            SampleBatch first = s.pass();
            assertThat(first.failure()).isNull();
            QueueSample a = first.find("/a");
            assertThat(a.currentMessages()).isEqualTo(2);
            assertThat(a.maxMessages()).isEqualTo(5);
            assertThat(a.qsize()).isEqualTo(10);
            assertThat(s.heldCount()).isEqualTo(1);

            b.unlink("/a");
            assertThat(s.pass().queues()).isEmpty();
            assertThat(s.heldCount()).as("descriptor closed with the name gone").isZero();

            try (MqQueue again = b.open("/a", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(3, 16))) {
                assertThat(s.pass().find("/a").maxMessages()).isEqualTo(3);
            }
        }
    }

    @Test
    void aQueueReplacedBetweenTwoPassesIsSampledAnew() throws MqException {
        MqBackend b = MqBackends.emulated();
        try (QueueSampler s = new QueueSampler(b)) {
            b.open("/r", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(4, 16)).close();
            assertThat(s.pass().find("/r").maxMessages()).isEqualTo(4);
            b.unlink("/r");
            b.open("/r", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(2, 16)).close();
            assertThat(s.pass().find("/r").maxMessages()).isEqualTo(2);
            assertThat(s.heldCount()).isEqualTo(1);
        }
    }

    @Test
    void onTheKernelNoDescriptorOutlivesItsQueue() throws Exception {
        MqBackend kernel;
        try {
            kernel = MqBackends.kernel();
        } catch (MqException e) {
            throw Needs.missing(Need.KERNEL_MQUEUE, "no kernel backend: " + e.getMessage());
        }
        String name = "/mqscope-sampler-" + UUID.randomUUID();
        try (kernel; QueueSampler s = new QueueSampler(kernel)) {
            try {
                kernel.list();
            } catch (MqException e) {
                throw Needs.missing(Need.KERNEL_MQUEUE, "/dev/mqueue is not mounted: " + e.getMessage());
            }
            long before = OpenQueueFds.of(name);
            kernel.open(name, Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(2, 16)).close();
            assertThat(s.pass().find(name).maxMessages()).isEqualTo(2);
            assertThat(OpenQueueFds.of(name)).isEqualTo(before + 1);
            kernel.unlink(name);
            s.pass();
            assertThat(OpenQueueFds.of(name)).as("/proc/self/fd after the unlink").isEqualTo(before);
        } finally {
            try {
                MqBackends.kernel().unlink(name);
            } catch (MqException ignored) {
                // already gone
            }
        }
    }

}
