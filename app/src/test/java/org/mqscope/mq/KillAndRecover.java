package org.mqscope.mq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.mqscope.Needs;
import org.mqscope.Needs.Need;
import org.mqscope.mq.kernel.journal.Journal;

/**
 * The kill -9 loop of the move tests: a child JVM that moves messages over and over is killed with SIGKILL at a
 * random instant after it said READY, {@code mqscope --recover} runs (twice: the second finds nothing), no journal
 * is left, and the test checks the queues. The kill instants spread wider until enough kills landed mid-move (a
 * journal in one of the phases asked for was left behind).
 */
final class KillAndRecover {
    /** What a test checks after each kill and recovery (and how it sets the queues up for the next child). */
    interface AfterRecovery {
        void check(int kill, Map<String, Integer> phasesFound) throws Exception;
    }

    private final Path journals;
    private Process child;

    KillAndRecover(Path journals) {
        this.journals = journals;
    }

    /**
     * Runs the loop: at least {@code minKills}, until {@code midMoveKills} of them left a journal in one of
     * {@code midMovePhases} and each of {@code everyPhase} was hit at least once, at most {@code maxKills}.
     *
     * @return kills per phase the journal was found in (NONE: between two moves; LOCKED: the child's lock had not
     *         gone yet; CREATING: the header was not written yet)
     */
    Map<String, Integer> run(Class<?> main, List<String> args, Set<String> midMovePhases, Set<String> everyPhase,
                             int minKills, int maxKills, int midMoveKills, AfterRecovery check) throws Exception {
        Random rnd = new Random(15);
        Map<String, Integer> found = new HashMap<>();
        int spread = 40;
        int kill = 0;
        while (kill < maxKills && (kill < minKills || midMove(found, midMovePhases) < midMoveKills
                || !found.keySet().containsAll(everyPhase))) {
            kill++;
            child = start(new ProcessBuilder(ChildJvmProcess.javaCommand(List.of(), List.of(journalProperty()), main,
                    args.toArray(String[]::new))).redirectError(ProcessBuilder.Redirect.INHERIT));
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String hello = out.readLine();
            if (hello == null) {
                throw Needs.missing(Need.CHILD_JVM, "the child JVM " + main.getSimpleName() + " said nothing");
            }
            assertThat(hello).isEqualTo("READY");
            Thread.sleep(5 + rnd.nextInt(spread)); // a random instant of the loop, not a synchronisation
            assertThat(child.isAlive()).as("the moving child is still moving when killed (its stderr says why not)")
                    .isTrue();
            child.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            child = null;
            found.merge(phaseLeft(journals), 1, Integer::sum);
            if (kill % 4 == 0 && (midMove(found, midMovePhases) < midMoveKills
                    || !found.keySet().containsAll(everyPhase))) {
                spread = Math.min(spread * 2, 2000);
            }
            String first = recoverCli();
            assertThat(recoverCli()).as("a second recovery finds nothing").contains("no interrupted peek, move or recreate");
            assertThat(Journal.list(journals)).as("after kill %d: %s", kill, first).isEmpty();
            check.check(kill, found);
        }
        return found;
    }

    private static int midMove(Map<String, Integer> found, Set<String> phases) {
        return phases.stream().mapToInt(p -> found.getOrDefault(p, 0)).sum();
    }

    /** Kills a child still running when the test ended early. */
    void destroy() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    /**
     * Where a killed child left its journal in {@code journals}: its phase, NONE when it died between two
     * operations, LOCKED when its lock had not gone yet, CREATING when the header was not written yet.
     */
    static String phaseLeft(Path journals) throws IOException {
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
        Process p = start(new ProcessBuilder(ChildJvmProcess.javaCommand(List.of(), List.of(journalProperty()),
                org.mqscope.App.class, "--recover")).redirectErrorStream(true));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static Process start(ProcessBuilder b) {
        try {
            return b.start();
        } catch (IOException e) {
            throw Needs.missing(Need.CHILD_JVM, "cannot start another process: " + e);
        }
    }

    private String journalProperty() {
        return "-Dmqscope.journal.dir=" + journals;
    }
}
