package org.mqscope.mq;

import org.mqscope.Needs;
import org.mqscope.Needs.Need;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;


/**
 * {@link OtherProcess} as a real process: a child JVM running {@link ChildProcessMain}, started behind a wrapper
 * command (setpriv for another uid, unshare for a private IPC namespace, prlimit for RLIMIT_MSGQUEUE). The child
 * cannot read the test JVM's class path when it runs as another user (/root is mode 700), so the class path is
 * copied once to a world-readable temporary directory.
 */
final class ChildJvmProcess implements OtherProcess {
    private static final long REPLY_TIMEOUT_SECONDS = 20;
    private static final String END_OF_OUTPUT = "\u0000eof";
    private static Path sharedDir;

    private final Process process;
    private final Writer in;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final Path stderr;
    private final int pid;
    private final boolean exitOnClose;

    private ChildJvmProcess(List<String> wrapper, boolean exitOnClose) throws IOException {
        this.exitOnClose = exitOnClose;
        stderr = Files.createTempFile(sharedDir().resolve("tmp"), "child-", ".err");
        process = new ProcessBuilder(javaCommand(wrapper, List.of(), ChildProcessMain.class))
                .redirectError(stderr.toFile()).start();
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread pump = new Thread(this::pumpReplies, "mq-child-" + process.pid());
        pump.setDaemon(true);
        pump.start();
        String hello = firstReply();
        if (hello.startsWith("UNAVAILABLE ")) {
            process.destroy();
            throw Needs.missing(Need.KERNEL_MQUEUE, "the kernel backend does not start in a child process: "
                    + ChildProcessMain.decode(hello.substring("UNAVAILABLE ".length())));
        }
        if (!hello.startsWith("READY ")) {
            process.destroy();
            throw Needs.missing(Need.CHILD_JVM, "cannot start another process with " + String.join(" ", wrapper)
                    + ": " + hello + " " + errorOutput());
        }
        pid = Integer.parseInt(hello.substring("READY ".length()).trim());
    }

    /**
     * The command line that runs {@code main} in a child JVM behind {@code wrapper} (setpriv, unshare... or
     * nothing), on a world-readable copy of the test class path, with {@code jvmArgs} (e.g. -D options).
     */
    static List<String> javaCommand(List<String> wrapper, List<String> jvmArgs, Class<?> main, String... args)
            throws IOException {
        Path dir = sharedDir();
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xmx64m",
                "-Djava.io.tmpdir=" + dir.resolve("tmp"), "-Djna.tmpdir=" + dir.resolve("tmp")));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", classPath(dir), main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** A child JVM running as {@code uid}/{@code gid} (no supplementary groups, no capabilities, umask 022). */
    static ChildJvmProcess asUser(int uid, int gid) {
        return start(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups",
                "sh", "-c", "umask 022 && exec \"$@\"", "sh"), false);
    }

    /**
     * A child JVM alone in a new IPC namespace (with its own /dev/mqueue mount) whose sysctls and RLIMIT_MSGQUEUE
     * are {@code limits}, running as {@code uid}/{@code gid}. The namespace and its queues vanish with the child.
     */
    static ChildJvmProcess isolated(int uid, int gid, MqLimits limits) {
        String sysctls = "cd /proc/sys/fs/mqueue"
                + " && echo " + limits.msgMax() + " > msg_max"
                + " && echo " + limits.msgsizeMax() + " > msgsize_max"
                + " && echo " + limits.msgDefault() + " > msg_default"
                + " && echo " + limits.msgsizeDefault() + " > msgsize_default"
                + " && echo " + limits.queuesMax() + " > queues_max";
        String script = "mount -t mqueue mqueue /dev/mqueue && " + sysctls + " && cd / && umask 022"
                + " && exec prlimit --msgqueue=" + limits.rlimitMsgqueue()
                + " setpriv --reuid=" + uid + " --regid=" + gid + " --clear-groups \"$@\"";
        return start(List.of("unshare", "--ipc", "--mount", "--propagation", "private", "sh", "-c", script, "sh"),
                true);
    }

    private static ChildJvmProcess start(List<String> wrapper, boolean exitOnClose) {
        try {
            return new ChildJvmProcess(wrapper, exitOnClose);
        } catch (IOException e) {
            throw Needs.missing(Need.CHILD_JVM, "cannot start another process: " + e);
        }
    }

    @Override
    public int pid() {
        return pid;
    }

    @Override
    public String open(String name, int oflag, int mode, MqAttributes attr) {
        return attr == null
                ? call("open", name, oflag, mode, ChildProcessMain.NO_VALUE, ChildProcessMain.NO_VALUE)
                : call("open", name, oflag, mode, attr.maxMessages(), attr.messageSize());
    }

    @Override
    public String send(String name, String body, int priority) {
        return call("send", name, body, priority);
    }

    @Override
    public String receive(String name) {
        return call("receive", name);
    }

    @Override
    public String notify(String name, Notification n) {
        return n == null ? call("notify", name, ChildProcessMain.NO_VALUE)
                : call("notify", name, n.method(), n.signo());
    }

    @Override
    public String closeQueue(String name) {
        return call("closeQueue", name);
    }

    @Override
    public String status(String name) {
        return call("status", name);
    }

    @Override
    public String unlink(String name) {
        return call("unlink", name);
    }

    /**
     * Closes the child's descriptors. A child in its own namespace exits; one sharing the namespace stays for reuse
     * (see {@link #exit()}), since starting a JVM is the slow part.
     */
    @Override
    public void close() {
        if (exitOnClose) {
            exit();
        } else if (process.isAlive()) {
            call("reset");
        }
    }

    /** Ends the child: closing its stdin makes it close everything and exit. */
    void exit() {
        try {
            in.close();
            if (!process.waitFor(REPLY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    private synchronized String call(Object... fields) {
        try {
            in.write(ChildProcessMain.encodeFields(fields) + "\n");
            in.flush();
        } catch (IOException e) {
            throw new AssertionError("child process " + pid + " is gone: " + errorOutput(), e);
        }
        String reply = ChildProcessMain.decode(nextReply());
        if (reply.startsWith("FAILED ")) {
            throw new AssertionError("child process " + pid + " could not run " + List.of(fields) + ": " + reply);
        }
        return reply;
    }

    /** The child's greeting, or what went wrong when it died first (e.g. setpriv or unshare lacked a privilege). */
    private String firstReply() {
        try {
            String reply = replies.poll(REPLY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return reply == null || reply.equals(END_OF_OUTPUT) ? "no greeting" : reply;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private String nextReply() {
        try {
            String reply = replies.poll(REPLY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (reply == null || reply.equals(END_OF_OUTPUT)) {
                throw new AssertionError("no answer from the child process: " + errorOutput());
            }
            return reply;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for the child process", e);
        }
    }

    private void pumpReplies() {
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                replies.add(line);
            }
        } catch (IOException e) {
            // the child died; the waiting call reports it with the child's stderr
        }
        replies.add(END_OF_OUTPUT);
    }

    private String errorOutput() {
        try {
            return Files.readString(stderr).strip();
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }

    /** The world-readable copy of the class path, made once per test JVM and deleted when it exits. */
    private static synchronized Path sharedDir() throws IOException {
        if (sharedDir == null) {
            Path dir = Files.createTempDirectory(Path.of("/tmp"), "mqscope-child-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Path tmp = Files.createDirectory(dir.resolve("tmp"));
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
            Path cp = Files.createDirectory(dir.resolve("cp"));
            String[] entries = System.getProperty("java.class.path").split(java.io.File.pathSeparator);
            for (int i = 0; i < entries.length; i++) {
                Path source = Path.of(entries[i]);
                if (Files.isDirectory(source)) {
                    copyTree(source, cp.resolve(String.valueOf(i)));
                } else if (Files.isRegularFile(source)) {
                    copyReadable(source, cp.resolve(i + ".jar"));
                }
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            sharedDir = dir;
        }
        return sharedDir;
    }

    private static String classPath(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("cp"))) {
            return String.join(java.io.File.pathSeparator,
                    s.sorted(Comparator.comparing(p -> Integer.parseInt(p.getFileName().toString()
                            .replace(".jar", "")))).map(Path::toString).toList());
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    copyReadable(p, target);
                }
            }
        }
    }

    private static void copyReadable(Path from, Path to) throws IOException {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: /tmp is cleaned anyway
        }
    }
}
