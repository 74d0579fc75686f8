package org.mqscope.mq.emulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqLimits;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;

/** Limits the kernel here cannot show without CAP_SYS_RESOURCE or writing /proc/sys. */
class EmulatedLimitsTest {
    private static final Credentials USER = Credentials.unprivileged(500, 1000, 1000);
    private static final Credentials RESOURCEFUL = new Credentials(501, 1001, 1001, 022, true, false, false);

    private static void assertErrno(Errno errno, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MqException.class, e -> assertThat(e.errno()).isEqualTo(errno));
    }

    private static EmulatedBackend as(MqLimits limits, Credentials c) {
        return new EmulatedBackend(limits).asProcess(c);
    }

    @Test
    void aRaisedMsgMaxAllowsTheHardMaximumDepthInReceiveOrder() throws MqException {
        MqLimits big = MqLimits.LINUX_DEFAULTS.withMsgMax(Mq.HARD_MSGMAX).withRlimitMsgqueue(Long.MAX_VALUE / 4);
        EmulatedBackend b = as(big, USER);
        int depth = (int) Mq.HARD_MSGMAX;
        try (MqQueue q = b.open("/deep", Mq.O_CREAT | Mq.O_RDWR | Mq.O_NONBLOCK, 0600, MqAttributes.of(depth, 64))) {
            for (int i = 0; i < depth; i++) {
                q.send(new byte[] {(byte) i, (byte) (i >> 8)}, i % 7);
            }
            assertErrno(Errno.EAGAIN, () -> q.send(new byte[1], 0));
            assertThat(q.getAttributes().currentMessages()).isEqualTo(depth);
            int lastPrio = Integer.MAX_VALUE;
            int lastSeq = -1;
            for (int i = 0; i < depth; i++) {
                MqMessage m = q.receive();
                int seq = (m.body()[0] & 0xff) | (m.body()[1] & 0xff) << 8;
                if (m.priority() != lastPrio) {
                    assertThat(m.priority()).isLessThan(lastPrio);
                    lastPrio = m.priority();
                } else {
                    assertThat(seq).isGreaterThan(lastSeq);
                }
                lastSeq = seq;
            }
            assertErrno(Errno.EAGAIN, q::receive);
        }
    }

    @Test
    void capSysResourceBypassesMsgMaxAndQueuesMaxButNotTheHardCapsOrTheRlimit() throws MqException {
        MqLimits tight = MqLimits.LINUX_DEFAULTS.withQueuesMax(0);
        assertErrno(Errno.ENOSPC, () -> as(tight, USER).open("/a", Mq.O_CREAT | Mq.O_RDWR, 0600, null));
        EmulatedBackend cap = as(tight, RESOURCEFUL);
        cap.open("/a", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(11, 100)).close();
        assertErrno(Errno.EINVAL,
                () -> cap.open("/b", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(Mq.HARD_MSGMAX + 1, 1)));
        assertErrno(Errno.EINVAL,
                () -> cap.open("/b", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(1, Mq.HARD_MSGSIZEMAX + 1)));
        assertErrno(Errno.EMFILE,
                () -> cap.open("/b", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(Mq.HARD_MSGMAX, 8192)));
    }

    @Test
    void enospcComesBeforeAttributeValidationAndEinvalBeforeTheRlimit() {
        EmulatedBackend full = as(MqLimits.LINUX_DEFAULTS.withQueuesMax(0), USER);
        assertErrno(Errno.ENOSPC, () -> full.open("/x", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(0, 0)));
        EmulatedBackend poor = as(MqLimits.LINUX_DEFAULTS.withRlimitMsgqueue(0), USER);
        assertErrno(Errno.EINVAL, () -> poor.open("/x", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(0, 1)));
        assertErrno(Errno.EINVAL, () -> poor.open("/x", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(11, 1)));
        assertErrno(Errno.EMFILE, () -> poor.open("/x", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(1, 1)));
    }

    @Test
    void theChargeFollowsTheFormulaAndIsReleasedOnlyAfterUnlinkAndLastClose() throws MqException {
        long[][] cases = {{1, 1, 97}, {2, 1, 194}, {1, 100, 196}, {3, 100, 588}, {10, 1, 970}, {5, 128, 1120},
            {10, 8192, 82880}};
        for (long[] c : cases) {
            EmulatedBackend exact = as(MqLimits.LINUX_DEFAULTS.withRlimitMsgqueue(c[2]), USER);
            exact.open("/fits", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(c[0], c[1])).close();
            EmulatedBackend oneShort = as(MqLimits.LINUX_DEFAULTS.withRlimitMsgqueue(c[2] - 1), USER);
            assertErrno(Errno.EMFILE,
                    () -> oneShort.open("/fits", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(c[0], c[1])));
        }

        EmulatedBackend b = as(MqLimits.LINUX_DEFAULTS, USER);
        for (int i = 0; i < 9; i++) {
            b.open("/q" + i, Mq.O_CREAT | Mq.O_RDWR, 0600, null).close();
        }
        assertThat(b.chargedBytes(USER.uid())).isEqualTo(9 * 82880L);
        assertErrno(Errno.EMFILE, () -> b.open("/q9", Mq.O_CREAT | Mq.O_RDWR, 0600, null));

        MqQueue held = b.open("/q0", Mq.O_RDWR);
        b.unlink("/q0");
        assertErrno(Errno.EMFILE, () -> b.open("/q9", Mq.O_CREAT | Mq.O_RDWR, 0600, null));
        assertThat(b.queueCount()).isEqualTo(9);
        held.close();
        assertThat(b.queueCount()).isEqualTo(8);
        b.open("/q9", Mq.O_CREAT | Mq.O_RDWR, 0600, null).close();
        // another user has a budget of their own
        as(MqLimits.LINUX_DEFAULTS, RESOURCEFUL).open("/other", Mq.O_CREAT | Mq.O_RDWR, 0600, null).close();
    }
}
