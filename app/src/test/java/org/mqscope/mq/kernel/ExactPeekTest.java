package org.mqscope.mq.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.PeekMethod;
import org.mqscope.mq.PeekResult;
import org.mqscope.mq.PeekRisks;
import org.mqscope.mq.PeekSupport;
import org.mqscope.mq.QueueWaiters;
import org.mqscope.mq.ReadOnlyBackend;

/** The exact kernel peek in this process, against what a drain of the same queue returns. */
class ExactPeekTest extends KernelTestBase {
    /** Sizes around the kernel's segment boundaries (4048 in struct msg_msg's page, 4088 per further page). */
    private static final int[] SIZES = {0, 1, 7, 8, 9, 4047, 4048, 4049, 8095, 8096, 8136, 8137, 8191, 8192};

    @BeforeEach
    void helperPresent() {
        ExactPeekAssumptions.helper();
    }

    private KernelQueue queue(long maxmsg, long msgsize) throws MqException {
        return (KernelQueue) backend.open(newName("/mqscope-exact-peek-"), Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR
                | Mq.O_NONBLOCK, 0600, MqAttributes.of(maxmsg, msgsize));
    }

    private static List<MqMessage> drain(MqQueue q) throws MqException {
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

    private static byte[] random(Random r, int size) {
        byte[] b = new byte[size];
        r.nextBytes(b);
        return b;
    }

    @Test
    void isChosenAndNeedsNoQuestion() throws MqException {
        try (KernelQueue q = queue(4, 64)) {
            PeekSupport s = q.peekSupport();
            assertThat(s.method()).isEqualTo(PeekMethod.EXACT);
            assertThat(s.available()).isTrue();
            assertThat(q.peekRisks()).isEqualTo(PeekRisks.NONE);
        }
    }

    @Test
    void everyByteOfEverySizeAndPriorityInReceiveOrder() throws MqException {
        Random r = new Random(12);
        // msg_max is 10 here: the sizes go in two halves, each round once with many and once with few priorities
        for (int round = 0; round < 4; round++) {
            int half = SIZES.length / 2;
            int from = (round % 2) * half;
            try (KernelQueue q = queue(half + SIZES.length % 2, 8192)) {
                for (int i = from; i < Math.min(SIZES.length, from + half + SIZES.length % 2); i++) {
                    int size = SIZES[i];
                    // rounds 0, 1: every priority different; 2, 3: few priorities, so FIFO within one matters
                    int priority = round < 2 ? r.nextInt(Mq.PRIO_MAX) : r.nextInt(3);
                    q.send(random(r, size), priority);
                }
                PeekResult peek = q.snapshot();
                assertThat(peek.method()).isEqualTo(PeekMethod.EXACT);
                assertThat(peek.drain()).isEqualTo(PeekResult.DrainReport.NONE);
                assertThat(peek.reads()).isEqualTo(2); // nothing else touches this queue
                assertThat(peek.attributes().currentMessages()).isEqualTo(peek.size());
                assertThat(peek.size()).isEqualTo(half + SIZES.length % 2);
                List<MqMessage> drained = drain(q);
                assertThat(peek.messages()).containsExactlyElementsOf(drained);
            }
        }
    }

    @Test
    void emptyOneAndFull() throws MqException {
        try (KernelQueue q = queue(10, 8192)) {
            PeekResult empty = q.snapshot();
            assertThat(empty.messages()).isEmpty();
            assertThat(empty.waiters().known()).isTrue();
            assertThat(empty.waiters().notifyOwner()).isNull();

            byte[] one = random(new Random(1), 8192);
            q.send(one, 3);
            assertThat(q.snapshot().messages()).containsExactly(new MqMessage(one, 3));

            for (int i = 1; i < 10; i++) {
                q.send(random(new Random(i + 1), i * 800), i % 4);
            }
            PeekResult full = q.snapshot();
            assertThat(full.size()).isEqualTo(10);
            assertThat(full.payloadBytes()).isEqualTo(org.mqscope.mq.StatusLine.parse(q.readStatus()).qsize());
            assertThat(full.messages()).containsExactlyElementsOf(drain(q));
        }
    }

    @Test
    void peekAtAnIndexFirstMiddleLast() throws MqException {
        try (KernelQueue q = queue(9, 256)) {
            assertThatThrownBy(() -> q.peek(0)).extracting(e -> ((MqException) e).errno()).isEqualTo(Errno.EAGAIN);
            for (int i = 0; i < 9; i++) {
                q.send(("m" + i).getBytes(), i % 3);
            }
            List<MqMessage> all = q.snapshot().messages();
            assertThat(q.peek(0)).isEqualTo(all.get(0));
            assertThat(q.peek(4)).isEqualTo(all.get(4));
            assertThat(q.peek(8)).isEqualTo(all.get(8));
            assertThatThrownBy(() -> q.peek(9)).extracting(e -> ((MqException) e).errno()).isEqualTo(Errno.ENOENT);
            assertThatThrownBy(() -> q.peek(-1)).extracting(e -> ((MqException) e).errno()).isEqualTo(Errno.ENOENT);
            assertThat(q.getAttributes().currentMessages()).isEqualTo(9);
        }
    }

    @Test
    void readOnlyModeLetsTheExactPeekThrough() throws MqException {
        try (KernelQueue q = queue(4, 64)) {
            q.send("kept".getBytes(), 1);
            MqQueue ro = new ReadOnlyBackend(backend).open(q.name(), Mq.O_RDONLY);
            try {
                assertThat(ro.peekSupport().method()).isEqualTo(PeekMethod.EXACT);
                assertThat(ro.peekSupport().available()).isTrue();
                assertThat(ro.snapshot().messages()).containsExactly(new MqMessage("kept".getBytes(), 1));
            } finally {
                ro.close();
            }
        }
    }

    @Test
    void aWriteOnlyDescriptorCannotPeek() throws MqException {
        try (KernelQueue rw = queue(4, 64);
             MqQueue wo = backend.open(rw.name(), Mq.O_WRONLY)) {
            assertThat(wo.peekSupport().available()).isFalse();
            assertThatThrownBy(wo::snapshot).extracting(e -> ((MqException) e).errno()).isEqualTo(Errno.EBADF);
        }
    }

    @Test
    void aNameNowMeaningAnotherQueueIsRefused() throws MqException {
        try (KernelQueue q = queue(4, 64)) {
            q.send("old".getBytes(), 0);
            backend.unlink(q.name());
            try (MqQueue other = backend.open(q.name(), Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600,
                    MqAttributes.of(4, 64))) {
                other.send("new".getBytes(), 0);
                assertThatThrownBy(q::snapshot).extracting(e -> ((MqException) e).errno()).isEqualTo(Errno.ESTALE);
            }
        }
    }

    @Test
    void theFallbackSaysWhyAndHowToEnableTheExactPeek() throws MqException {
        PeekHelper missing = null;
        ExactPeek.Availability a = ExactPeek.probe(missing);
        assertThat(a.available()).isFalse();
        assertThat(a.why()).contains("helper is not installed").contains("apt-get install");
        backend.useDrainRestore();
        try (KernelQueue q = queue(4, 64)) {
            assertThat(q.peekSupport().method()).isEqualTo(PeekMethod.DRAIN_RESTORE);
        }
    }

    @Test
    void blockedTasksAreEmptyWhenNobodyWaits() throws MqException {
        try (KernelQueue q = queue(2, 64)) {
            q.send(new byte[1], 0);
            QueueWaiters w = q.snapshot().waiters();
            assertThat(w.known()).isTrue();
            assertThat(w.senders()).isEmpty();
            assertThat(w.receivers()).isEmpty();
        }
    }
}
