package org.mqscope.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mqscope.Needs;
import org.opentest4j.TestAbortedException;

/**
 * The one compile of test C programs: built once and reused while the source is older, executable by others, a
 * refused program fails with gcc's words, and a missing compiler skips on a laptop but fails under CI.
 */
class CProgramTest {
    @TempDir
    Path sources;
    @TempDir
    Path output;

    @Test
    void aProgramIsBuiltOnFirstUseAndReusedAfter() throws Exception {
        Files.writeString(sources.resolve("hello.c"),
                "#include <stdio.h>\nint main(void) { puts(\"hi\"); return 0; }\n");
        Path built = CProgram.compile(sources, output, "hello", "gcc");
        assertThat(built).isEqualTo(output.resolve("hello").toAbsolutePath());
        assertThat(Files.getPosixFilePermissions(built)).isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        Process run = new ProcessBuilder(built.toString()).start();
        assertThat(new String(run.getInputStream().readAllBytes())).isEqualTo("hi\n");
        FileTime first = Files.getLastModifiedTime(built);

        assertThat(CProgram.compile(sources, output, "hello", "gcc")).isEqualTo(built);
        assertThat(Files.getLastModifiedTime(built)).as("not built again").isEqualTo(first);
        try (var left = Files.list(output)) {
            assertThat(left).as("no temporary file or log left").containsExactly(built);
        }
    }

    @Test
    void aProgramGccRefusesFailsWithGccsOutput() throws Exception {
        Files.writeString(sources.resolve("broken.c"), "int main(void) { int unused; return 0; }\n");
        assertThatThrownBy(() -> CProgram.compile(sources, output, "broken", "gcc"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("gcc exited with 1 on " + sources.resolve("broken.c").toAbsolutePath())
                .hasMessageContaining("unused variable");
        assertThat(output.resolve("broken")).doesNotExist();
    }

    @Test
    void aMissingCompilerSkipsOnALaptopAndFailsUnderCi() throws Exception {
        Files.writeString(sources.resolve("hello.c"), "int main(void) { return 0; }\n");
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> CProgram.compile(sources, output, "hello", "no-such-compiler-mqscope"));
        if (Needs.strict()) {
            assertThat(thrown).isInstanceOf(AssertionError.class).isNotInstanceOf(TestAbortedException.class);
        } else {
            assertThat(thrown).isInstanceOf(TestAbortedException.class);
        }
        assertThat(thrown).hasMessageContaining("no-such-compiler-mqscope to build");
    }
}
