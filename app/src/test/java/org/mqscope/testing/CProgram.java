package org.mqscope.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.mqscope.Needs;

/**
 * A test's C program under src/test/c, compiled once per run with gcc (C11, all warnings as errors) into
 * target/test-helpers. Without gcc the test is skipped on a laptop and fails under CI.
 */
public final class CProgram {
    private static final long GCC_SECONDS = 120;

    private CProgram() {
    }

    /** src/test/c/NAME.c compiled to target/test-helpers/NAME (again when the source is newer). */
    public static synchronized Path compile(String name) throws IOException, InterruptedException {
        Path source = Path.of("src/test/c", name + ".c").toAbsolutePath();
        Path dir = Files.createDirectories(Path.of("target/test-helpers").toAbsolutePath());
        Path out = dir.resolve(name);
        if (Files.isExecutable(out) && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(source)) > 0) {
            return out;
        }
        Process gcc;
        try {
            gcc = new ProcessBuilder("gcc", "-std=c11", "-D_GNU_SOURCE", "-O2", "-Wall", "-Wextra", "-Werror", "-o",
                    out.toString(), source.toString(), "-lrt").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw Needs.missing(Needs.Need.TOOL, "gcc to build " + source + " (" + e.getMessage() + ")");
        }
        String log = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!gcc.waitFor(GCC_SECONDS, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
            throw new IllegalStateException("gcc failed on " + source + ":\n" + log);
        }
        return out;
    }
}
