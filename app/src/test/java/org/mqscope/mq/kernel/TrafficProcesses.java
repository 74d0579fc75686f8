package org.mqscope.mq.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * mqtraffic.c (a test resource) compiled with gcc into a directory, and the processes started from it, each with
 * its stdout in a file. Killed on close. Without gcc the test is skipped, or fails under CI=true.
 */
final class TrafficProcesses implements AutoCloseable {
    private static final long DEADLINE_SECONDS = 120;

    private final Path dir;
    private final Path executable;
    private final List<Process> processes = new ArrayList<>();
    private final Map<Long, Path> outputs = new HashMap<>();

    TrafficProcesses(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        Path source = dir.resolve("mqtraffic.c");
        try (InputStream in = TrafficProcesses.class.getResourceAsStream("mqtraffic.c")) {
            assertThat(in).as("mqtraffic.c on the test class path").isNotNull();
            Files.write(source, in.readAllBytes());
        }
        executable = dir.resolve("mqtraffic");
        Process gcc;
        try {
            gcc = new ProcessBuilder("gcc", "-std=c11", "-O2", "-Wall", "-Wextra", "-Werror", source.toString(),
                    "-o", executable.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            ExactPeekAssumptions.require(false, "gcc is needed to build the recording tests' traffic: " + e);
            throw e;
        }
        String out = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gcc.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(gcc.exitValue()).as(out).isZero();
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
