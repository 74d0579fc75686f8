package org.mqscope.mq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** mq_getattr / mq_setattr (§10): only O_NONBLOCK counts, it belongs to the open description, EINVAL first. */
abstract class SetattrContract extends MqContract {

    @Test
    void setattrReturnsTheOldAttributesAndChangesOnlyTheFlag() throws MqException {
        try (MqQueue q = create()) {
            q.send(bytes("x"), 0);
            MqAttributes old = q.setAttributes(new MqAttributes(Mq.O_NONBLOCK, 99, 99, 99));
            assertThat(old).isEqualTo(new MqAttributes(0, SMALL.maxMessages(), SMALL.messageSize(), 1));
            assertThat(q.getAttributes())
                    .isEqualTo(new MqAttributes(Mq.O_NONBLOCK, SMALL.maxMessages(), SMALL.messageSize(), 1));
            assertThat(q.setAttributes(MqAttributes.flags(0)).flags()).isEqualTo(Mq.O_NONBLOCK);
            assertThat(q.getAttributes().flags()).isZero();
        }
    }

    @Test
    void anyOtherFlagBitIsEinvalBeforeEbadfAndChangesNothing() throws MqException {
        MqQueue q = create();
        for (long flags : new long[] {Mq.O_NONBLOCK | 1, Mq.O_RDWR, Mq.O_CREAT, Mq.O_NONBLOCK | Mq.O_EXCL,
                1L << 40, -1}) {
            assertThat(errnoOf(() -> q.setAttributes(MqAttributes.flags(flags)))).as("flags %x", flags)
                    .isEqualTo(Errno.EINVAL);
        }
        assertThat(q.getAttributes().flags()).isZero();
        q.close();
        assertThat(errnoOf(() -> q.setAttributes(MqAttributes.flags(Mq.O_NONBLOCK | 1)))).isEqualTo(Errno.EINVAL);
        assertThat(errnoOf(() -> q.setAttributes(MqAttributes.flags(Mq.O_NONBLOCK)))).isEqualTo(Errno.EBADF);
        assertThat(errnoOf(() -> q.setAttributes(MqAttributes.flags(0)))).isEqualTo(Errno.EBADF);
    }

    @Test
    void theFlagDecidesBetweenEagainAndWaiting() throws MqException {
        try (MqQueue q = create()) {
            q.setAttributes(MqAttributes.flags(Mq.O_NONBLOCK));
            assertThat(errnoOf(() -> q.timedReceive(past()))).isEqualTo(Errno.EAGAIN);
            q.setAttributes(MqAttributes.flags(0));
            assertThat(errnoOf(() -> q.timedReceive(past()))).isEqualTo(Errno.ETIMEDOUT);
        }
    }

    @Test
    void theFlagBelongsToTheOpenDescriptionNotToTheQueue() throws MqException {
        try (MqQueue a = create(); MqQueue b = reopen(a, Mq.O_RDWR)) {
            a.setAttributes(MqAttributes.flags(Mq.O_NONBLOCK));
            assertThat(b.getAttributes().flags()).isZero();
            assertThat(errnoOf(() -> a.timedReceive(past()))).isEqualTo(Errno.EAGAIN);
            assertThat(errnoOf(() -> b.timedReceive(past()))).isEqualTo(Errno.ETIMEDOUT);
            try (MqQueue c = reopen(a, Mq.O_RDWR | Mq.O_NONBLOCK)) {
                c.setAttributes(MqAttributes.flags(0));
                assertThat(a.getAttributes().flags()).isEqualTo(Mq.O_NONBLOCK);
            }
        }
    }

    @Test
    void anyDescriptorMayGetAndSetWhateverItsAccessMode() throws MqException {
        try (MqQueue writer = create(Mq.O_WRONLY); MqQueue reader = reopen(writer, Mq.O_RDONLY)) {
            writer.send(bytes("x"), 0);
            assertThat(writer.setAttributes(MqAttributes.flags(Mq.O_NONBLOCK)).currentMessages()).isEqualTo(1);
            assertThat(reader.setAttributes(MqAttributes.flags(Mq.O_NONBLOCK)).currentMessages()).isEqualTo(1);
            assertThat(writer.getAttributes().flags()).isEqualTo(Mq.O_NONBLOCK);
        }
    }
}
