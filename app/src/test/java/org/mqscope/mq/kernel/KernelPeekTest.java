package org.mqscope.mq.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mqscope.mq.BlockedInKernel;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.Notification;
import org.mqscope.mq.PeekMethod;
import org.mqscope.mq.PeekResult;
import org.mqscope.mq.PeekRisks;
import org.mqscope.mq.RecoveryReport;
import org.mqscope.mq.StatusLine;
import org.mqscope.mq.kernel.journal.Journal;

/** Drain-and-restore peeks in this process, on real queues. */
class KernelPeekTest extends KernelTestBase {
    @TempDir
    Path journals;

    @BeforeEach
    void journalsInTempDir() throws MqException {
        journalsIn(journals);
        backend.useDrainRestore(); // the fallback, whether or not the exact peek could run here
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private MqQueue filled(String name, int maxmsg, int... priorities) throws MqException {
        MqQueue q = backend.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR | Mq.O_NONBLOCK, 0600,
                MqAttributes.of(maxmsg, 64));
        for (int i = 0; i < priorities.length; i++) {
            q.send(text("m" + i + "-p" + priorities[i]), priorities[i]);
        }
        return q;
    }

    private static List<MqMessage> drainAll(MqQueue q) throws MqException {
        List<MqMessage> out = new ArrayList<>();
        for (;;) {
            try {
                out.add(q.receive());
            } catch (MqException e) {
                assertThat(e.errno()).isEqualTo(Errno.EAGAIN);
                return out;
            }
        }
    }

    @Test
    void aSnapshotIsInReceiveOrderAndLeavesTheQueueAsItWas() throws Exception {
        String name = newName();
        MqQueue q = filled(name, 10, 1, 5, 3, 5, 0, 32767, 3);
        String statusBefore = backend.statusLine(name);

        PeekResult r = q.snapshot();

        assertThat(r.method()).isEqualTo(PeekMethod.DRAIN_RESTORE);
        assertThat(r.messages()).extracting(m -> new String(m.body(), StandardCharsets.UTF_8)).containsExactly(
                "m5-p32767", "m1-p5", "m3-p5", "m2-p3", "m6-p3", "m0-p1", "m4-p0");
        assertThat(r.attributes().currentMessages()).isEqualTo(7);
        assertThat(r.drain().drained()).isEqualTo(7);
        assertThat(r.drain().restored()).isEqualTo(7);
        assertThat(r.drain().complete()).isTrue();
        assertThat(r.drain().journal()).isNull();
        assertThat(backend.statusLine(name)).isEqualTo(statusBefore);
        assertThat(Journal.list(journals)).as("journal removed once everything is back").isEmpty();
        assertThat(drainAll(q)).containsExactlyElementsOf(r.messages());
    }

    @Test
    void peekByIndexFollowsMqPeekErrors() throws Exception {
        MqQueue q = filled(newName(), 10);
        assertThatThrownBy(() -> q.peek(0)).isInstanceOfSatisfying(MqException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.EAGAIN));
        q.send(text("low"), 1);
        q.send(text("high"), 9);
        assertThat(q.peek(0)).isEqualTo(new MqMessage(text("high"), 9));
        assertThat(q.peek(1)).isEqualTo(new MqMessage(text("low"), 1));
        assertThatThrownBy(() -> q.peek(2)).isInstanceOfSatisfying(MqException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
        assertThat(q.getAttributes().currentMessages()).isEqualTo(2);
    }

    @Test
    void aWriteOnlyDescriptorCannotPeek() throws Exception {
        String name = newName();
        filled(name, 10, 1);
        MqQueue w = backend.open(name, Mq.O_WRONLY);
        assertThat(w.peekSupport().available()).isFalse();
        assertThat(w.peekSupport().reason()).startsWith("EBADF");
        assertThatThrownBy(w::snapshot).isInstanceOfSatisfying(MqException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.EBADF));
        assertThat(backend.open(name, Mq.O_RDONLY).peekSupport().available()).isTrue();
    }

    @Test
    void aRegisteredNotificationIsReportedBeforehandAndFoundConsumedAfterwards() throws Exception {
        String name = newName();
        MqQueue q = filled(name, 10, 1, 2);
        MqQueue registrant = backend.open(name, Mq.O_RDONLY);
        registrant.notify(Notification.none());

        PeekRisks risks = q.peekRisks();
        assertThat(risks.notifyOwner()).isNotNull();
        assertThat(risks.notifyOwner().pid()).isEqualTo((int) pid());
        assertThat(risks.describe()).anyMatch(s -> s.contains("registered for notification"));

        PeekResult r = q.snapshot();
        assertThat(r.drain().notificationConsumed()).isTrue();
        assertThat(StatusLine.parse(backend.statusLine(name)).notifyPid()).isZero();
        assertThat(q.getAttributes().currentMessages()).isEqualTo(2);
    }

    @Test
    void aFullQueueWithABlockedSenderKeepsWhatCannotGoBackInTheJournal() throws Exception {
        String name = newName();
        MqQueue q = filled(name, 3, 1, 1, 1);
        assertThat(q.peekRisks().queueFull()).isTrue();
        MqQueue blocking = backend.open(name, Mq.O_WRONLY);
        CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
            try {
                blocking.send(text("late"), 1);
            } catch (MqException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitBlocked();

        PeekResult r = q.snapshot();

        sender.get(5, TimeUnit.SECONDS); // the drain freed a slot and the blocked sender took it
        assertThat(r.drain().drained()).isEqualTo(4);
        assertThat(r.drain().restored()).isEqualTo(3);
        assertThat(r.drain().unrestored()).isEqualTo(1);
        assertThat(r.drain().journal()).isNotNull();
        assertThat(Journal.list(journals)).hasSize(1);

        // A consumer makes room; recovery then puts the last message back, exactly once.
        MqMessage first = q.receive();
        RecoveryReport rep = backend.recover(false);
        assertThat(rep.restored()).as(rep.describe().toString()).isEqualTo(1);
        assertThat(rep.complete()).isTrue();
        assertThat(Journal.list(journals)).isEmpty();
        assertThat(backend.recover(false).restored()).isZero();
        List<MqMessage> rest = drainAll(q);
        List<String> all = new ArrayList<>();
        all.add(new String(first.body(), StandardCharsets.UTF_8));
        rest.forEach(m -> all.add(new String(m.body(), StandardCharsets.UTF_8)));
        assertThat(all).containsExactlyInAnyOrder("m0-p1", "m1-p1", "m2-p1", "late");
    }

    @Test
    void aSenderThatSlipsInMidDrainIsShownWhereTheQueueDeliversItAndWhatIsHeldIsNotAQueueRow() throws Exception {
        String name = newName();
        MqQueue q = filled(name, 3, 1, 1, 1);
        MqQueue blocking = backend.open(name, Mq.O_WRONLY);
        CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
            try {
                blocking.send(text("urgent-p7"), 7);
            } catch (MqException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitBlocked();

        // The first receive frees a slot, the sender's message takes it and is drained second (it is the highest).
        PeekResult r = q.snapshot();
        sender.get(5, TimeUnit.SECONDS);

        assertThat(r.drain().drained()).isEqualTo(4);
        assertThat(r.drain().unrestored()).isEqualTo(1);
        assertThat(r.drain().held()).extracting(m -> new String(m.body(), StandardCharsets.UTF_8))
                .containsExactly("m2-p1");
        assertThat(r.size()).as("only what is in the queue").isEqualTo(3);
        List<MqMessage> delivered = drainAll(q);
        assertThat(r.messages()).as("the order the queue delivers").isEqualTo(delivered);
        assertThat(r.messages()).extracting(m -> new String(m.body(), StandardCharsets.UTF_8))
                .containsExactly("urgent-p7", "m0-p1", "m1-p1");
        blocking.close();
    }

    private static void awaitBlocked() throws Exception {
        BlockedInKernel.awaitAnyThreadIn(Set.of(BlockedInKernel.MQ_TIMEDSEND), Duration.ofSeconds(10));
    }

    @Test
    void anUnlinkedQueueIsStillPeekedThroughItsDescriptor() throws Exception {
        String name = newName();
        MqQueue q = filled(name, 10, 4, 7);
        backend.unlink(name);
        MqQueue impostor = backend.open(name, Mq.O_CREAT | Mq.O_RDWR | Mq.O_NONBLOCK, 0600, MqAttributes.of(10, 64));
        impostor.send(text("other queue"), 0);
        assertThat(q.snapshot().messages()).extracting(MqMessage::priority).containsExactly(7, 4);
        assertThat(impostor.getAttributes().currentMessages()).isEqualTo(1);
    }
}
