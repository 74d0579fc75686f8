package org.mqscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The man page and bash completion come from the same definitions as --help, and both tools accept them. */
class CliDocsTest {
    @TempDir
    Path dir;

    @Test
    void theManPageNamesEveryCommandAndOptionAndGroffRendersIt() throws Exception {
        String page = CliDocs.manPage();
        for (Class<? extends CliCommand> c : Cli.COMMANDS) {
            String name = c.getAnnotation(picocli.CommandLine.Command.class).name();
            assertThat(page).contains(".SS " + name + "\n");
        }
        assertThat(page).contains("\\-\\-allow\\-drain", "\\-\\-move", ".SH EXIT STATUS", ".SH MESSAGE FILES");
        Path file = dir.resolve("mqscope.1");
        Files.writeString(file, page, StandardCharsets.UTF_8);
        org.mqscope.Needs.that(Files.isExecutable(Path.of("/usr/bin/groff")), org.mqscope.Needs.Need.TOOL,
                "groff is not installed (.ci/run installs it)");
        Process p = new ProcessBuilder("groff", "-man", "-Tutf8", "-wmac", file.toString())
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(Files.readString(dir.resolve("err"))).as("groff warnings").isEmpty();
        assertThat(Files.readString(dir.resolve("out"))).contains("Usage error; the usage follows");
    }

    @Test
    void theCompletionScriptIsValidBashAndCompletesTheCommands() throws Exception {
        CliDocs.main(new String[] {dir.toString()});
        Path script = dir.resolve(CliDocs.COMPLETION);
        assertThat(Files.readString(script)).contains("complete ", "peek", "import", "--allow-drain");
        assertThat(run("bash", "-n", script.toString())).isZero();
        // what bash offers after "mqscope pe" and after "mqscope copy --m"
        String probe = "source " + script + "; COMP_WORDS=(mqscope pe); COMP_CWORD=1; _complete_mqscope; "
                + "echo \"${COMPREPLY[@]}\"; COMP_WORDS=(mqscope copy --m); COMP_CWORD=2; _complete_mqscope; "
                + "echo \"${COMPREPLY[@]}\"";
        // stderr apart: outside a real completion bash says compopt is not in a completion function
        Process p = new ProcessBuilder("bash", "-c", probe).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out.lines().toList()).as(out).containsExactly("peek", "--move");
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }
}
