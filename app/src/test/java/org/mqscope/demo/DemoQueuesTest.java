package org.mqscope.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.QueueInfo;

class DemoQueuesTest {

    @Test
    void seedsVariedQueuesWithTheExtremePriorities() throws Exception {
        try (MqBackend b = DemoQueues.newBackend()) {
            assertThat(b.list()).extracting(QueueInfo::name).containsExactlyElementsOf(DemoQueues.NAMES);
            Set<Integer> priorities = new HashSet<>();
            boolean json = false;
            boolean binary = false;
            for (String name : DemoQueues.NAMES) {
                try (MqQueue q = b.open(name, Mq.O_RDONLY)) {
                    List<MqMessage> all = q.snapshot().messages();
                    for (MqMessage m : all) {
                        priorities.add(m.priority());
                        json |= m.size() > 0 && m.body()[0] == '{';
                        binary |= m.size() > 0 && m.body()[0] == 0x54 && m.body()[1] == 0x45;
                    }
                    if (name.equals("/idle")) {
                        assertThat(all).isEmpty();
                    }
                }
            }
            assertThat(priorities).contains(0, Mq.PRIO_MAX - 1);
            assertThat(json).as("some JSON").isTrue();
            assertThat(binary).as("telemetry frames").isTrue();
            assertThatThrownBy(() -> DemoQueues.seed(b)).isInstanceOfSatisfying(MqException.class,
                    e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
        }
    }

    @Test
    void theSameSeedGivesTheSameMessages() throws Exception {
        try (MqBackend a = DemoQueues.newBackend(); MqBackend b = DemoQueues.newBackend();
             MqQueue qa = a.open("/orders", Mq.O_RDONLY); MqQueue qb = b.open("/orders", Mq.O_RDONLY)) {
            assertThat(qa.snapshot().messages()).isEqualTo(qb.snapshot().messages());
        }
    }

    @Test
    void theDifferenceFromAMachinesLimitsIsSpelledOut() {
        java.util.List<String> lines = DemoQueues.beyond(org.mqscope.mq.MqLimits.LINUX_DEFAULTS);
        org.assertj.core.api.Assertions.assertThat(lines.get(0)).isEqualTo("The demo allows msg_max 65,536 and "
                + "msgsize_max 16,777,216; this machine allows 10 and 8,192.");
        org.assertj.core.api.Assertions.assertThat(lines).contains(
                "/orders (maxmsg 64, msgsize 1,024) could not be created on this machine's kernel: EINVAL.",
                "/reports (maxmsg 4, msgsize 262,144) could not be created on this machine's kernel: EINVAL.")
                .noneMatch(l -> l.startsWith("/idle") || l.startsWith("/billing.events"));
        org.assertj.core.api.Assertions.assertThat(DemoQueues.beyond(DemoQueues.LIMITS)).isEmpty();
    }
}
