package org.mqscope.mq.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.RecoveryReport;
import org.mqscope.mq.kernel.journal.Journal;

/**
 * What recovery reports for a drain that died midway: the messages missing from the queue are "restored"; those
 * still in the queue, which recovery takes out and sends back behind them to keep the order, are counted apart.
 */
class JournalRecoveryCountsTest extends KernelTestBase {
    @TempDir
    Path journals;

    @BeforeEach
    void journalsInTempDir() throws MqException {
        journalsIn(journals);
    }

    @Test
    void aDrainThatDiedAfterEightOfTenCountsEightRestoredAndTwoRequeued() throws Exception {
        String name = newName("/mqscope-rough-");
        List<String> sent = new ArrayList<>();
        try (MqQueue q = backend.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR | Mq.O_NONBLOCK, 0600,
                MqAttributes.of(10, 64))) {
            for (int i = 0; i < 10; i++) {
                q.send(("m" + i).getBytes(StandardCharsets.US_ASCII), i % 3);
                sent.add("m" + i);
            }
        }
        // A peek that took 8 messages into its journal and died there (the journal closed, nothing restored).
        try (PrivateDescriptor d = PrivateDescriptor.open(backend.target(), name, "peek")) {
            MqAttributes a = d.attributes();
            Journal j = Journal.create(journals, name, d.mode(), a.maxMessages(), a.messageSize(),
                    a.currentMessages(), d.status().qsize());
            new DrainRestore(d, j).drain(8, d.status().qsize());
            j.close();
        }
        List<String> expected = receiveOrderOf(sent);

        RecoveryReport report = backend.recover(false);

        assertThat(report.entries()).hasSize(1);
        RecoveryReport.Entry e = report.entries().get(0);
        assertThat(e.restored()).as("missing from the queue").isEqualTo(8);
        assertThat(e.requeued()).as("still there, out and back for the order").isEqualTo(2);
        assertThat(e.kept()).isZero();
        assertThat(report.describe()).containsExactly("Restored 8 messages into " + name + " from the journal of a "
                + "peek of " + name + " (2 messages that were still in the queue or sent meanwhile went out and back "
                + "behind them, to keep the order).");
        List<String> after = new ArrayList<>();
        try (MqQueue q = backend.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
            for (;;) {
                try {
                    after.add(new String(q.receive().body(), StandardCharsets.US_ASCII));
                } catch (MqException x) {
                    assertThat(x.errno()).isEqualTo(Errno.EAGAIN);
                    break;
                }
            }
        }
        assertThat(after).isEqualTo(expected);
    }

    /** Priorities were i % 3: highest first, sending order within one. */
    private static List<String> receiveOrderOf(List<String> sent) {
        List<String> out = new ArrayList<>();
        for (int p = 2; p >= 0; p--) {
            for (int i = 0; i < sent.size(); i++) {
                if (i % 3 == p) {
                    out.add(sent.get(i));
                }
            }
        }
        return out;
    }
}
