package org.mqscope.mq.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.lang.ref.WeakReference;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqException;
import org.mqscope.mq.Notification;
import org.mqscope.mq.StatusLine;

/** mq_notify through glibc: the sigevent layout, SIGEV_THREAD's callback thread, and what is refused. */
class KernelNotifyTest extends KernelTestBase {

    private static StatusLine status(KernelQueue q) throws MqException {
        return StatusLine.parse(q.readStatus());
    }

    private static void assertErrno(Notification n, KernelQueue q, Errno errno) {
        assertThatThrownBy(() -> q.notify(n)).isInstanceOfSatisfying(MqException.class, e -> {
            assertThat(e.errno()).isEqualTo(errno);
            assertThat(e.operation()).isEqualTo("mq_notify");
        });
    }

    @Test
    void sigevThreadRunsTheCallbackOnANewNamedDaemonThread() throws Exception {
        try (KernelQueue q = createQueue()) {
            CompletableFuture<Thread> ran = new CompletableFuture<>();
            q.notify(Notification.callback(() -> ran.complete(Thread.currentThread())));
            assertThat(status(q)).isEqualTo(new StatusLine(0, Notification.SIGEV_THREAD, 0, (int) pid()));

            q.send(new byte[] {1}, 0);
            Thread thread = ran.get(10, TimeUnit.SECONDS);
            assertThat(thread).isNotSameAs(Thread.currentThread());
            assertThat(thread.isDaemon()).isTrue();
            assertThat(thread.getName()).isEqualTo(SigevThreadCallback.THREAD_NAME);
            // One-shot: consumed by firing.
            assertThat(status(q).notifyPid()).isZero();
            assertThat(SigevThreadCallback.isPending(q.notifyKey())).isFalse();
        }
    }

    @Test
    void callbackSurvivesGarbageCollectionWhileRegisteredAndIsFreedOnceTheRegistrationGoes() throws Exception {
        try (KernelQueue q = createQueue()) {
            // Only the registration holds the callback: the test keeps a weak reference, so a registry that let
            // it go would fail here, and one that never let go would fail below.
            CountDownLatch fired = new CountDownLatch(1);
            Runnable callback = fired::countDown;
            WeakReference<Runnable> kept = new WeakReference<>(callback);
            q.notify(Notification.callback(callback));
            callback = null;
            collectGarbage();
            assertThat(kept.get()).as("the callback while registered").isNotNull();
            q.send(new byte[] {1}, 0);
            assertThat(fired.await(10, TimeUnit.SECONDS)).isTrue();

            CountDownLatch never = new CountDownLatch(1);
            Runnable unused = never::countDown; // capturing: a lambda without captures is one cached instance
            WeakReference<Runnable> dropped = new WeakReference<>(unused);
            q.notify(Notification.callback(unused));
            unused = null;
            q.notify(null);
            for (int i = 0; i < 20 && dropped.get() != null; i++) {
                collectGarbage();
            }
            assertThat(dropped.get()).as("the callback of a removed registration is not kept").isNull();
        }
    }

    private static void collectGarbage() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
    }

    @Test
    void removingTheRegistrationForgetsTheCallback() throws Exception {
        try (KernelQueue q = createQueue()) {
            q.notify(Notification.callback(() -> { }));
            long key = q.notifyKey();
            assertThat(SigevThreadCallback.isPending(key)).isTrue();
            q.notify(null);
            assertThat(SigevThreadCallback.isPending(key)).isFalse();
            assertThat(status(q).notifyPid()).isZero();
            // Registering again works (no EBUSY): the kernel really dropped it.
            q.notify(Notification.none());
            assertThat(status(q).notifyMethod()).isEqualTo(Notification.SIGEV_NONE);
        }
    }

    @Test
    void closeForgetsTheCallback() throws Exception {
        KernelQueue q = createQueue();
        q.notify(Notification.callback(() -> { }));
        long key = q.notifyKey();
        q.close();
        assertThat(SigevThreadCallback.isPending(key)).isFalse();
    }

    @Test
    void sigeventFieldsReachTheKernel() throws Exception {
        try (KernelQueue q = createQueue()) {
            // sigev_notify at offset 12: SIGEV_NONE shows as NOTIFY:1.
            q.notify(Notification.none());
            assertThat(status(q)).isEqualTo(new StatusLine(0, Notification.SIGEV_NONE, 0, (int) pid()));
            q.notify(null);
            // sigev_signo at offset 8: 65 is read and refused by the kernel, before the registration check.
            assertErrno(Notification.signal(65), q, Errno.EINVAL);
            assertErrno(Notification.signal(-1), q, Errno.EINVAL);
            assertErrno(Notification.raw(99, 0), q, Errno.EINVAL);
            assertThat(status(q).notifyPid()).isZero();
        }
    }

    @Test
    void signalZeroIsRegisteredButRealSignalsAreRefused() throws Exception {
        try (KernelQueue q = createQueue()) {
            for (int signo : new int[] {1, 10, 64}) {
                assertThatThrownBy(() -> q.notify(Notification.signal(signo)))
                        .isInstanceOfSatisfying(MqException.class, e -> {
                            assertThat(e.errno()).isEqualTo(Errno.EOPNOTSUPP);
                            assertThat(e.detail()).contains("signal");
                        });
            }
            assertThat(status(q).notifyPid()).as("nothing registered").isZero();
            q.notify(Notification.signal(0));
            assertThat(status(q)).isEqualTo(new StatusLine(0, Notification.SIGEV_SIGNAL, 0, (int) pid()));
            assertErrno(Notification.none(), q, Errno.EBUSY);
        }
    }

    @Test
    void sigevThreadWithoutACallbackIsRefused() throws Exception {
        try (KernelQueue q = createQueue()) {
            // glibc would call a NULL function on its notification thread.
            assertErrno(new Notification(Notification.SIGEV_THREAD, 0, 0, null), q, Errno.EINVAL);
            assertThat(status(q).notifyPid()).isZero();
        }
    }
}
