package org.mqscope.mq.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.Notification;
import org.mqscope.mq.PeekMethod;
import org.mqscope.mq.PeekResult;
import org.mqscope.mq.QueueWaiters;
import org.mqscope.mq.QueueWaiters.BlockedTask;

/**
 * A thousand exact peeks change nothing another process can see: not the count, the status line or the mtime, not
 * a registered notification (it still fires, once, on the next arrival), not a sender blocked on a full queue nor a
 * receiver blocked on an empty one (both stay blocked). And the peek sees those tasks, in wake order.
 */
class ExactPeekUntouchedTest extends KernelTestBase {
    private static final int PEEKS = 1_000;
    private ChildProcesses children;

    @BeforeEach
    void start() {
        ExactPeekAssumptions.helper();
        children = new ChildProcesses();
    }

    @AfterEach
    void stop() {
        children.close();
    }

    private MqQueue create(long maxmsg) throws Exception {
        return backend.open(newName("/mqscope-exact-peek-untouched-"), Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR
                | Mq.O_NONBLOCK, 0600, MqAttributes.of(maxmsg, 64));
    }

    /**
     * What another process could observe of the queue without receiving. (Not its ctime or atime: reading the
     * status line, as this very check does, sets both. The peek never reads it.)
     */
    private record Observed(long curmsgs, String status, FileTime mtime) {
    }

    private static Observed observe(MqQueue q) throws Exception {
        Path file = Path.of("/dev/mqueue" + q.name());
        return new Observed(q.getAttributes().currentMessages(), Files.readString(file),
                Files.getLastModifiedTime(file));
    }

    /**
     * At least a thousand peeks, and on into the next second: the file system keeps whole seconds, so a time stamp
     * changed within the same second would not show. (The peek's effect on atime and ctime is checked in a private
     * namespace, {@link ExactPeekIsolatedTest}: here any process sampling /dev/mqueue sets them.)
     */
    private static PeekResult peekMany(MqQueue q) throws Exception {
        PeekResult last = null;
        long startSecond = System.currentTimeMillis() / 1000;
        for (int i = 0; i < PEEKS || System.currentTimeMillis() / 1000 == startSecond; i++) {
            last = q.snapshot();
            assertThat(last.method()).isEqualTo(PeekMethod.EXACT);
        }
        return last;
    }

    @Test
    void aNotificationRegisteredElsewhereStaysAndFiresOnceOnTheNextArrival() throws Exception {
        try (MqQueue q = create(4)) {
            ChildProcesses.Child owner = children.actor("notify", q.name());
            assertThat(owner.nextLine()).isEqualTo("REGISTERED");
            Observed before = observe(q);
            assertThat(before.status()).contains("NOTIFY_PID:" + owner.pid());

            PeekResult last = peekMany(q);

            assertThat(observe(q)).isEqualTo(before);
            assertThat(last.waiters().notifyOwner())
                    .isEqualTo(new QueueWaiters.NotifyOwner(owner.pid(), Notification.SIGEV_THREAD, 0));
            assertThat(owner.lineNow()).as("no notification during the peeks").isNull();
            q.send("arrival".getBytes(), 1);
            assertThat(owner.nextLine()).isEqualTo("FIRED");
            // fired once: the registration is consumed, so no later arrival can fire it again
            assertThat(q.readStatus()).contains("NOTIFY_PID:0 ");
            assertThat(q.snapshot().waiters().notifyOwner()).isNull();
            owner.closeInput();
        }
    }

    @Test
    void aSenderBlockedOnAFullQueueStaysBlockedAndIsSeenInWakeOrder() throws Exception {
        try (MqQueue q = create(2)) {
            q.send("a".getBytes(), 1);
            q.send("b".getBytes(), 2);
            ChildProcesses.Child first = children.actor("send", q.name(), "5", "33");
            assertThat(first.nextLine()).isEqualTo("SENDING");
            first.awaitBlocked();
            ChildProcesses.Child second = children.actor("send", q.name(), "9", "7");
            assertThat(second.nextLine()).isEqualTo("SENDING");
            second.awaitBlocked();
            Observed before = observe(q);

            PeekResult last = peekMany(q);

            assertThat(observe(q)).isEqualTo(before);
            assertThat(first.blockedInQueueCall()).isTrue();
            assertThat(second.blockedInQueueCall()).isTrue();
            assertThat(first.lineNow()).isNull();
            assertThat(last.size()).isEqualTo(2);
            List<BlockedTask> senders = last.waiters().senders();
            // both at the same scheduling priority: the kernel wakes the one that waited longest first
            assertThat(senders).extracting(BlockedTask::pid).containsExactly(first.pid(), second.pid());
            assertThat(senders).extracting(BlockedTask::size).containsExactly(33L, 7L);
            assertThat(senders).extracting(BlockedTask::priority).containsExactly(5, 9);
            assertThat(last.waiters().receivers()).isEmpty();

            q.receive();
            assertThat(first.nextLine()).isEqualTo("SENT");
            assertThat(second.blockedInQueueCall()).isTrue();
        }
    }

    @Test
    void aReceiverBlockedOnAnEmptyQueueStaysBlocked() throws Exception {
        try (MqQueue q = create(2)) {
            ChildProcesses.Child receiver = children.actor("receive", q.name());
            assertThat(receiver.nextLine()).isEqualTo("RECEIVING");
            receiver.awaitBlocked();
            Observed before = observe(q);

            PeekResult last = peekMany(q);

            assertThat(observe(q)).isEqualTo(before);
            assertThat(receiver.blockedInQueueCall()).isTrue();
            assertThat(receiver.lineNow()).isNull();
            assertThat(last.waiters().receivers()).extracting(BlockedTask::pid).containsExactly(receiver.pid());
            assertThat(last.waiters().receivers().get(0).sending()).isFalse();

            q.send(new byte[3], 4);
            assertThat(receiver.nextLine()).isEqualTo("RECEIVED 3/4");
        }
    }
}
