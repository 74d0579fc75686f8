package org.mqscope.mq.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.PeekMethod;
import org.mqscope.mq.PeekProcessMain;
import org.mqscope.mq.PeekResult;

/**
 * Exact peeks of a queue that two other processes use as fast as they can: every snapshot presented as exact must
 * be a state the queue really had. The producer numbers its messages and gives message n priority
 * PRIORITIES[n % 3]; the consumer takes them. So in any real state each priority holds a run of consecutive numbers
 * of its class (n, n+3, n+6...), oldest first, and the priorities come highest first. A torn read (a node read
 * twice or skipped while the lists changed) would break a run.
 */
class ExactPeekTrafficTest extends KernelTestBase {
    /** The issue asks for 100,000; this many run in about 20 s on a loaded 2-core machine (see the report). */
    private static final int MESSAGES = Integer.getInteger("mqscope.test.trafficMessages", 100_000);
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

    @Test
    void everyExactSnapshotUnderTrafficIsARealState() throws Exception {
        String name = newName("/mqscope-exact-peek-traffic-");
        try (MqQueue q = backend.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDONLY | Mq.O_NONBLOCK, 0600,
                MqAttributes.of(10, 64))) {
            ChildProcesses.Child consumer = children.start(List.of(), List.of(), PeekProcessMain.class, "consume",
                    name, "" + MESSAGES);
            assertThat(consumer.nextLine()).isEqualTo("READY");
            ChildProcesses.Child producer = children.start(List.of(), List.of(), PeekProcessMain.class, "produce",
                    name, "" + MESSAGES);
            assertThat(producer.nextLine()).isEqualTo("READY");

            int snapshots = 0;
            int nonEmpty = 0;
            int unsettled = 0;
            long retries = 0;
            int maxReads = 0;
            long started = System.nanoTime();
            while (producer.process.isAlive() || consumer.process.isAlive()) {
                PeekResult r;
                try {
                    r = q.snapshot();
                } catch (MqException e) {
                    assertThat(e.errno()).as(e.getMessage()).isEqualTo(Errno.EBUSY); // never settled: said so
                    unsettled++;
                    continue;
                }
                assertThat(r.method()).isEqualTo(PeekMethod.EXACT);
                assertRealState(r.messages());
                snapshots++;
                nonEmpty += r.size() > 0 ? 1 : 0;
                retries += r.reads() - 2;
                maxReads = Math.max(maxReads, r.reads());
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(consumer.process.exitValue()).isZero();
            assertThat(producer.process.exitValue()).isZero();
            String got = consumer.nextLine();
            assertThat(got).startsWith("GOT ");
            assertThat(got.split(",")).hasSize(MESSAGES);
            System.out.printf("traffic: %,d messages in %,d ms; %,d exact snapshots (%,d non-empty), %,d retries"
                    + " (most reads for one snapshot: %d), %,d unsettled%n", MESSAGES, millis, snapshots, nonEmpty,
                    retries, maxReads, unsettled);
            assertThat(nonEmpty).as("snapshots that saw traffic").isPositive();
        }
    }

    private static void assertRealState(List<MqMessage> messages) {
        Map<Integer, Integer> lastSeq = new HashMap<>();
        int lastPriority = Integer.MAX_VALUE;
        for (MqMessage m : messages) {
            int seq = ByteBuffer.wrap(m.body()).getInt();
            assertThat(m.size()).as("size of %d", seq).isEqualTo(PeekProcessMain.body(seq).length);
            assertThat(m.priority()).as("priority of %d", seq)
                    .isEqualTo(PeekProcessMain.PRIORITIES[seq % PeekProcessMain.PRIORITIES.length]);
            assertThat(m.priority()).as("receive order: priorities descend").isLessThanOrEqualTo(lastPriority);
            lastPriority = m.priority();
            Integer previous = lastSeq.put(m.priority(), seq);
            if (previous != null) {
                assertThat(seq).as("a run within priority %d in %s", m.priority(), messages)
                        .isEqualTo(previous + PeekProcessMain.PRIORITIES.length);
            }
            assertThat(seq).isBetween(0, MESSAGES - 1);
        }
    }
}
