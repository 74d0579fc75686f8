package org.mqscope.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mqscope.Needs;

/**
 * The one way tests build their C programs: src/test/c/NAME.c compiled on first use with gcc (C11, _GNU_SOURCE,
 * all warnings as errors, -lrt) into target/test-helpers/NAME, mode 0755 so that tests running it as another user
 * (setpriv) can. Without gcc the test is skipped on a laptop and fails under CI; a program gcc refuses fails the
 * test with gcc's own output.
 */
public final class CProgram {
    /** gcc builds these small files in well under a second; a slow loaded machine gets ample room. */
    private static final long GCC_SECONDS = 120;
    private static final Path SOURCES = Path.of("src/test/c");
    private static final Path OUTPUT = Path.of("target/test-helpers");

    private CProgram() {
    }

    /** src/test/c/NAME.c compiled to target/test-helpers/NAME (again when the source is newer than the binary). */
    public static Path compile(String name) throws IOException, InterruptedException {
        return compile(SOURCES, OUTPUT, name, "gcc");
    }

    /** The same from {@code sources} into {@code output} with {@code compiler} (its own tests use others). */
    static synchronized Path compile(Path sources, Path output, String name, String compiler)
            throws IOException, InterruptedException {
        Path source = sources.resolve(name + ".c").toAbsolutePath();
        if (!Files.isRegularFile(source)) {
            throw new IllegalStateException("no C source " + source);
        }
        Path dir = Files.createDirectories(output.toAbsolutePath());
        Path out = dir.resolve(name);
        boolean upToDate = Files.isExecutable(out)
                && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(source)) > 0;
        if (upToDate) {
            return out;
        }
        // Built under a temporary name and moved into place, so a test in another fork never runs half a file.
        Path building = Files.createTempFile(dir, name + ".", ".building");
        Path log = Files.createTempFile(dir, name + ".", ".gcc.log");
        try {
            List<String> cmd = List.of(compiler, "-std=c11", "-D_GNU_SOURCE", "-O2", "-Wall", "-Wextra", "-Werror",
                    "-o", building.toString(), source.toString(), "-lrt");
            Process gcc;
            try {
                gcc = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            } catch (IOException e) {
                throw Needs.missing(Needs.Need.TOOL, compiler + " to build " + source + " (" + e.getMessage() + ")");
            }
            if (!gcc.waitFor(GCC_SECONDS, TimeUnit.SECONDS)) {
                gcc.destroyForcibly().waitFor();
                throw failed(compiler, source, "did not finish in " + GCC_SECONDS + " s", log);
            }
            if (gcc.exitValue() != 0) {
                throw failed(compiler, source, "exited with " + gcc.exitValue(), log);
            }
            // other users run it too: /work/… and target/ are 0755, the file is made so as well
            Files.setPosixFilePermissions(building, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(building, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return out;
        } finally {
            Files.deleteIfExists(building);
            Files.deleteIfExists(log);
        }
    }

    private static IllegalStateException failed(String compiler, Path source, String how, Path log)
            throws IOException {
        return new IllegalStateException(compiler + " " + how + " on " + source + ":\n"
                + Files.readString(log, StandardCharsets.UTF_8));
    }
}
