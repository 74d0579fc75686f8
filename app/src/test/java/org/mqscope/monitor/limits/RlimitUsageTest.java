package org.mqscope.monitor.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mqscope.monitor.QueueSample;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqLimits;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.QueueInfo;
import org.mqscope.mq.emulated.Credentials;
import org.mqscope.mq.emulated.EmulatedBackend;

class RlimitUsageTest {
    private final EmulatedBackend root = new EmulatedBackend(MqLimits.LINUX_DEFAULTS);
    private final EmulatedBackend alice = root.asProcess(Credentials.unprivileged(100, 1000, 1000));
    private final EmulatedBackend bob = root.asProcess(Credentials.unprivileged(101, 1001, 1001));

    @AfterEach
    void close() {
        alice.close();
        bob.close();
        root.close();
    }

    private static void create(EmulatedBackend b, String name, long maxmsg, long msgsize) throws MqException {
        b.open(name, Mq.O_CREAT | Mq.O_RDWR, 0644, MqAttributes.of(maxmsg, msgsize)).close();
    }

    @Test
    void measureMatchesTheEmulationsOwnChargePerUser() throws MqException {
        create(alice, "/a1", 10, 8192);
        create(alice, "/a2", 3, 100);
        alice.open("/a3", Mq.O_CREAT | Mq.O_RDWR).close(); // defaults
        create(bob, "/b1", 1, 1);

        RlimitUsage a = RlimitUsage.measure(alice, 1000);
        assertThat(a.chargedBytes()).isEqualTo(alice.chargedBytes(1000)).isEqualTo(82_880 + 588 + 82_880);
        assertThat(a.queues()).isEqualTo(3);
        assertThat(RlimitUsage.measure(alice, 1001).chargedBytes()).isEqualTo(root.chargedBytes(1001)).isEqualTo(97);
        assertThat(a.summary()).isEqualTo("166,348 of 819,200 bytes (20 %) charged by your 3 queues");
    }

    @Test
    void fromSamplesCountsOnlyTheUsersReadableQueues() throws MqException {
        create(alice, "/a1", 10, 8192);
        create(alice, "/a2", 2, 1);
        create(bob, "/b1", 1, 1);
        List<QueueSample> samples = new ArrayList<>();
        for (QueueInfo info : root.list()) {
            MqAttributes attrs = null;
            if (!info.name().equals("/a2")) {
                try (MqQueue q = root.open(info.name(), Mq.O_RDONLY)) {
                    attrs = q.getAttributes();
                }
            }
            samples.add(new QueueSample(info, attrs, attrs == null ? "EACCES" : null));
        }
        RlimitUsage u = RlimitUsage.of(samples, 1000, 819_200);
        assertThat(u.chargedBytes()).isEqualTo(82_880);
        assertThat(u.queues()).isEqualTo(1);
        assertThat(u.unknown()).isEqualTo(1);
        assertThat(u.summary()).isEqualTo("82,880 of 819,200 bytes (10 %) charged by your 1 queue "
                + "(1 more not readable, not counted)");
        assertThat(RlimitUsage.of(samples, 1000, MqLimits.RLIM_INFINITY).summary())
                .isEqualTo("82,880 bytes charged by your 1 queue (no limit) (1 more not readable, not counted)");
    }

    @Test
    void theFormulaIsTheKernels() {
        assertThat(RlimitUsage.formulaInWords()).contains(RlimitUsage.FORMULA, "EMFILE");
        assertThat(MqLimits.charge(5, 128)).isEqualTo(1120); // the measured threshold
    }
}
