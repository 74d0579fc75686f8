package org.mqscope.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mqscope.mq.MqContract.errnoOf;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.mqscope.mq.emulated.Credentials;
import org.mqscope.mq.emulated.DeliveredSignal;
import org.mqscope.mq.emulated.EmulatedBackend;

/**
 * Rules of the reference the test machine's kernel cannot show (no CAP_SYS_RESOURCE, RLIMIT_MSGQUEUE hard limit
 * 819200, no signal handlers in the JVM), checked on the emulation alone with limits chosen for each rule.
 */
class EmulatedOnlyContractTest {
    private static final int CREATE = Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR | Mq.O_NONBLOCK;
    private static final MqLimits ROOMY = MqLimits.LINUX_DEFAULTS.withMsgMax(Mq.HARD_MSGMAX)
            .withMsgsizeMax(Mq.HARD_MSGSIZEMAX).withRlimitMsgqueue(Long.MAX_VALUE / 2);

    /** A process with only the given capability, so that the test JVM's own capabilities do not matter. */
    private static EmulatedBackend process(MqLimits limits, boolean capSysResource) {
        Credentials c = new Credentials(4100, 1000, 1000, 022, capSysResource, false, false);
        return new EmulatedBackend(limits).asProcess(c);
    }

    @Test
    void aQueueOfHardMsgmaxMessagesKeepsPriorityAndFifoOrder() throws MqException {
        try (EmulatedBackend mq = process(ROOMY, false);
             MqQueue q = mq.open("/deep", CREATE, 0600, MqAttributes.of(Mq.HARD_MSGMAX, 8))) {
            for (int i = 0; i < Mq.HARD_MSGMAX; i++) {
                q.send(MqContract.bytes(Integer.toString(i)), (i * 7919) % Mq.PRIO_MAX);
            }
            assertThat(errnoOf(() -> q.send(new byte[0], 0))).isEqualTo(Errno.EAGAIN);
            int lastPriority = Mq.PRIO_MAX;
            int lastIndex = -1;
            for (int i = 0; i < Mq.HARD_MSGMAX; i++) {
                MqMessage m = q.receive();
                int index = Integer.parseInt(MqContract.text(m));
                assertThat(m.priority()).isEqualTo((index * 7919) % Mq.PRIO_MAX).isLessThanOrEqualTo(lastPriority);
                if (m.priority() == lastPriority) {
                    assertThat(index).as("FIFO within priority %d", lastPriority).isGreaterThan(lastIndex);
                }
                lastPriority = m.priority();
                lastIndex = index;
            }
            assertThat(errnoOf(q::receive)).isEqualTo(Errno.EAGAIN);
        }
    }

    @Test
    void theTreeNodePartOfTheChargeStopsGrowingAtPrioMaxMessages() {
        long charge = MqLimits.charge(40000, 1);
        assertThat(charge).isEqualTo(40000L * 1 + 48L * 40000 + 48L * Mq.PRIO_MAX);
        assertThat(outcome(ROOMY.withRlimitMsgqueue(charge - 1), false, MqAttributes.of(40000, 1)))
                .isEqualTo("EMFILE");
        assertThat(outcome(ROOMY.withRlimitMsgqueue(charge), false, MqAttributes.of(40000, 1))).isEqualTo("OK");
    }

    @Test
    void messagesMayBeAsLargeAsMsgsizeMaxUpToSixteenMebibytes() throws MqException {
        byte[] big = new byte[(int) Mq.HARD_MSGSIZEMAX];
        big[big.length - 1] = 42;
        try (EmulatedBackend mq = process(ROOMY, false);
             MqQueue q = mq.open("/big", CREATE, 0600, MqAttributes.of(1, Mq.HARD_MSGSIZEMAX))) {
            q.send(big, 1);
            assertThat(q.receive().body()).isEqualTo(big);
        }
        assertThat(outcome(ROOMY, false, MqAttributes.of(1, Mq.HARD_MSGSIZEMAX + 1))).isEqualTo("EINVAL");
    }

    @Test
    void capSysResourceLiftsMsgMaxAndMsgsizeMaxButNotTheHardCaps() {
        MqLimits defaults = MqLimits.LINUX_DEFAULTS.withRlimitMsgqueue(Long.MAX_VALUE / 2);
        assertThat(outcome(defaults, false, MqAttributes.of(11, 64))).isEqualTo("EINVAL");
        assertThat(outcome(defaults, true, MqAttributes.of(11, 64))).isEqualTo("OK");
        assertThat(outcome(defaults, true, MqAttributes.of(Mq.HARD_MSGMAX, 1))).isEqualTo("OK");
        assertThat(outcome(defaults, true, MqAttributes.of(1, Mq.HARD_MSGSIZEMAX))).isEqualTo("OK");
        assertThat(outcome(defaults, true, MqAttributes.of(Mq.HARD_MSGMAX + 1, 1))).isEqualTo("EINVAL");
        assertThat(outcome(defaults, true, MqAttributes.of(1, Mq.HARD_MSGSIZEMAX + 1))).isEqualTo("EINVAL");
    }

    @Test
    void capSysResourceLiftsQueuesMaxButNotTheRlimit() throws MqException {
        try (EmulatedBackend mq = process(MqLimits.LINUX_DEFAULTS.withQueuesMax(1), true)) {
            mq.open("/one", CREATE, 0600, MqAttributes.of(1, 1)).close();
            mq.open("/two", CREATE, 0600, MqAttributes.of(1, 1)).close();
            assertThat(errnoOf(() -> mq.open("/huge", CREATE, 0600, MqAttributes.of(Mq.HARD_MSGMAX, 1))))
                    .isEqualTo(Errno.EMFILE);
        }
    }

    @Test
    void aSignalCarriesTheValueAndTheSendersPidAndUid() throws Exception {
        // umask 0, so that the 0666 queue is writable by the sender, another user
        EmulatedBackend owner = new EmulatedBackend(MqLimits.LINUX_DEFAULTS)
                .asProcess(new Credentials(4100, 1000, 1000, 0, false, false, false));
        EmulatedBackend sender = owner.asProcess(Credentials.unprivileged(4242, 1234, 1234));
        BlockingQueue<DeliveredSignal> delivered = new LinkedBlockingQueue<>();
        owner.setSignalHandler(delivered::add);
        try (MqQueue q = owner.open("/sig", CREATE, 0666, MqAttributes.of(4, 16))) {
            int sigusr1 = 10;
            q.notify(Notification.signal(0));
            try (MqQueue w = sender.open("/sig", Mq.O_WRONLY)) {
                w.send(MqContract.bytes("zero"), 0);           // signal 0: consumed, nothing delivered
                q.receive();
                q.notify(new Notification(Notification.SIGEV_SIGNAL, sigusr1, 42, null));
                w.send(MqContract.bytes("one"), 0);
            }
            assertThat(delivered.poll(10, TimeUnit.SECONDS))
                    .isEqualTo(new DeliveredSignal("/sig", sigusr1, 42, 4242, 1234));
            assertThat(delivered).isEmpty();
        }
    }

    private static String outcome(MqLimits limits, boolean capSysResource, MqAttributes attr) {
        try (EmulatedBackend mq = process(limits, capSysResource)) {
            return MqContract.outcome(() -> mq.open("/q", CREATE, 0600, attr).close());
        }
    }
}
