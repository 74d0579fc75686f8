package org.mqscope.mq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/**
 * mq_notify within one process (§9): one registration per queue, EBUSY even for its owner, one-shot, fired only
 * by an insert that makes the queue non-empty, removed by NULL or by any close in the owner process. Firing tests
 * use SIGEV_NONE, SIGEV_THREAD or signal 0, so that no real signal reaches the test JVM.
 * <p>
 * The tests watch their own registrations through {@link MqQueue#readStatus()} (a read on a descriptor they keep
 * open). Reading /dev/mqueue/&lt;name&gt; by hand would open and close the queue's file, and that close removes
 * the reading process's registration; the backends' {@link MqBackend#statusLine} and {@link MqBackend#list} read
 * through a descriptor they already hold instead (see
 * {@link #readingTheStatusLineThroughTheBackendKeepsItsOwnRegistration}).
 */
abstract class NotifyContract extends MqContract {
    /** SIGWINCH: ignored by default, in case a registration with it ever fired. Never fired on purpose. */
    static final int SIGWINCH = 28;

    @Test
    void aRegistrationShowsInTheStatusLineAndNullRemovesIt() throws MqException {
        try (MqQueue q = create()) {
            q.notify(Notification.none());
            assertThat(q.readStatus()).isEqualTo(statusText(0, Notification.SIGEV_NONE, 0, ownPid()));
            q.notify(null);
            assertThat(q.readStatus()).isEqualTo(statusText(0, 0, 0, 0));
            q.notify(null); // nothing registered: still fine
        }
    }

    @Test
    void aSecondRegistrationIsEbusyEvenForTheSameProcess() throws MqException {
        try (MqQueue q = create(); MqQueue other = reopen(q, Mq.O_RDWR)) {
            q.notify(Notification.none());
            assertThat(errnoOf(() -> q.notify(Notification.none()))).isEqualTo(Errno.EBUSY);
            assertThat(errnoOf(() -> other.notify(Notification.signal(0)))).isEqualTo(Errno.EBUSY);
            assertThat(q.readStatus()).isEqualTo(statusText(0, Notification.SIGEV_NONE, 0, ownPid()));
        }
    }

    @Test
    void itFiresOnceWhenAMessageArrivesOnTheEmptyQueue() throws Exception {
        try (MqQueue q = create()) {
            CountDownLatch fired = new CountDownLatch(1);
            AtomicInteger runs = new AtomicInteger();
            AtomicReference<Thread> on = new AtomicReference<>();
            q.notify(Notification.callback(() -> {
                on.set(Thread.currentThread());
                runs.incrementAndGet();
                fired.countDown();
            }));
            assertThat(q.readStatus()).isEqualTo(statusText(0, Notification.SIGEV_THREAD, 0, ownPid()));
            q.send(bytes("one"), 0);
            assertThat(fired.await(10, TimeUnit.SECONDS)).as("callback ran").isTrue();
            assertThat(on.get()).isNotSameAs(Thread.currentThread());
            assertThat(q.readStatus()).as("one-shot").isEqualTo(statusText(3, 0, 0, 0));

            take(q);
            q.send(bytes("two"), 0);
            q.notify(Notification.none()); // registration gone, so no EBUSY
            assertThat(runs.get()).isEqualTo(1);
        }
    }

    @Test
    void onlyTheInsertIntoAnEmptyQueueFires() throws MqException {
        try (MqQueue q = create()) {
            q.send(bytes("a"), 0);
            q.notify(Notification.none()); // may register on a non-empty queue
            q.send(bytes("b"), 0);
            assertThat(q.readStatus()).isEqualTo(statusText(2, Notification.SIGEV_NONE, 0, ownPid()));
            take(q);
            take(q);
            assertThat(q.readStatus()).as("draining does not fire")
                    .isEqualTo(statusText(0, Notification.SIGEV_NONE, 0, ownPid()));
            q.send(bytes("c"), 0);
            assertThat(q.readStatus()).isEqualTo(statusText(1, 0, 0, 0));
        }
    }

    @Test
    void signalZeroIsAcceptedAndConsumedWithoutASignal() throws MqException {
        try (MqQueue q = create()) {
            q.notify(Notification.signal(0));
            assertThat(q.readStatus()).isEqualTo(statusText(0, Notification.SIGEV_SIGNAL, 0, ownPid()));
            assertThat(errnoOf(() -> q.notify(Notification.none()))).isEqualTo(Errno.EBUSY);
            q.send(bytes("x"), 0);
            assertThat(q.readStatus()).isEqualTo(statusText(1, 0, 0, 0));
        }
    }

    @Test
    void aSignalRegistrationShowsItsSignalNumberOrIsRefusedWhereTheSignalWouldHitTheJvm() throws MqException {
        try (MqQueue q = create()) {
            if (!fixture().deliversRealSignals()) {
                // The kernel backend's process is the JVM: a real signal would reach it, so it refuses first.
                assertThat(errnoOf(() -> q.notify(Notification.signal(SIGWINCH)))).isEqualTo(Errno.EOPNOTSUPP);
                assertThat(errnoOf(() -> q.notify(Notification.signal(Notification.SIGRTMAX))))
                        .isEqualTo(Errno.EOPNOTSUPP);
                assertThat(q.readStatus()).as("nothing registered").isEqualTo(statusText(0, 0, 0, 0));
                return;
            }
            q.notify(Notification.signal(SIGWINCH));
            assertThat(q.readStatus()).isEqualTo(statusText(0, 0, SIGWINCH, ownPid()));
            q.notify(null);
            q.notify(Notification.signal(Notification.SIGRTMAX)); // 64 is the last valid signal
            assertThat(q.readStatus()).isEqualTo(statusText(0, 0, Notification.SIGRTMAX, ownPid()));
            q.notify(null);
            assertThat(q.readStatus()).isEqualTo(statusText(0, 0, 0, 0));
        }
    }

    @Test
    void readingTheStatusLineThroughTheBackendKeepsItsOwnRegistration() throws MqException {
        try (MqQueue q = create()) {
            q.notify(Notification.none());
            String registered = statusText(0, Notification.SIGEV_NONE, 0, ownPid());
            assertThat(q.readStatus()).isEqualTo(registered);
            assertThat(q.readStatus()).as("a read on the descriptor changes nothing").isEqualTo(registered);
            // An inspector must not disturb what it inspects: the kernel adapter reads through the descriptor it
            // holds rather than opening (and closing) /dev/mqueue/<name>, whose close would remove the registration.
            assertThat(mq.statusLine(q.name())).isEqualTo(registered);
            assertThat(mq.list()).filteredOn(i -> i.name().equals(q.name()))
                    .extracting(QueueInfo::notifyPid).containsExactly(ownPid());
            assertThat(q.readStatus()).isEqualTo(registered);
        }
    }

    @Test
    void unknownMethodsAndSignalsAboveSixtyFourAreEinval() throws MqException {
        try (MqQueue q = create()) {
            int sigevThreadId = 4; // valid for timers, not for mq_notify
            for (Notification n : new Notification[] {Notification.raw(99, 0), Notification.raw(sigevThreadId, 0),
                    Notification.raw(-1, 0), Notification.signal(Notification.SIGRTMAX + 1),
                    Notification.signal(-1)}) {
                assertThat(errnoOf(() -> q.notify(n))).as("%s", n).isEqualTo(Errno.EINVAL);
            }
            assertThat(q.readStatus()).isEqualTo(statusText(0, 0, 0, 0));
        }
    }

    @Test
    void anyDescriptorMayRegisterWhateverItsAccessMode() throws MqException {
        try (MqQueue writer = create(Mq.O_WRONLY); MqQueue reader = reopen(writer, Mq.O_RDONLY)) {
            writer.notify(Notification.none());
            assertThat(reader.readStatus()).isEqualTo(statusText(0, Notification.SIGEV_NONE, 0, ownPid()));
            writer.send(bytes("x"), 0);
            assertThat(reader.readStatus()).isEqualTo(statusText(1, 0, 0, 0));
        }
    }

    @Test
    void anyCloseOfTheQueueByTheOwnerProcessRemovesTheRegistration() throws MqException {
        MqQueue unrelated = create();
        try (MqQueue q = create()) {
            MqQueue second = reopen(q, Mq.O_RDONLY);
            q.notify(Notification.none());
            unrelated.close();
            assertThat(q.readStatus()).as("closing another queue changes nothing")
                    .isEqualTo(statusText(0, Notification.SIGEV_NONE, 0, ownPid()));
            second.close();
            assertThat(q.readStatus()).isEqualTo(statusText(0, 0, 0, 0));
            q.notify(Notification.none());
        }
    }

    @Test
    void closingTheRegisteringDescriptorRemovesTheRegistration() throws MqException {
        try (MqQueue keep = create()) {
            MqQueue q = reopen(keep, Mq.O_RDWR);
            q.notify(Notification.callback(() -> { }));
            q.close();
            assertThat(keep.readStatus()).isEqualTo(statusText(0, 0, 0, 0));
            keep.notify(Notification.none());
        }
    }

    @Test
    void anUnlinkedButOpenQueueStillNotifies() throws MqException {
        try (MqQueue q = create()) {
            q.notify(Notification.none());
            mq.unlink(q.name());
            assertThat(errnoOf(() -> q.notify(Notification.none()))).isEqualTo(Errno.EBUSY);
            q.send(bytes("x"), 0);
            assertThat(q.readStatus()).isEqualTo(statusText(1, 0, 0, 0));
            q.notify(Notification.none());
            assertThat(q.readStatus()).isEqualTo(statusText(1, Notification.SIGEV_NONE, 0, ownPid()));
        }
    }
}
