package org.mqscope.mq.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mqscope.testing.CProgram;

/**
 * src/test/c/mqtraffic.c (built by {@link CProgram}) and the processes started from it, each with its stdout in a
 * file of a directory. Killed on close. Without gcc the test is skipped, or fails under CI=true.
 */
final class TrafficProcesses implements AutoCloseable {
    private static final long DEADLINE_SECONDS = 120;

    private final Path dir;
    private final Path executable;
    private final List<Process> processes = new ArrayList<>();
    private final Map<Long, Path> outputs = new HashMap<>();

    /** Outputs go to {@code dir}; the program is built by {@link CProgram} on first use. */
    TrafficProcesses(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        this.executable = CProgram.compile("mqtraffic");
    }

    /** mqtraffic MODE QUEUE N [TAG] (see mqtraffic.c). */
    Process start(String mode, String queue, int n, String... tag) throws IOException {
        return start(List.of(), mode, queue, n, tag);
    }

    /** The same in a new IPC namespace with its own /dev/mqueue, where queue names mean other queues. */
    Process startInNewIpcNamespace(String mode, String queue, int n, String... tag) throws IOException {
        return start(List.of("unshare", "--ipc", "--mount", "--", "sh", "-c",
                "mount -t mqueue none /dev/mqueue && exec \"$0\" \"$@\""), mode, queue, n, tag);
    }

    /** The same as the command wrapper says (setpriv, nsenter...). */
    Process start(List<String> wrapper, String mode, String queue, int n, String... tag) throws IOException {
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.addAll(List.of(executable.toString(), mode, queue, "" + n));
        cmd.addAll(List.of(tag));
        Path out = dir.resolve(mode + "-" + processes.size() + ".out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        processes.add(p);
        outputs.put(p.pid(), out);
        return p;
    }

    /** Waits for p to end (at most two minutes) and checks it succeeded. */
    static void finish(Process p) throws InterruptedException {
        assertThat(p.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)).as("pid " + p.pid() + " finished").isTrue();
        assertThat(p.exitValue()).as("pid " + p.pid() + " exit status").isZero();
    }

    /** What p printed. */
    List<String> lines(Process p) throws IOException {
        return Files.readAllLines(outputs.get(p.pid()), StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        processes.forEach(Process::destroyForcibly);
    }
}
