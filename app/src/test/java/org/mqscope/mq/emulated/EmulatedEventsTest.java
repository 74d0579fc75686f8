package org.mqscope.mq.emulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mqscope.mq.Actor;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.Notification;
import org.mqscope.mq.QueueEvent;
import org.mqscope.mq.QueueEvent.Kind;
import org.mqscope.mq.QueueEventSource.Subscription;

/** The emulation reports what it did, in the order it did it, under the actors' names; nothing once unsubscribed. */
class EmulatedEventsTest {
    private final EmulatedBackend backend = new EmulatedBackend();
    private final BlockingQueue<QueueEvent> events = new LinkedBlockingQueue<>();

    @AfterEach
    void close() {
        backend.close();
    }

    @Test
    @Timeout(30)
    void aScriptedScenarioIsReportedInOrder() throws Exception {
        Subscription s = backend.subscribe(events::add);
        MqQueue q;
        try (Actor.Scope a = Actor.named("consumer")) {
            q = backend.open("/tl-class", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(1, 16));
            q.notify(Notification.none());
            q.send(bytes("a"), 5); // empty → non-empty: the registration fires
        }
        CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
            try (Actor.Scope b = Actor.named("producer B")) {
                q.send(bytes("b"), 2); // full: blocks until the consumer takes "a"
            } catch (MqException e) {
                throw new IllegalStateException(e);
            }
        });
        List<QueueEvent> seen = new ArrayList<>();
        do {
            seen.add(events.poll(10, TimeUnit.SECONDS));
        } while (seen.get(seen.size() - 1).kind() != Kind.BLOCKED);
        MqMessage got;
        try (Actor.Scope a = Actor.named("consumer")) {
            got = q.receive();
            producer.get(10, TimeUnit.SECONDS);
            q.setAttributes(MqAttributes.flags(Mq.O_NONBLOCK));
            q.receive();
            assertThatThrownBy(q::receive).isInstanceOf(MqException.class);
            q.close();
        }
        s.close();
        events.drainTo(seen);

        assertThat(got.body()).isEqualTo(bytes("a"));
        assertThat(seen).extracting(e -> e.actor() + ": " + e.summary()).containsExactly(
                "consumer: mq_open (O_RDWR|O_CREAT)",
                "consumer: mq_notify (registered)",
                "consumer: mq_send prio 5, 1 B",
                "consumer: notify fired (registration consumed)",
                "producer B: blocked in mq_send (queue full)",
                "consumer: mq_receive prio 5, 1 B",
                "producer B: woken: mq_send prio 2, 1 B (its message took the freed slot)",
                "consumer: mq_setattr (O_NONBLOCK on)",
                "consumer: mq_receive prio 2, 1 B",
                "consumer: mq_receive → EAGAIN (O_NONBLOCK)",
                "consumer: mq_close");
        assertThat(seen).extracting(QueueEvent::seq).isSorted().doesNotHaveDuplicates();
        assertThat(seen).allSatisfy(e -> {
            assertThat(e.queue()).isEqualTo("/tl-class");
            assertThat(e.pid()).isEqualTo(backend.credentials().pid());
        });
        QueueEvent woken = seen.get(6);
        assertThat(woken.matches(new MqMessage(bytes("b"), 2))).isTrue();
        assertThat(woken.matches(new MqMessage(bytes("c"), 2))).isFalse();
        assertThat(seen.get(9).errno()).isEqualTo(Errno.EAGAIN);
    }

    @Test
    void aPipelinedHandOffIsOneSendAndOneWakeUpAndNothingAfterUnsubscribing() throws Exception {
        MqQueue q = backend.open("/tl-class2", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(2, 16));
        Subscription s = backend.subscribe(events::add);
        CompletableFuture<MqMessage> receiver = CompletableFuture.supplyAsync(() -> {
            try (Actor.Scope r = Actor.named("reader")) {
                return q.receive();
            } catch (MqException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(events.poll(10, TimeUnit.SECONDS).summary()).isEqualTo("blocked in mq_receive (queue empty)");
        try (Actor.Scope w = Actor.named("writer")) {
            q.send(bytes("x"), 1);
        }
        assertThat(receiver.get(10, TimeUnit.SECONDS).body()).isEqualTo(bytes("x"));
        assertThat(events.poll(1, TimeUnit.SECONDS).summary()).isEqualTo("mq_send prio 1, 1 B (handed to a blocked "
                + "receiver)");
        QueueEvent woken = events.poll(1, TimeUnit.SECONDS);
        assertThat(woken.actor()).isEqualTo("reader");
        assertThat(woken.kind()).isEqualTo(Kind.WOKEN);

        s.close();
        q.send(bytes("y"), 1);
        q.receive();
        assertThat(events).isEmpty();
        assertThat(backend.eventListenerFailures()).isZero();
    }

    @Test
    void aListenerThatThrowsIsCountedAndTheCallStillSucceeds() throws Exception {
        MqQueue q = backend.open("/tl-class3", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(2, 16));
        try (Subscription s = backend.subscribe(e -> {
            throw new IllegalStateException("broken listener");
        })) {
            q.send(bytes("z"), 1);
        }
        assertThat(q.receive().body()).isEqualTo(bytes("z"));
        assertThat(backend.eventListenerFailures()).isEqualTo(1);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
