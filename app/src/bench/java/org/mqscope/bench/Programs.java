package org.mqscope.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a program to its end with a deadline and gives back what it printed. */
final class Programs {
    /** What a program printed, and how it ended. */
    record Outcome(int exit, String out, String err) {
        boolean ok() {
            return exit == 0;
        }

        /** The last lines of the error output, for a skip reason. */
        String why() {
            String text = (err.isBlank() ? out : err).strip();
            String[] lines = text.split("\\R");
            return "exit " + exit + ": " + String.join(" / ", List.of(lines).subList(Math.max(0, lines.length - 3),
                    lines.length));
        }
    }

    private Programs() {
    }

    static Outcome run(List<String> command, Map<String, String> env, long timeoutSeconds) throws IOException,
            InterruptedException {
        Path out = Files.createTempFile("mqbench", ".out");
        Path err = Files.createTempFile("mqbench", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return new Outcome(-1, read(out), "timed out after " + timeoutSeconds + " s");
            }
            return new Outcome(p.exitValue(), read(out), read(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The java of this JVM with its class path, running {@code mainClass}. */
    static List<String> java(List<String> jvmArgs, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
