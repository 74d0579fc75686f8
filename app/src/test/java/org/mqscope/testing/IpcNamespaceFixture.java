package org.mqscope.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.mqscope.mq.IpcNamespaces;

/**
 * A new IPC namespace for a test: {@code unshare --ipc [--mount] --fork} running a shell that optionally mounts a
 * fresh mqueue file system on /dev/mqueue and sets its msg_max, prints its pid, and becomes {@code sleep}. Nothing
 * holds the queues the test creates there but the namespace itself; closing the fixture ends its only process, so
 * the namespace and its queues go away. Needs root and unshare: without them the test is skipped on a laptop and
 * fails under CI=true.
 */
public final class IpcNamespaceFixture implements AutoCloseable {
    private static final Duration START_DEADLINE = Duration.ofSeconds(30);

    private final Process unshare;
    private final int pid;
    private final long inode;

    private IpcNamespaceFixture(Process unshare, int pid, long inode) {
        this.unshare = unshare;
        this.pid = pid;
        this.inode = inode;
    }

    /**
     * @param mount  mount a fresh mqueue file system on /dev/mqueue in a new mount namespace; without it the
     *               namespace's processes see the host's /dev/mqueue, which is not theirs
     * @param msgMax a msg_max for the namespace, or 0 to keep the default
     */
    public static IpcNamespaceFixture start(boolean mount, int msgMax) throws IOException {
        require(Files.isExecutable(Path.of("/usr/bin/unshare")), "unshare(1) is not installed");
        require("0".equals(idU()), "creating an IPC namespace needs root");
        StringBuilder script = new StringBuilder("set -e; ");
        if (mount) {
            script.append("mount -t mqueue none /dev/mqueue; ");
        }
        if (msgMax > 0) {
            script.append("echo ").append(msgMax).append(" > /proc/sys/fs/mqueue/msg_max; ");
        }
        script.append("echo ready $$; exec sleep 3600");
        List<String> command = new ArrayList<>(List.of("unshare", "--ipc"));
        if (mount) {
            command.add("--mount");
        }
        command.addAll(List.of("--fork", "--kill-child", "sh", "-c", script.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        try {
            line = CompletableFuture.supplyAsync(() -> {
                try {
                    String l;
                    StringBuilder all = new StringBuilder();
                    while ((l = out.readLine()) != null) {
                        if (l.startsWith("ready ")) {
                            return l;
                        }
                        all.append(l).append('\n');
                    }
                    return all.toString();
                } catch (IOException e) {
                    return e.toString();
                }
            }).get(START_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IOException("unshare did not start within " + START_DEADLINE.toSeconds() + " s", e);
        }
        if (!line.startsWith("ready ")) {
            p.destroyForcibly();
            require(false, "unshare failed: " + line.strip());
        }
        int pid = Integer.parseInt(line.substring("ready ".length()).strip());
        long inode = IpcNamespaces.of(pid);
        Assertions.assertNotEquals(IpcNamespaces.self(), inode, "unshare gave a namespace of its own");
        return new IpcNamespaceFixture(p, pid, inode);
    }

    /** Skips (laptop) or fails (CI=true) when something the test needs is missing. */
    public static void require(boolean condition, String what) {
        if (condition) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(what + " (CI=true: namespace tests must run, not skip)");
        }
        Assumptions.abort(what);
    }

    private static String idU() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("Uid:")) {
                return l.split("\\s+")[2]; // effective uid
            }
        }
        return "?";
    }

    /** The namespace's one process (sleep). */
    public int pid() {
        return pid;
    }

    /** unshare itself, which entered the namespace before it forked the shell: the namespace's first process. */
    public int launcherPid() {
        return (int) unshare.pid();
    }

    public long inode() {
        return inode;
    }

    /** Ends the namespace's process and waits until it is gone, so the namespace is gone too. */
    @Override
    public void close() {
        ProcessHandle.of(pid).ifPresent(h -> {
            h.destroyForcibly();
            h.onExit().orTimeout(START_DEADLINE.toMillis(), TimeUnit.MILLISECONDS).join();
        });
        unshare.destroyForcibly();
        try {
            unshare.waitFor(START_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
