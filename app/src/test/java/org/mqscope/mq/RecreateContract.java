package org.mqscope.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Recreate with new attributes: refusals before any change, the same mode, the messages back in receive order. */
abstract class RecreateContract extends MqContract {

    private MqQueue filledQueue() throws MqException {
        MqQueue q = mq.open(newName(), RDWR_CREATE | Mq.O_NONBLOCK, 0640, MqAttributes.of(5, 64));
        q.send(bytes("short"), 1);
        q.send(bytes("a somewhat longer message"), 7);
        q.send(bytes("mid"), 1);
        return q;
    }

    @Test
    void recreatesWithTheNewCapacityKeepingModeAndOrder() throws MqException {
        try (MqQueue old = filledQueue()) {
            int mode = info(old.name()).mode();
            RecreateResult r = mq.recreate(old.name(), MqAttributes.of(3, 32));
            assertThat(r.replayed()).isEqualTo(3);
            assertThat(r.before().maxMessages()).isEqualTo(5);
            assertThat(r.after().maxMessages()).isEqualTo(3);
            assertThat(r.after().messageSize()).isEqualTo(32);
            assertThat(r.after().currentMessages()).isEqualTo(3);
            assertThat(info(old.name()).mode()).isEqualTo(mode);
            assertThat(old.unlinked()).as("our old descriptor keeps the old, nameless queue").isTrue();
            try (MqQueue q = mq.open(old.name(), Mq.O_RDONLY | Mq.O_NONBLOCK)) {
                assertThat(q.getAttributes().maxMessages()).isEqualTo(3);
                assertThat(take(q)).isEqualTo("a somewhat longer message");
                assertThat(take(q)).isEqualTo("short");
                assertThat(take(q)).isEqualTo("mid");
            }
        }
    }

    @Test
    void refusesBeforeChangingAnythingWhenAMessageOrTheCountWouldNotFit() throws MqException {
        try (MqQueue q = filledQueue()) {
            String before = q.readStatus();
            assertThatThrownBy(() -> mq.recreate(q.name(), MqAttributes.of(5, 10)))
                    .isInstanceOfSatisfying(MqException.class, e -> {
                        assertThat(e.errno()).isEqualTo(Errno.EMSGSIZE);
                        assertThat(e.detail()).contains("25 bytes").contains("msgsize of 10");
                    });
            assertThatThrownBy(() -> mq.recreate(q.name(), MqAttributes.of(2, 64)))
                    .isInstanceOfSatisfying(MqException.class, e -> {
                        assertThat(e.errno()).isEqualTo(Errno.ENOSPC);
                        assertThat(e.detail()).contains("3 messages").contains("maxmsg of 2");
                    });
            assertThat(errnoOf(() -> mq.recreate(q.name(), MqAttributes.of(0, 64)))).isEqualTo(Errno.EINVAL);
            assertThat(q.unlinked()).isFalse();
            assertThat(q.readStatus()).isEqualTo(before);
            assertThat(take(q)).isEqualTo("a somewhat longer message");
        }
    }

    @Test
    void aNewCapacityTheKernelRefusesLeavesTheQueueAsItWas() throws MqException {
        long tooMany = mq.limits().msgMax() + 1;
        try (MqQueue q = filledQueue()) {
            assertThatThrownBy(() -> mq.recreate(q.name(), MqAttributes.of(tooMany, 64)))
                    .isInstanceOfSatisfying(MqException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
            try (MqQueue again = mq.open(q.name(), Mq.O_RDONLY | Mq.O_NONBLOCK)) {
                assertThat(again.getAttributes().maxMessages()).isEqualTo(5);
                assertThat(take(again)).isEqualTo("a somewhat longer message");
                assertThat(take(again)).isEqualTo("short");
                assertThat(take(again)).isEqualTo("mid");
            }
        }
    }

    @Test
    void aMissingQueueIsEnoent() {
        assertThat(errnoOf(() -> mq.recreate(newName(), MqAttributes.of(2, 16)))).isEqualTo(Errno.ENOENT);
    }
}
