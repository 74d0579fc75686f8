package org.mqscope.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Where the installer build (installer/package.sh, run by the Maven profile "installer") put its output, and a way
 * to run the programs the checks need. The profile passes the directories as system properties.
 */
final class Packages {
    static final String NAME = "mqscope";
    static final int[] ICON_SIZES = {16, 32, 48, 128, 256};
    static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

    private Packages() {
    }

    /** target/installer: image/, icons/, the .deb. */
    static Path outputDir() {
        return directory("mqscope.installer.dir");
    }

    /** The repository's installer/ directory (modules.txt, mqscope.desktop...). */
    static Path sourcesDir() {
        return directory("mqscope.installer.sources");
    }

    /** The repository's icons/ directory. */
    static Path iconSourcesDir() {
        return directory("mqscope.icons.sources");
    }

    static Path appImage() {
        return outputDir().resolve("image").resolve(NAME);
    }

    /** The .deb, if this build made one (-Dinstaller.types may leave it out). */
    static Optional<Path> deb() {
        try (Stream<Path> files = Files.list(outputDir())) {
            List<Path> debs = files.filter(p -> p.getFileName().toString().endsWith(".deb")).toList();
            assertThat(debs).as("packages in " + outputDir()).hasSizeLessThanOrEqualTo(1);
            return debs.stream().findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path directory(String property) {
        String value = System.getProperty(property);
        assertThat(value).as("system property " + property + " (set by the Maven profile 'installer')").isNotBlank();
        Path dir = Path.of(value);
        assertThat(dir).as(property).isDirectory();
        return dir;
    }

    static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** A finished program: its exit status and what it printed. */
    record Result(int exitCode, String out, String err) {
        String describe() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Result run(List<String> command) {
        return run(command, Map.of());
    }

    /** Runs a program to its end (at most {@link #COMMAND_TIMEOUT}), with extra environment variables. */
    static Result run(List<String> command, Map<String, String> environment) {
        try {
            Path out = Files.createTempFile("mqscope-installer-", ".out");
            Path err = Files.createTempFile("mqscope-installer-", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
                builder.environment().remove("JAVA_TOOL_OPTIONS"); // the checks set it themselves where needed
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError(command + " did not finish within " + COMMAND_TIMEOUT);
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    /** Runs a program and insists that it succeeds. */
    static Result runOk(List<String> command, Map<String, String> environment) {
        Result r = run(command, environment);
        assertThat(r.exitCode()).as(String.join(" ", command) + "\n" + r.describe()).isZero();
        return r;
    }

    static Result runOk(String... command) {
        return runOk(List.of(command), Map.of());
    }
}
