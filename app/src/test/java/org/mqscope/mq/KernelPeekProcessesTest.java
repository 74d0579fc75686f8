package org.mqscope.mq;

import org.mqscope.Needs;
import org.mqscope.Needs.Need;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mqscope.mq.kernel.journal.Journal;

/**
 * Drain-and-restore peeks with real processes on the real kernel: a peeking process killed with SIGKILL at random
 * instants, then `mqscope --recover`; peeks while a producer and a consumer process exchange messages; a peek by an
 * unprivileged user. What is promised: no message lost, none duplicated, and the exact order whenever nobody else
 * touched the queue (a kill and a recovery included). Each test prints its figures (kills per phase, peeks,
 * messages) for the record.
 */
@Timeout(300)
class KernelPeekProcessesTest {
    /** These processes test drain-and-restore, the fallback, even where the exact peek could run. */
    private static final String DRAIN_RESTORE = "-Dmqscope.peek=drain-restore";

    private static final Path MSG_MAX = Path.of("/proc/sys/fs/mqueue/msg_max");
    private static final int DEEP = 3000;
    private static final int DEEP_MSGSIZE = 64;

    @TempDir
    Path journals;
    private MqBackend kernel;
    private String name;
    private final List<Process> children = new ArrayList<>();

    @BeforeEach
    void kernel() throws IOException {
        try {
            // this process peeks by drain and restore too (the property is read as the backend is made)
            System.setProperty("mqscope.peek", "drain-restore");
            try {
                kernel = MqBackends.kernel();
            } finally {
                System.clearProperty("mqscope.peek");
            }
        } catch (MqException e) {
            throw Needs.missing(Need.KERNEL_MQUEUE, e.getMessage());
        }
        name = "/mqscope-peekproc-" + UUID.randomUUID();
        // children run as other users too: the journal directory must be theirs to write
        Files.setPosixFilePermissions(journals, PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    @AfterEach
    void cleanUp() {
        children.forEach(Process::destroyForcibly);
        try {
            kernel.unlink(name);
        } catch (MqException | RuntimeException e) {
            // not created, or already gone
        }
        kernel.close();
    }

    // ------------------------------------------------------------------ kill -9

    @Test
    void aPeekKilledAtAnyPointLosesNothingAndRecoveryRestoresEachMessageOnce() throws Exception {
        List<MqMessage> original = deepQueue();
        Map<String, Integer> killsByPhase = new HashMap<>();
        Random rnd = new Random();
        int kills = 0;
        long recovered = 0;
        // Kills land 5..5+spread ms after the child is ready. On a loaded machine the first drain can outlast a
        // short spread, so the spread doubles every 5 kills until both phases have been hit.
        int spread = 60;
        while (kills < 30 && !(killsByPhase.containsKey("DRAINING") && killsByPhase.containsKey("RESTORING")
                && kills >= 10)) {
            Process peeker = start(List.of(), "peek-loop", name);
            awaitLine(peeker, "READY");
            if (kills > 0 && kills % 5 == 0 && !killsByPhase.keySet().containsAll(List.of("DRAINING", "RESTORING"))) {
                spread = Math.min(spread * 2, 4000);
            }
            Thread.sleep(5 + rnd.nextInt(spread));
            peeker.destroyForcibly(); // SIGKILL
            assertThat(peeker.waitFor(10, TimeUnit.SECONDS)).isTrue();
            kills++;
            killsByPhase.merge(KillAndRecover.phaseLeft(journals), 1, Integer::sum);

            CommandResult first = recoverCli();
            assertThat(first.exit()).as(first.output()).isZero();
            recovered += restoredCount(first.output());
            CommandResult second = recoverCli();
            assertThat(second.exit()).as(second.output()).isZero();
            assertThat(second.output()).as("a second recovery restores nothing").contains("no interrupted peek, move or recreate");
            assertThat(Journal.list(journals)).isEmpty();

            assertThat(receiveAll()).as("after kill %d (%s)", kills, killsByPhase).containsExactlyElementsOf(original);
            refill(original);
        }
        System.out.printf("kill -9 during peek: %d kills %s, %d messages per queue, %d restored by --recover,"
                + " lost 0, duplicated 0%n", kills, killsByPhase, DEEP, recovered);
        assertThat(killsByPhase).containsKeys("DRAINING", "RESTORING");
    }

    /** A queue deeper than msg_max allows by default: raised just for the creation, then restored. */
    private List<MqMessage> deepQueue() throws Exception {
        String before;
        try {
            before = Files.readAllLines(MSG_MAX).get(0).strip(); // readString stops after one byte on /proc
            Files.writeString(MSG_MAX, Integer.toString(DEEP));
        } catch (IOException e) {
            Assumptions.abort("cannot raise " + MSG_MAX + " for a deep queue: " + e);
            return List.of();
        }
        MqQueue q;
        try {
            q = kernel.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR | Mq.O_NONBLOCK, 0600,
                    MqAttributes.of(DEEP, DEEP_MSGSIZE));
        } finally {
            Files.writeString(MSG_MAX, before);
        }
        Random rnd = new Random(42);
        List<MqMessage> sent = new ArrayList<>();
        for (int i = 0; i < DEEP; i++) {
            byte[] body = new byte[i % 97 == 0 ? 0 : 1 + rnd.nextInt(DEEP_MSGSIZE)];
            rnd.nextBytes(body);
            MqMessage m = new MqMessage(body, rnd.nextInt(10) * 3000);
            q.send(m.body(), m.priority());
            sent.add(m);
        }
        q.close();
        List<MqMessage> order = new ArrayList<>(sent);
        order.sort((a, b) -> Integer.compare(b.priority(), a.priority())); // stable: FIFO within a priority
        return order;
    }

    private void refill(List<MqMessage> inReceiveOrder) throws MqException {
        try (MqQueue q = kernel.open(name, Mq.O_WRONLY | Mq.O_NONBLOCK)) {
            for (MqMessage m : inReceiveOrder) {
                q.send(m.body(), m.priority());
            }
        }
    }

    private List<MqMessage> receiveAll() throws MqException {
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

    private CommandResult recoverCli() throws Exception {
        Process p = new ProcessBuilder(ChildJvmProcess.javaCommand(List.of(),
                List.of(journalProperty(), DRAIN_RESTORE),
                org.mqscope.App.class, "--recover")).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new CommandResult(p.exitValue(), out);
    }

    private static long restoredCount(String output) {
        return output.lines().filter(l -> l.contains("Restored ")).mapToLong(l -> Long.parseLong(
                l.substring(l.indexOf("Restored ") + 9).split(" ")[0])).sum();
    }

    private record CommandResult(int exit, String output) {
    }

    // ------------------------------------------------------------------ concurrency

    @Test
    void peeksWhileOtherProcessesSendAndReceiveNeitherLoseNorDuplicate() throws Exception {
        int count = 5000;
        kernel.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600, MqAttributes.of(10, 64)).close();
        Process consumer = start(List.of(), "consume", name, Integer.toString(count));
        awaitLine(consumer, "READY");
        Process producer = start(List.of(), "produce", name, Integer.toString(count));
        int peeks = 0;
        long arrived = 0;
        long departed = 0;
        try (MqQueue q = kernel.open(name, Mq.O_RDONLY)) {
            while (producer.isAlive()) {
                PeekResult r = q.snapshot();
                assertThat(r.drain().complete()).as("everything back after peek %d", peeks).isTrue();
                arrived += r.drain().arrived();
                departed += r.drain().departed();
                peeks++;
            }
        }
        assertThat(producer.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String got = awaitLine(consumer, "GOT ");
        List<String> received = got.length() > 4 ? Arrays.asList(got.substring(4).split(",")) : List.of();
        int[] times = new int[count];
        for (String r : received) {
            String[] seqPrio = r.split("/");
            int seq = Integer.parseInt(seqPrio[0]);
            times[seq]++;
            assertThat(Integer.parseInt(seqPrio[1]))
                    .isEqualTo(PeekProcessMain.PRIORITIES[seq % PeekProcessMain.PRIORITIES.length]);
        }
        long lost = Arrays.stream(times).filter(t -> t == 0).count();
        long duplicated = Arrays.stream(times).filter(t -> t > 1).count();
        System.out.printf("peek during traffic: %d peeks while %d messages went from one process to another"
                + " (seen arriving %d, leaving %d during drains), lost %d, duplicated %d%n",
                peeks, count, arrived, departed, lost, duplicated);
        assertThat(peeks).isPositive();
        assertThat(lost).isZero();
        assertThat(duplicated).isZero();
        assertThat(Journal.list(Journal.defaultDirectory())).as("no journal left behind").isEmpty();
    }

    // ------------------------------------------------------------------ permissions

    @Test
    void aUserWithoutWritePermissionIsToldWhyAndTheQueueIsUntouched() throws Exception {
        try (MqQueue q = kernel.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR | Mq.O_NONBLOCK, 0644,
                MqAttributes.of(10, 64))) {
            q.send("one".getBytes(StandardCharsets.UTF_8), 3);
            q.send("two".getBytes(StandardCharsets.UTF_8), 5);
            String before = q.readStatus();
            Process nobody = start(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"),
                    "peek-once", name);
            String support = awaitLine(nobody, "SUPPORT ");
            String outcome = awaitLine(nobody, "ERR ");
            assertThat(nobody.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(support).startsWith("SUPPORT false EACCES").contains("write permission").contains("O_RDWR");
            assertThat(outcome).isEqualTo("ERR EACCES");
            assertThat(q.readStatus()).isEqualTo(before);
            assertThat(new String(q.receive().body(), StandardCharsets.UTF_8)).isEqualTo("two");
            assertThat(new String(q.receive().body(), StandardCharsets.UTF_8)).isEqualTo("one");
        }
    }

    // ------------------------------------------------------------------ processes

    private String journalProperty() {
        return "-Dmqscope.journal.dir=" + journals;
    }

    private Process start(List<String> wrapper, String... args) throws IOException {
        Process p = new ProcessBuilder(ChildJvmProcess.javaCommand(wrapper,
                List.of(journalProperty(), DRAIN_RESTORE),
                PeekProcessMain.class, args)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        children.add(p);
        return p;
    }

    private final Map<Process, BufferedReader> readers = new HashMap<>();

    /** The next line of the child's output starting with {@code prefix}; fails when the child ends first. */
    private String awaitLine(Process p, String prefix) throws IOException {
        BufferedReader r = readers.computeIfAbsent(p,
                k -> new BufferedReader(new InputStreamReader(k.getInputStream(), StandardCharsets.UTF_8)));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("the child ended without printing " + prefix);
    }
}
