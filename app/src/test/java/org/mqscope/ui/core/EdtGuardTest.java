package org.mqscope.ui.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqQueue;

class EdtGuardTest {
    private final MqBackend raw = MqBackends.emulated();

    @AfterEach
    void close() {
        raw.close();
    }

    @Test
    void aCallOnTheEdtFailsAndIsRemembered_offTheEdtItPassesThrough() throws Exception {
        EdtGuard guard = new EdtGuard();
        MqBackend b = guard.wrap(raw);
        MqQueue q = b.open("/edt-guard-house", Mq.O_CREAT | Mq.O_RDWR | Mq.O_NONBLOCK, 0600, MqAttributes.of(2, 16));
        q.send(new byte[] {1}, 0);
        assertThat(q.getAttributes().currentMessages()).isEqualTo(1);
        assertThat(guard.violations()).isEmpty();

        Edt.run(() -> {
            assertThatThrownBy(b::list).isInstanceOf(AssertionError.class).hasMessageContaining("MqBackend.list");
            assertThatThrownBy(q::snapshot).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("MqQueue.snapshot");
        });
        assertThat(guard.violations()).containsExactly("MqBackend.list", "MqQueue.snapshot");
        q.close();

        MqQueue blocking = b.open("/edt-guard-house", Mq.O_RDWR);
        blocking.timedSend(new byte[] {2}, 0, java.time.Instant.now().plusSeconds(1)); // a deadline: fine
        assertThatThrownBy(blocking::receive).isInstanceOf(AssertionError.class)
                .hasMessageContaining("without a deadline");
        blocking.close();
        raw.unlink("/edt-guard-house");
    }
}
