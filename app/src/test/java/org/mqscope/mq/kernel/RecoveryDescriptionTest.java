package org.mqscope.mq.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.RecoveryReport;
import org.mqscope.mq.kernel.journal.Journal;

/**
 * A recovery names what each journal was kept for, read from the journal itself: a move is described as a move
 * of its two queues, not as a peek of the queue the messages went on into.
 */
class RecoveryDescriptionTest extends KernelTestBase {
    @TempDir
    Path journals;
    private String src;
    private String dst;

    @BeforeEach
    void queues() throws MqException {
        journalsIn(journals);
        src = newName("/mqscope-debt-src-");
        dst = newName("/mqscope-debt-dst-");
        try (MqQueue q = backend.open(src, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR | Mq.O_NONBLOCK, 0600,
                MqAttributes.of(4, 64))) {
            for (int i = 0; i < 3; i++) {
                q.send(("m" + i).getBytes(StandardCharsets.US_ASCII), 0);
            }
        }
        backend.open(dst, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600, MqAttributes.of(4, 64)).close();
    }

    @Test
    void aMoveThatDiedAfterTakingTwoIsDescribedAsThatMove() throws Exception {
        try (PrivateDescriptor s = PrivateDescriptor.open(backend.target(), src, "move");
             PrivateDescriptor d = PrivateDescriptor.open(backend.target(), dst, "move")) {
            MqAttributes from = s.attributes();
            MqAttributes to = d.attributes();
            Journal j = Journal.createMove(journals, src, dst, d.mode(), to.maxMessages(), from.messageSize(),
                    to.currentMessages(), 0);
            new DrainRestore(s, j).drain(2, s.status().qsize());
            j.close(); // as a kill leaves it
        }

        RecoveryReport r = backend.recover(false);

        assertThat(r.entries()).singleElement().satisfies(e -> {
            assertThat(e.origin()).isEqualTo(RecoveryReport.Origin.move(src, dst));
            assertThat(e.queue()).isEqualTo(dst);
        });
        assertThat(r.describe()).containsExactly("Restored 2 messages into " + dst + " from the journal of a move from "
                + src + " to " + dst + ".");
        try (MqQueue q = backend.open(dst, Mq.O_RDONLY)) {
            assertThat(q.getAttributes().currentMessages()).as("sent on, never back").isEqualTo(2);
        }
    }

    @Test
    void aSelectionMoveThatDiedDrainingIsDescribedAsAMoveOfSelectedMessages() throws Exception {
        try (PrivateDescriptor s = PrivateDescriptor.open(backend.target(), src, "move")) {
            MqAttributes a = s.attributes();
            Journal j = Journal.createSelection(journals, src, dst, s.mode(), a.maxMessages(), a.messageSize(),
                    a.currentMessages(), s.status().qsize(), new long[] {1});
            new DrainRestore(s, j).drain(3, s.status().qsize());
            j.close();
        }

        RecoveryReport r = backend.recover(false);

        assertThat(r.describe()).containsExactly("Restored 3 messages into " + src + " from the journal of a move of "
                + "selected messages from " + src + " to " + dst + ".");
    }

    @Test
    void aRecreateIsNamedFromItsFirstByteAndAPeekAsAPeek() throws Exception {
        try (PrivateDescriptor s = PrivateDescriptor.open(backend.target(), src, "recreate")) {
            MqAttributes a = s.attributes();
            Journal recreate = Journal.createRecreate(journals, src, s.mode(), a.maxMessages(), a.messageSize(),
                    a.currentMessages(), s.status().qsize(), 8, 64);
            Journal peek = Journal.create(journals, dst, s.mode(), 4, 64, 0, 0);
            assertThat(JournalRestorer.origin(recreate)).isEqualTo(RecoveryReport.Origin.recreate(src));
            assertThat(recreate.phase()).as("still draining: recovery must not create the queue yet")
                    .isEqualTo(Journal.Phase.DRAINING);
            assertThat(JournalRestorer.origin(peek)).isEqualTo(RecoveryReport.Origin.peek(dst));
            recreate.delete();
            recreate.close();
            peek.delete();
            peek.close();
        }
    }

    @Test
    void aJournalThatCouldNotBeReadIsCalledJustAJournal() {
        RecoveryReport r = new RecoveryReport(java.util.List.of(
                new RecoveryReport.Entry("/j/x", null, "/q", 1, 0, null)));
        assertThat(r.describe()).containsExactly("Restored 1 message into /q from a journal.");
    }
}
