package org.mqscope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad command lines as a user types them, in a child JVM (System.exit is the behaviour under test): a clear
 * message naming the option and the errno, the right exit status, never a stack trace. Headless on purpose: the
 * screenshot's target is checked before a window would open.
 */
class AppCommandLineTest {
    private static final long TIMEOUT_SECONDS = 60;

    private record Run(int status, String out, String err) {
    }

    private static Run mqscope(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                App.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        assertThat(p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("mqscope exited").isTrue();
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static void noStackTrace(Run r) {
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.out()).doesNotContain("\tat ");
    }

    @Test
    void aScreenshotIntoADirectoryNamesTheOptionAndEisdir(@TempDir Path dir) throws Exception {
        Run r = mqscope("--screenshot", dir.toString());
        assertThat(r.status()).isEqualTo(App.EXIT_FAILURE);
        assertThat(r.err()).isEqualTo("mqscope: --screenshot " + dir + ": cannot write it: EISDIR (Is a directory)"
                + System.lineSeparator());
        noStackTrace(r);
        assertThat(dir).isDirectory(); // ImageIO's File writer would have deleted an empty one
    }

    @Test
    void aScreenshotWhereNothingCanBeWrittenSaysWhyAndLeavesNothing(@TempDir Path dir) throws Exception {
        Path file = Path.of("/proc/self/mqscope-rough/shot.png");
        Run r = mqscope("--screenshot", file.toString());
        assertThat(r.status()).isEqualTo(App.EXIT_FAILURE);
        assertThat(r.err()).startsWith("mqscope: --screenshot " + file + ": cannot write it: /proc/self/mqscope-rough: E");
        noStackTrace(r);

        Path readOnly = Files.createDirectory(dir.resolve("ro"));
        Path target = readOnly.resolve("shot.png");
        Files.writeString(target, "old");
        target.toFile().setReadOnly();
        readOnly.toFile().setReadOnly();
        if (!Files.isWritable(target)) { // root writes anyway: this half only means something for a user
            Run denied = mqscope("--screenshot", target.toString());
            assertThat(denied.err()).contains("EACCES (Permission denied)");
            assertThat(Files.readString(target)).isEqualTo("old");
        }
    }

    @Test
    void recoverRefusesReadOnlyAsAUsageError() throws Exception {
        Run r = mqscope("--read-only", "--recover");
        assertThat(r.status()).isEqualTo(App.EXIT_USAGE);
        assertThat(r.err()).startsWith("mqscope: --recover sends messages back into their queues, which "
                + "--read-only forbids");
        noStackTrace(r);
    }
}
