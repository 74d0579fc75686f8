package org.mqscope.mq.emulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqLimits;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.Notification;
import org.mqscope.mq.StatusLine;

/** What the emulation models beyond one process: other users' permissions and notification ownership. */
class EmulatedProcessesTest {
    /** Root with umask 0, so that the modes the tests ask for are the modes the queues get. */
    private static final Credentials ROOT = new Credentials(100, 0, 0, 0, false, true, false);
    private static final Credentials NOBODY = Credentials.unprivileged(200, 65534, 65534);

    private final EmulatedBackend root = new EmulatedBackend(MqLimits.LINUX_DEFAULTS).asProcess(ROOT);
    private final EmulatedBackend nobody = root.asProcess(NOBODY);

    private static void assertErrno(Errno errno, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MqException.class, e -> assertThat(e.errno()).isEqualTo(errno));
    }

    @Test
    void otherUsersNeedThePermissionBitsForTheAccessTheyAsk() throws MqException {
        root.open("/private", Mq.O_CREAT | Mq.O_RDWR, 0600, null).close();
        root.open("/shared", Mq.O_CREAT | Mq.O_RDWR, 0644, null).close();

        assertErrno(Errno.EACCES, () -> nobody.open("/private", Mq.O_RDONLY));
        nobody.open("/shared", Mq.O_RDONLY).close();
        assertErrno(Errno.EACCES, () -> nobody.open("/shared", Mq.O_WRONLY));
        assertErrno(Errno.EACCES, () -> nobody.open("/shared", Mq.O_RDWR));
        // EEXIST and EINVAL (access mode 3) come before the permission check
        assertErrno(Errno.EEXIST, () -> nobody.open("/private", Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600, null));
        assertErrno(Errno.EACCES, () -> nobody.open("/private", Mq.O_CREAT | Mq.O_RDWR, 0600, null));
        assertErrno(Errno.EINVAL, () -> nobody.open("/private", 3));
        // reading the status file needs read permission too
        assertErrno(Errno.EACCES, () -> nobody.statusLine("/private"));
        assertThat(nobody.statusLine("/shared")).startsWith("QSIZE:0 ");
    }

    @Test
    void onlyTheOwnerOrRootMayUnlinkAndTheModeBitsDoNotMatter() throws MqException {
        root.open("/roots", Mq.O_CREAT | Mq.O_RDWR, 0666, null).close();
        assertErrno(Errno.EACCES, () -> nobody.unlink("/roots"));

        nobody.open("/mine", Mq.O_CREAT | Mq.O_RDWR, 0, null).close();
        assertErrno(Errno.EACCES, () -> nobody.open("/mine", Mq.O_RDONLY)); // mode 0: not even the owner reopens
        nobody.unlink("/mine");                                           // but the owner may unlink it
        root.unlink("/roots");
        assertThat(root.list()).isEmpty();
    }

    @Test
    void theCreatorsDescriptorWorksWhateverTheModeAndTheUmaskApplies() throws MqException {
        try (MqQueue q = nobody.open("/mode0", Mq.O_CREAT | Mq.O_RDWR, 0, MqAttributes.of(2, 16))) {
            q.send(new byte[] {1}, 0);
            assertThat(q.receive().body()).containsExactly(1);
        }
        nobody.open("/m777", Mq.O_CREAT | Mq.O_RDWR, 0777, null).close();
        root.open("/m7777", Mq.O_CREAT | Mq.O_RDWR, 07777, null).close();
        assertThat(root.list()).extracting(i -> i.name() + " " + Integer.toOctalString(i.mode()) + " " + i.uid())
                .containsExactly("/m777 755 65534", "/m7777 7777 0", "/mode0 0 65534");
    }

    @Test
    void notificationBelongsToAProcessNotToADescriptor() throws MqException {
        try (MqQueue a1 = root.open("/n", Mq.O_CREAT | Mq.O_RDWR, 0666, null);
             MqQueue a2 = root.open("/n", Mq.O_RDWR);
             MqQueue b = nobody.open("/n", Mq.O_RDWR)) {
            a1.notify(Notification.none());
            assertErrno(Errno.EBUSY, () -> b.notify(Notification.none()));
            assertErrno(Errno.EBUSY, () -> a2.notify(Notification.none())); // even the owner process
            b.notify(null);                      // not the owner: returns 0, registration stays
            assertThat(StatusLine.parse(root.statusLine("/n")).notifyPid()).isEqualTo(ROOT.pid());
            a2.notify(null);                     // same process, other descriptor: removes it
            assertThat(StatusLine.parse(root.statusLine("/n")).notifyPid()).isZero();

            a1.notify(Notification.none());
            MqQueue b2 = nobody.open("/n", Mq.O_RDONLY);
            b2.close();                          // a close by another process keeps it
            assertThat(root.statusLine("/n")).contains("NOTIFY:1 ");
            MqQueue a3 = root.open("/n", Mq.O_RDONLY);
            a3.close();                          // any close by the owner process removes it
            assertThat(root.statusLine("/n")).contains("NOTIFY:0 ").contains("NOTIFY_PID:0 ");
        }
    }

    @Test
    void aSignalNotificationReachesTheOwnersHandlerWithTheSendersIdentity() throws Exception {
        BlockingQueue<DeliveredSignal> got = new ArrayBlockingQueue<>(4);
        root.setSignalHandler(got::add);
        try (MqQueue owner = root.open("/sig", Mq.O_CREAT | Mq.O_RDWR, 0666, null);
             MqQueue sender = nobody.open("/sig", Mq.O_WRONLY)) {
            owner.notify(new Notification(Notification.SIGEV_SIGNAL, 10, 42, null));
            assertThat(root.statusLine("/sig")).isEqualTo(
                    new StatusLine(0, 0, 10, ROOT.pid()).text());
            sender.send("x".getBytes(StandardCharsets.UTF_8), 0);
            DeliveredSignal s = got.poll(5, TimeUnit.SECONDS);
            assertThat(s).isEqualTo(new DeliveredSignal("/sig", 10, 42, NOBODY.pid(), NOBODY.uid()));
            assertThat(root.statusLine("/sig")).isEqualTo(new StatusLine(1, 0, 0, 0).text()); // one-shot
            sender.send("y".getBytes(StandardCharsets.UTF_8), 0);
            assertThat(got.poll(100, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void signoZeroIsAcceptedConsumedAndDeliversNothing() throws Exception {
        BlockingQueue<DeliveredSignal> got = new ArrayBlockingQueue<>(4);
        root.setSignalHandler(got::add);
        try (MqQueue q = root.open("/sig0", Mq.O_CREAT | Mq.O_RDWR, 0666, null)) {
            q.notify(Notification.signal(0));
            assertThat(root.statusLine("/sig0")).contains("NOTIFY:0 ").contains("SIGNO:0 ")
                    .contains("NOTIFY_PID:" + ROOT.pid());
            q.send(new byte[0], 0);
            assertThat(root.statusLine("/sig0")).contains("NOTIFY_PID:0 ");
            assertThat(got.poll(100, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void namespacesAreIsolated() throws MqException {
        EmulatedBackend other = new EmulatedBackend();
        root.open("/only-here", Mq.O_CREAT | Mq.O_RDWR, 0600, null).close();
        assertThat(other.list()).isEmpty();
        assertErrno(Errno.ENOENT, () -> other.open("/only-here", Mq.O_RDONLY));
    }
}
