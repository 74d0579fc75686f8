package org.mqscope.monitor.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.Notification;
import org.mqscope.mq.emulated.Credentials;
import org.mqscope.mq.emulated.EmulatedBackend;

/** The emulation's users come from its own books: descriptors per emulated process, waiters in wake-up order. */
@Timeout(30)
class EmulatedUsageTest {
    private static final MqAttributes TINY = new MqAttributes(0, 1, 8, 0);

    @Test
    void descriptorsWaitersAndTheNotifyOwnerOfTheEmulation() throws Exception {
        try (EmulatedBackend emu = new EmulatedBackend()) {
            EmulatedBackend other = emu.asProcess(Credentials.unprivileged(4242, 1000, 1000));
            ProcessScanner scanner = ProcessScanner.forBackend(emu);
            Instant before = Instant.now();
            MqQueue rw = emu.open("/q", Mq.O_RDWR | Mq.O_CREAT, 0666, TINY);
            MqQueue rn = other.open("/q", Mq.O_RDONLY | Mq.O_NONBLOCK); // 0666 minus the umask
            rw.notify(Notification.none());

            QueueUsage u = scanner.scan("/q");
            assertThat(u.source()).isEqualTo(WaiterSource.EMULATION);
            assertThat(u.of(Role.HOLDER)).extracting(h -> h.pid() + " " + h.uid() + " " + h.mode().text())
                    .containsExactlyInAnyOrder(ProcessHandle.current().pid() + " " + emu.credentials().uid() + " rw",
                            "4242 1000 r,nonblock");
            assertThat(u.notifyOwner().pid()).isEqualTo(emu.credentials().pid());
            assertThat(u.lastActivity()).isBetween(before.minusSeconds(1), Instant.now());

            CompletableFuture<MqMessage> receiver = CompletableFuture.supplyAsync(() -> {
                try (MqQueue r = emu.open("/q", Mq.O_RDONLY)) {
                    return r.timedReceive(Instant.now().plusSeconds(20));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            QueueUsage waiting = scanner.scan("/q");
            while (waiting.waiters() == 0) {
                Thread.onSpinWait(); // the receiver enters the wait on its own thread: nothing to wait on but this
                waiting = scanner.scan("/q");
            }
            QueueUser r = waiting.of(Role.BLOCKED_RECEIVE).get(0);
            assertThat(r.timed()).isTrue();
            assertThat(r.size()).isEqualTo(8);
            assertThat(r.command()).startsWith("thread ");

            rw.send(new byte[] {7}, 3);
            assertThat(receiver.get(10, TimeUnit.SECONDS).priority()).isEqualTo(3);
            rn.close();
            QueueUsage after = scanner.scan("/q");
            assertThat(after.waiters()).isZero();
            assertThat(after.of(Role.HOLDER)).extracting(QueueUser::pid)
                    .containsExactly((int) ProcessHandle.current().pid());
            rw.close();
        }
    }
}
