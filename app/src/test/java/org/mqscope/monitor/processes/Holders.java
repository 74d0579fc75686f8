package org.mqscope.monitor.processes;

import org.mqscope.testing.CProgram;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real processes that use queues: src/test/c/mqhold.c, built by {@link CProgram} (world-executable: other users
 * must be able to run it). Every process started is killed and reaped by
 * {@link #close}. Public for the command line's ps tests, which start the same helper.
 */
public final class Holders implements AutoCloseable {
    private static Path binary;
    private final List<Process> started = new ArrayList<>();

    /** The compiled helper; the test fails under CI (else is skipped) without gcc. */
    public static Path binary() throws IOException, InterruptedException {
        return CProgram.compile("mqhold");
    }

    /** Starts {@code mqhold args…} behind {@code wrapper} (setpriv, unshare…) and waits for its READY line. */
    public Running start(List<String> wrapper, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.add(binary().toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        started.add(p);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("READY ")) {
            throw new IllegalStateException(String.join(" ", cmd) + " did not start: " + line);
        }
        return new Running(p, Integer.parseInt(line.substring("READY ".length()).strip()), out);
    }

    /** True for a process this object started (or its descendant, behind a forking wrapper). */
    boolean started(int pid) {
        for (Process p : started) {
            if (p.pid() == pid || p.descendants().anyMatch(d -> d.pid() == pid)) {
                return true;
            }
        }
        return false;
    }

    public Running start(String... args) throws IOException, InterruptedException {
        return start(List.of(), args);
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : started) {
            p.waitFor(10, TimeUnit.SECONDS);
        }
        started.clear();
    }

    /**
     * One helper process. With a wrapper that forks (unshare --fork), the process that holds the queue is the
     * wrapper's descendant.
     */
    public record Running(Process process, int fd, BufferedReader out) {
        public int pid() {
            return (int) process.descendants().reduce((a, b) -> b).map(ProcessHandle::pid)
                    .orElse(process.pid()).longValue();
        }

        /** Kills the helper and waits until it is reaped, so /proc no longer lists it. */
        public void kill() throws InterruptedException {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
