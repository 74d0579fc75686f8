package org.mqscope.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ReadOnlyBackendTest {
    private final MqBackend writable = MqBackends.emulated();
    private final ReadOnlyBackend readOnly = new ReadOnlyBackend(writable);

    private static void refused(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MqException.class, e -> {
            assertThat(e.errno()).isEqualTo(Errno.EROFS);
            assertThat(e.detail()).startsWith("read-only mode: ");
        });
    }

    @Test
    void refusesEveryChangeAndEveryWritableDescriptor() throws MqException {
        try (MqQueue w = writable.open("/q", Mq.O_CREAT | Mq.O_RDWR, 0600, null)) {
            w.send(new byte[] {1}, 3);
        }
        refused(() -> readOnly.open("/new", Mq.O_CREAT | Mq.O_RDONLY, 0600, null));
        refused(() -> readOnly.open("/q", Mq.O_WRONLY));
        refused(() -> readOnly.open("/q", Mq.O_RDWR));
        refused(() -> readOnly.unlink("/q"));
        writable.open("/other", Mq.O_CREAT | Mq.O_RDWR, 0600, null).close();
        refused(() -> readOnly.moveSelected("/q", "/other",
                java.util.List.of(MessageRef.of(0, new MqMessage(new byte[] {1}, 3)))));
        try (MqQueue r = readOnly.open("/q", Mq.O_RDONLY | Mq.O_NONBLOCK)) {
            refused(r::receive);
            refused(() -> r.timedReceive(null));
            refused(() -> r.notify(Notification.none()));
            assertThatThrownBy(() -> r.send(new byte[1], 0)).isInstanceOfSatisfying(MqException.class,
                    e -> assertThat(e.errno()).isEqualTo(Errno.EBADF));
            // looking is allowed, and an exact peek is looking
            assertThat(r.peekSupport().available()).isTrue();
            assertThat(r.snapshot().messages()).containsExactly(new MqMessage(new byte[] {1}, 3));
            assertThat(r.peek(0).priority()).isEqualTo(3);
            assertThat(r.getAttributes().currentMessages()).isEqualTo(1);
        }
        assertThat(readOnly.list()).extracting(QueueInfo::name).containsExactly("/other", "/q");
        assertThat(readOnly.statusLine("/q")).startsWith("QSIZE:1 ");
    }
}
