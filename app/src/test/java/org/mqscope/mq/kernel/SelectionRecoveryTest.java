package org.mqscope.mq.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.RecoveryReport;
import org.mqscope.mq.kernel.journal.Journal;

/**
 * Recovery of a move of selected messages that died at a chosen step (the journal written as the mover writes it,
 * then closed as a kill leaves it): rolled back when the selection had not been checked yet, rolled forward after,
 * a send to the target that happened but was not counted is not sent twice, and a target that is full by then gets
 * nothing while the planned messages go back to their places. The random kills are KernelMoveProcessesTest's.
 */
class SelectionRecoveryTest extends KernelTestBase {
    /** Receive order m0..m4 (priorities descending); the plan takes m1 and m3. */
    private static final long[] PLAN = {1, 3};

    @TempDir
    Path journals;
    private String src;
    private String dst;

    @BeforeEach
    void queues() throws MqException {
        journalsIn(journals);
        src = newName("/mqscope-move-rec-src-");
        dst = newName("/mqscope-move-rec-dst-");
        try (MqQueue q = backend.open(src, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR | Mq.O_NONBLOCK, 0600,
                MqAttributes.of(5, 64))) {
            for (int i = 0; i < 5; i++) {
                q.send(("m" + i).getBytes(StandardCharsets.US_ASCII), 4 - i);
            }
        }
        backend.open(dst, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600, MqAttributes.of(5, 64)).close();
    }

    /** A died mover's journal: drained {@code take} messages of the source, then {@code then} ran. */
    private void diedAfter(int take, Step then) throws Exception {
        try (PrivateDescriptor s = PrivateDescriptor.open(backend.target(), src, "move");
             PrivateDescriptor d = PrivateDescriptor.open(backend.target(), dst, "move")) {
            MqAttributes a = s.attributes();
            Journal j = Journal.createSelection(journals, src, dst, s.mode(), a.maxMessages(), a.messageSize(),
                    a.currentMessages(), s.status().qsize(), PLAN);
            new DrainRestore(s, j).drain(take, s.status().qsize());
            then.run(j, d);
            j.close(); // as a kill leaves it: unlocked, nothing more written
        }
    }

    private interface Step {
        void run(Journal j, PrivateDescriptor target) throws Exception;
    }

    private List<String> drain(String name) throws MqException {
        List<String> out = new ArrayList<>();
        try (MqQueue q = backend.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
            for (;;) {
                try {
                    MqMessage m = q.receive();
                    out.add(new String(m.body(), StandardCharsets.US_ASCII));
                } catch (MqException e) {
                    assertThat(e.errno()).isEqualTo(Errno.EAGAIN);
                    return out;
                }
            }
        }
    }

    private RecoveryReport recover() throws Exception {
        RecoveryReport r = backend.recover(false);
        assertThat(Journal.list(journals)).as("%s", r.describe()).isEmpty();
        return r;
    }

    @Test
    void diedWhileDrainingIsRolledBack() throws Exception {
        diedAfter(3, (j, d) -> { });
        RecoveryReport r = recover();
        assertThat(r.entries()).hasSize(1);
        assertThat(r.entries().get(0).restored()).as("the three taken").isEqualTo(3);
        assertThat(drain(dst)).isEmpty();
        assertThat(drain(src)).containsExactly("m0", "m1", "m2", "m3", "m4");
    }

    @Test
    void diedBeforeTheSecondSendToTheTargetIsRolledForward() throws Exception {
        diedAfter(5, (j, d) -> {
            j.beginSelecting();
            int[] asked = {0};
            new DrainRestore(d, j).sendSelected(Duration.ofMillis(300), () -> asked[0]++ >= 1); // m1 only
            j.markInFlight(PLAN[1], d.attributes().currentMessages(), d.status().qsize()); // m3: not sent yet
        });
        recover();
        assertThat(drain(dst)).containsExactly("m1", "m3");
        assertThat(drain(src)).containsExactly("m0", "m2", "m4");
    }

    @Test
    void aSendToTheTargetThatHappenedButWasNotCountedIsNotSentTwice() throws Exception {
        diedAfter(5, (j, d) -> {
            j.beginSelecting();
            j.markInFlight(PLAN[0], d.attributes().currentMessages(), d.status().qsize());
            MqMessage m1 = j.message((int) PLAN[0]);
            try (MqQueue t = backend.open(dst, Mq.O_WRONLY | Mq.O_NONBLOCK)) {
                t.send(m1.body(), m1.priority()); // the send went through; the kill came before it was counted
            }
        });
        recover();
        assertThat(drain(dst)).containsExactly("m1", "m3");
        assertThat(drain(src)).containsExactly("m0", "m2", "m4");
    }

    @Test
    void aTargetFullByRecoveryTimeGetsNothingAndThePlannedMessagesGoBackToTheirPlaces() throws Exception {
        diedAfter(5, (j, d) -> {
            j.beginSelecting();
            try (MqQueue t = backend.open(dst, Mq.O_WRONLY | Mq.O_NONBLOCK)) {
                for (int i = 0; i < 5; i++) {
                    t.send(("other" + i).getBytes(StandardCharsets.US_ASCII), 0); // others filled it meanwhile
                }
            }
        });
        recover();
        assertThat(drain(dst)).containsExactly("other0", "other1", "other2", "other3", "other4");
        assertThat(drain(src)).containsExactly("m0", "m1", "m2", "m3", "m4");
    }

    @Test
    void diedWhileRestoringPutsBackOnlyWhatDidNotGoToTheTarget() throws Exception {
        diedAfter(5, (j, d) -> {
            j.beginSelecting();
            new DrainRestore(d, j).sendSelected(Duration.ofMillis(300), () -> false);
            j.beginRestore();
            j.markRestored(1); // m0 went back; the kill came before the rest
            try (MqQueue s = backend.open(src, Mq.O_WRONLY | Mq.O_NONBLOCK)) {
                s.send("m0".getBytes(StandardCharsets.US_ASCII), 4);
            }
        });
        RecoveryReport r = recover();
        assertThat(r.entries().get(0).restored()).as("m2 and m4: m1 and m3 are in the target").isEqualTo(2);
        assertThat(drain(dst)).containsExactly("m1", "m3");
        assertThat(drain(src)).containsExactly("m0", "m2", "m4");
    }
}
