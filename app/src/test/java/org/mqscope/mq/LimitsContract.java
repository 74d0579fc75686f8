package org.mqscope.mq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * queues_max (ENOSPC) and RLIMIT_MSGQUEUE (EMFILE) (§4.2 step 6, §5, §11). Each test runs in a namespace of its
 * own, as a user of its own, so that neither the machine's queues nor other users' charges count. The names are
 * private to that namespace.
 */
abstract class LimitsContract extends MqContract {
    static final int CREATE = Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR;
    static final MqLimits DEFAULTS = MqLimits.LINUX_DEFAULTS;

    OtherProcess isolated(MqLimits limits) {
        int uid = freshUid();
        return isolatedProcess(uid, uid, limits);
    }

    @Test
    void queuesMaxCountsAnUnlinkedQueueUntilItsLastClose() {
        OtherProcess p = isolated(DEFAULTS.withQueuesMax(1));
        assertThat(p.open("/a", CREATE, 0600, SMALL)).isEqualTo("OK");
        assertThat(p.open("/b", CREATE, 0600, SMALL)).isEqualTo("ENOSPC");
        assertThat(p.open("/b", CREATE, 0600, MqAttributes.of(0, 0))).as("ENOSPC before EINVAL").isEqualTo("ENOSPC");
        assertThat(p.open("/a", Mq.O_RDWR, 0, null)).as("opening is not creating").isEqualTo("OK");
        assertThat(p.open("/a", Mq.O_RDWR | Mq.O_CREAT, 0600, SMALL)).isEqualTo("OK");
        assertThat(p.unlink("/a")).isEqualTo("OK");
        assertThat(p.open("/b", CREATE, 0600, SMALL)).as("unlinked but open").isEqualTo("ENOSPC");
        assertThat(p.closeQueue("/a")).isEqualTo("OK");
        assertThat(p.closeQueue("/a")).isEqualTo("OK");
        assertThat(p.open("/b", CREATE, 0600, SMALL)).as("one descriptor left").isEqualTo("ENOSPC");
        assertThat(p.closeQueue("/a")).isEqualTo("OK");
        assertThat(p.open("/b", CREATE, 0600, SMALL)).isEqualTo("OK");
    }

    @Test
    void queuesMaxZeroRefusesEveryCreateAndComesBeforeTheRlimit() {
        OtherProcess p = isolated(DEFAULTS.withQueuesMax(0).withRlimitMsgqueue(0));
        assertThat(p.open("/a", CREATE, 0600, SMALL)).isEqualTo("ENOSPC");
        assertThat(p.open("/a", CREATE, 0600, null)).isEqualTo("ENOSPC");
        assertThat(p.open("/a", Mq.O_RDWR, 0, null)).as("nothing was created").isEqualTo("ENOENT");
    }

    @Test
    void theRlimitIsCheckedAfterTheAttributes() {
        OtherProcess p = isolated(DEFAULTS.withRlimitMsgqueue(0));
        assertThat(p.open("/a", CREATE, 0600, MqAttributes.of(0, 1))).isEqualTo("EINVAL");
        assertThat(p.open("/a", CREATE, 0600, MqAttributes.of(DEFAULTS.msgMax() + 1, 1))).isEqualTo("EINVAL");
        assertThat(p.open("/a", CREATE, 0600, MqAttributes.of(1, DEFAULTS.msgsizeMax() + 1))).isEqualTo("EINVAL");
        assertThat(p.open("/a", CREATE, 0600, MqAttributes.of(1, 1))).isEqualTo("EMFILE");
        assertThat(p.open("/a", CREATE, 0600, null)).as("defaults are charged too").isEqualTo("EMFILE");
    }

    @Test
    void theChargeFollowsTheFormulaToTheByte() {
        long[][] measured = {{1, 1, 97}, {2, 1, 194}, {1, 100, 196}, {3, 100, 588}, {10, 1, 970}, {5, 128, 1120},
            {10, 8192, 82880}};
        long rlimit = DEFAULTS.rlimitMsgqueue();
        // a one-message filler queue takes all of the rlimit but the charge under test (its own charge is size + 96)
        OtherProcess p = isolated(DEFAULTS.withMsgsizeMax(Mq.HARD_MSGSIZEMAX));
        for (long[] c : measured) {
            MqAttributes attr = MqAttributes.of(c[0], c[1]);
            assertThat(MqLimits.charge(c[0], c[1])).as("charge(%d, %d)", c[0], c[1]).isEqualTo(c[2]);
            long fillerSize = rlimit - c[2] - MqLimits.charge(1, 0);

            assertThat(p.open("/filler", CREATE, 0600, MqAttributes.of(1, fillerSize))).isEqualTo("OK");
            assertThat(p.open("/q", CREATE, 0600, attr)).as("%s fits exactly", attr).isEqualTo("OK");
            assertThat(p.closeQueue("/q") + p.unlink("/q") + p.closeQueue("/filler") + p.unlink("/filler"))
                    .isEqualTo("OKOKOKOK");

            assertThat(p.open("/filler", CREATE, 0600, MqAttributes.of(1, fillerSize + 1))).isEqualTo("OK");
            assertThat(p.open("/q", CREATE, 0600, attr)).as("%s one byte over", attr).isEqualTo("EMFILE");
            assertThat(p.closeQueue("/filler") + p.unlink("/filler")).isEqualTo("OKOK");
        }
    }

    @Test
    void nineDefaultQueuesFitTheDefaultRlimitAndTheTenthIsEmfile() {
        OtherProcess p = isolated(DEFAULTS);
        for (int i = 1; i <= 9; i++) {
            assertThat(p.open("/d" + i, CREATE, 0600, null)).as("queue %d", i).isEqualTo("OK");
        }
        assertThat(p.open("/d10", CREATE, 0600, null)).isEqualTo("EMFILE");
        assertThat(p.open("/small", CREATE, 0600, MqAttributes.of(1, 1))).as("73280 bytes are left")
                .isEqualTo("OK");
    }

    @Test
    void theChargeIsHeldUntilUnlinkAndLastClose() {
        OtherProcess p = isolated(DEFAULTS.withRlimitMsgqueue(MqLimits.charge(4, 64)));
        assertThat(p.open("/a", CREATE, 0600, MqAttributes.of(4, 64))).isEqualTo("OK");
        assertThat(p.open("/b", CREATE, 0600, MqAttributes.of(1, 1))).isEqualTo("EMFILE");
        assertThat(p.closeQueue("/a")).isEqualTo("OK");
        assertThat(p.open("/b", CREATE, 0600, MqAttributes.of(1, 1))).as("closed, not unlinked").isEqualTo("EMFILE");
        assertThat(p.open("/a", Mq.O_RDWR, 0, null)).isEqualTo("OK");
        assertThat(p.unlink("/a")).isEqualTo("OK");
        assertThat(p.open("/b", CREATE, 0600, MqAttributes.of(1, 1))).as("unlinked, still open").isEqualTo("EMFILE");
        assertThat(p.closeQueue("/a")).isEqualTo("OK");
        assertThat(p.open("/b", CREATE, 0600, MqAttributes.of(4, 64))).isEqualTo("OK");
    }

    @Test
    void msgMaxAndTheDefaultsComeFromTheNamespace() {
        MqLimits limits = new MqLimits(20, 256, 30, 128, 256, DEFAULTS.rlimitMsgqueue());
        OtherProcess p = isolated(limits);
        assertThat(p.open("/max", CREATE, 0600, MqAttributes.of(20, 256))).isEqualTo("OK");
        assertThat(p.open("/x", CREATE, 0600, MqAttributes.of(21, 1))).isEqualTo("EINVAL");
        assertThat(p.open("/x", CREATE, 0600, MqAttributes.of(1, 257))).isEqualTo("EINVAL");

        // without attributes: min(msg_max, msg_default) = 20 messages of min(msgsize_max, msgsize_default) = 128
        assertThat(p.open("/d", CREATE | Mq.O_NONBLOCK, 0600, null)).isEqualTo("OK");
        assertThat(p.send("/d", "x".repeat(129), 0)).isEqualTo("EMSGSIZE");
        for (int i = 0; i < 20; i++) {
            assertThat(p.send("/d", "x".repeat(128), 0)).as("message %d", i).isEqualTo("OK");
        }
        assertThat(p.send("/d", "x", 0)).isEqualTo("EAGAIN");
    }
}
