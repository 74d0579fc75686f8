package org.mqscope.mq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process moving messages between two kernel queues, killed with SIGKILL at random instants, then
 * {@code mqscope --recover}: every message is in exactly one of the two queues afterwards — none lost in the
 * journal, none doubled — and no journal is left.
 */
class KernelMoveProcessesTest {
    private static final int MESSAGES = 10;
    /** Kills go on until this many landed mid-move (a journal left), or MAX_KILLS. */
    private static final int MID_MOVE_KILLS = 3;
    private static final int MIN_KILLS = 10;
    private static final int MAX_KILLS = 40;
    /** A selection move's phases, each of which some kill must hit. */
    private static final Set<String> PHASES = Set.of("DRAINING", "SELECTING", "RESTORING");
    private static final int MAX_SELECTION_KILLS = 80;

    @TempDir
    Path journals;
    private MqBackend kernel;
    private String a;
    private String b;
    private KillAndRecover loop;

    @BeforeEach
    void kernel() throws MqException {
        try {
            kernel = MqBackends.kernel();
        } catch (MqException e) {
            throw org.mqscope.Needs.missing(org.mqscope.Needs.Need.KERNEL_MQUEUE, e.getMessage());
        }
        loop = new KillAndRecover(journals);
        String id = UUID.randomUUID().toString().substring(0, 8);
        a = "/mqscope-cli-move-a-" + id;
        b = "/mqscope-cli-move-b-" + id;
        kernel.open(a, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600, MqAttributes.of(MESSAGES, 64)).close();
        kernel.open(b, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600, MqAttributes.of(MESSAGES, 64)).close();
    }

    @AfterEach
    void cleanUp() {
        loop.destroy();
        for (String q : new String[] {a, b}) {
            try {
                kernel.unlink(q);
            } catch (MqException | RuntimeException e) {
                // not created
            }
        }
        kernel.close();
    }

    @Test
    void aMoveKilledAtAnyPointThenRecoveredKeepsEveryMessageExactlyOnce() throws Exception {
        List<Integer> sent = java.util.stream.IntStream.range(0, MESSAGES).boxed().toList();
        refill(sent);
        Map<String, Integer> found = loop.run(MoveProcessMain.class, List.of("move-loop", a, b), Set.of("MOVING"),
                Set.of(), MIN_KILLS, MAX_KILLS, MID_MOVE_KILLS, (kill, phases) -> {
                    List<Integer> now = new ArrayList<>(drainSeqs(a));
                    now.addAll(drainSeqs(b));
                    assertThat(now).as("after kill %d (%s)", kill, phases).containsExactlyInAnyOrderElementsOf(sent);
                    refill(now);
                });
        System.out.printf("kill -9 during move: %d kills, journals found %s, %d messages, lost 0, doubled 0%n",
                found.values().stream().mapToInt(Integer::intValue).sum(), found, MESSAGES);
        assertThat(found).as("some kills landed mid-move, with a journal to recover").containsKey("MOVING");
    }

    /**
     * A selection out of the middle of A moved to B and back, killed anywhere: after recovery A and B are exactly
     * as before the move (rolled back) or as after it (rolled forward) — the selected messages in B in receive
     * order, the rest in A in their order, each message once.
     */
    @Test
    void aMiddleSelectionMoveKilledAtAnyPointThenRecoveredIsWholeOrUndone() throws Exception {
        List<MqMessage> original = MoveProcessMain.selectionQueue();
        List<MqMessage> selected = MoveProcessMain.selectedMessages();
        List<MqMessage> rest = new ArrayList<>(original);
        rest.removeAll(selected);
        send(a, original);
        int[] outcomes = new int[2];
        Map<String, Integer> found = loop.run(MoveProcessMain.class, List.of("select-loop", a, b),
                PHASES, PHASES, MIN_KILLS, MAX_SELECTION_KILLS, MID_MOVE_KILLS, (kill, phases) -> {
                    List<MqMessage> inA = drain(a);
                    List<MqMessage> inB = drain(b);
                    String state = "after kill " + kill + " " + phases + ": A " + seqs(inA) + ", B " + seqs(inB);
                    if (inB.isEmpty()) {
                        assertThat(inA).as(state).containsExactlyElementsOf(original);
                        outcomes[0]++;
                    } else {
                        assertThat(inA).as(state).containsExactlyElementsOf(rest);
                        assertThat(inB).as(state).containsExactlyElementsOf(selected);
                        outcomes[1]++;
                    }
                    send(a, original);
                });
        System.out.printf("kill -9 during a middle-selection move: %d kills, journals found %s, %d with A whole,"
                        + " %d with the selection in B, %d messages, lost 0, doubled 0, order kept%n",
                outcomes[0] + outcomes[1], found, outcomes[0], outcomes[1], original.size());
        assertThat(found.keySet()).as("kills landed in each phase of the move, with a journal to recover")
                .containsAll(PHASES);
    }

    private List<MqMessage> drain(String name) throws MqException {
        List<MqMessage> out = new ArrayList<>();
        try (MqQueue q = kernel.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
            for (;;) {
                try {
                    out.add(q.receive());
                } catch (MqException e) {
                    if (e.errno() == Errno.EAGAIN) {
                        return out;
                    }
                    throw e;
                }
            }
        }
    }

    private void send(String name, List<MqMessage> messages) throws MqException {
        try (MqQueue q = kernel.open(name, Mq.O_WRONLY | Mq.O_NONBLOCK)) {
            for (MqMessage m : messages) {
                q.send(m.body(), m.priority());
            }
        }
    }

    private static List<Integer> seqs(List<MqMessage> messages) {
        return messages.stream().map(m -> ByteBuffer.wrap(m.body()).getInt()).toList();
    }

    /** Takes every message out of a queue (the test's own check), returning their sequence numbers. */
    private List<Integer> drainSeqs(String name) throws MqException {
        return seqs(drain(name));
    }

    private void refill(List<Integer> seqs) throws MqException {
        send(a, seqs.stream().map(seq -> new MqMessage(ByteBuffer.allocate(4 + seq).putInt(seq).array(), seq % 3))
                .toList());
    }
}
