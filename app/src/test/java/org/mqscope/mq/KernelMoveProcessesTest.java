package org.mqscope.mq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mqscope.mq.kernel.journal.Journal;

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

    @TempDir
    Path journals;
    private MqBackend kernel;
    private String a;
    private String b;
    private Process child;

    @BeforeEach
    void kernel() throws MqException {
        try {
            kernel = MqBackends.kernel();
        } catch (MqException e) {
            throw org.mqscope.Needs.missing(org.mqscope.Needs.Need.KERNEL_MQUEUE, e.getMessage());
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        a = "/mqscope-cli-move-a-" + id;
        b = "/mqscope-cli-move-b-" + id;
        kernel.open(a, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600, MqAttributes.of(MESSAGES, 64)).close();
        kernel.open(b, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600, MqAttributes.of(MESSAGES, 64)).close();
    }

    @AfterEach
    void cleanUp() {
        if (child != null) {
            child.destroyForcibly();
        }
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
        List<Integer> sent = new ArrayList<>();
        try (MqQueue q = kernel.open(a, Mq.O_WRONLY | Mq.O_NONBLOCK)) {
            for (int seq = 0; seq < MESSAGES; seq++) {
                q.send(ByteBuffer.allocate(4 + seq).putInt(seq).array(), seq % 3);
                sent.add(seq);
            }
        }
        Random rnd = new Random(15);
        Map<String, Integer> found = new HashMap<>();
        int spread = 40;
        int kill = 0;
        while (kill < MAX_KILLS && (kill < MIN_KILLS || found.getOrDefault("MOVING", 0) < MID_MOVE_KILLS)) {
            kill++;
            child = new ProcessBuilder(ChildJvmProcess.javaCommand(List.of(), List.of(journalProperty()),
                    MoveProcessMain.class, "move-loop", a, b)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("READY");
            Thread.sleep(5 + rnd.nextInt(spread)); // a random instant of the loop, not a synchronisation
            child.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            child = null;
            found.merge(journalLeft(), 1, Integer::sum);
            if (kill % 4 == 0 && found.getOrDefault("MOVING", 0) < MID_MOVE_KILLS) {
                spread = Math.min(spread * 2, 2000);
            }
            String first = recoverCli();
            assertThat(recoverCli()).as("a second recovery finds nothing").contains("no interrupted peek");
            assertThat(Journal.list(journals)).as("after kill %d: %s", kill, first).isEmpty();
            List<Integer> now = new ArrayList<>(drainSeqs(a));
            now.addAll(drainSeqs(b));
            assertThat(now).as("after kill %d (%s)", kill, found).containsExactlyInAnyOrderElementsOf(sent);
            refill(now);
        }
        System.out.printf("kill -9 during move: %d kills, journals found %s, %d messages, lost 0, doubled 0%n",
                kill, found, MESSAGES);
        assertThat(found).as("some kills landed mid-move, with a journal to recover").containsKey("MOVING");
    }

    /** Takes every message out of a queue (the test's own check), returning their sequence numbers. */
    private List<Integer> drainSeqs(String name) throws MqException {
        List<Integer> seqs = new ArrayList<>();
        try (MqQueue q = kernel.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
            for (;;) {
                try {
                    seqs.add(ByteBuffer.wrap(q.receive().body()).getInt());
                } catch (MqException e) {
                    if (e.errno() == Errno.EAGAIN) {
                        return seqs;
                    }
                    throw e;
                }
            }
        }
    }

    private void refill(List<Integer> seqs) throws MqException {
        try (MqQueue q = kernel.open(a, Mq.O_WRONLY | Mq.O_NONBLOCK)) {
            for (int seq : seqs) {
                q.send(ByteBuffer.allocate(4 + seq).putInt(seq).array(), seq % 3);
            }
        }
    }

    private String journalLeft() throws IOException {
        List<Path> files = Journal.list(journals);
        if (files.isEmpty()) {
            return "NONE";
        }
        try (Journal j = Journal.open(files.get(0))) {
            return j == null ? "LOCKED" : j.phase().name();
        } catch (IOException notYetAJournal) {
            return "CREATING";
        }
    }

    private String recoverCli() throws Exception {
        Process p = new ProcessBuilder(ChildJvmProcess.javaCommand(List.of(), List.of(journalProperty()),
                org.mqscope.App.class, "--recover")).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private String journalProperty() {
        return "-Dmqscope.journal.dir=" + journals;
    }
}
