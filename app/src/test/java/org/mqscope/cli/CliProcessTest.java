package org.mqscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mqscope.monitor.processes.Holders;
import org.mqscope.monitor.processes.ProcessScanner;
import org.mqscope.monitor.processes.QueueUsage;
import org.mqscope.monitor.processes.Role;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;
import org.mqscope.testing.IpcNamespaceFixture;

/**
 * mqscope as a script runs it: a child JVM per command on the real kernel, its exit status, stdout and stderr
 * apart, JSON checked by python3 -m json.tool, and a pipe from export into import.
 */
class CliProcessTest {
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path dir;
    private MqBackend kernel;
    private final List<String> queues = new ArrayList<>();

    @BeforeEach
    void kernel() {
        try {
            kernel = MqBackends.kernel();
        } catch (MqException e) {
            throw org.mqscope.Needs.missing(org.mqscope.Needs.Need.KERNEL_MQUEUE, e.getMessage());
        }
    }

    @AfterEach
    void cleanUp() {
        for (String q : queues) {
            try {
                kernel.unlink(q);
            } catch (MqException e) {
                // removed by the test, or never created
            }
        }
        kernel.close();
    }

    private String queue(String role) {
        String q = "/mqscope-cli-" + role + "-" + UUID.randomUUID().toString().substring(0, 8);
        queues.add(q);
        return q;
    }

    record Run(int exit, String out, String err) {
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> mqscope(String... args) {
        return mqscopeWith(List.of(), args);
    }

    /** mqscope whose kernel backend peeks only by drain and restore, as where the exact peek cannot run. */
    private static List<String> mqscopeWithoutExactPeek(String... args) {
        return mqscopeWith(List.of("-Dmqscope.peek=drain-restore"), args);
    }

    private static List<String> mqscopeWith(List<String> properties, String... args) {
        List<String> c = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        c.addAll(properties);
        c.addAll(List.of(
                "-Dmqscope.journal.dir=" + System.getProperty("mqscope.journal.dir", "target/journals"),
                "-cp", System.getProperty("java.class.path"), "org.mqscope.App"));
        c.addAll(List.of(args));
        return c;
    }

    private Run run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("%s ends", command).isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Run sh(String script) throws IOException, InterruptedException {
        return run(List.of("sh", "-c", script));
    }

    private static String quoted(List<String> words) {
        return String.join(" ", words.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").toList());
    }

    @Test
    void exitStatusesAndStreamsAreWhatAScriptExpects() throws Exception {
        String q = queue("proc");
        assertThat(run(mqscope("create", q, "--maxmsg", "5", "--msgsize", "64", "--exclusive")).exit()).isZero();
        Run sent = run(mqscope("send", q, "--priority", "7", "hello", "script"));
        assertThat(sent).isEqualTo(new Run(0, "sent 1 message (12 bytes) to " + q + "\n", ""));

        Run exact = sh(quoted(mqscope("peek", q, "--format=json")) + " | python3 -m json.tool");
        assertThat(exact.exit()).as("the exact peek, where it runs (root, BTF, the helper): %s", exact.err())
                .isZero();
        assertThat(exact.out()).contains("\"body\": \"hello script\"", "\"priority\": 7");
        assertThat(exact.err()).isEmpty();

        Run refused = run(mqscopeWithoutExactPeek("peek", q));
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).startsWith("mqscope: peek " + q + ": no exact peek here")
                .contains("add --allow-drain");

        Run missing = run(mqscope("peek", q + "-missing"));
        assertThat(missing).isEqualTo(new Run(1, "", "mqscope: peek " + q + "-missing: ENOENT: there is no such"
                + " queue or directory\n"));

        Run usage = run(mqscope("peek", "--count"));
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.out()).isEmpty();
        assertThat(usage.err()).startsWith("mqscope: peek: ").contains("Usage: mqscope peek");

        Run json = sh(quoted(mqscopeWithoutExactPeek("peek", q, "--allow-drain", "--format=json"))
                + " | python3 -m json.tool");
        assertThat(json.exit()).isZero();
        assertThat(json.out()).contains("\"body\": \"hello script\"", "\"priority\": 7");
        assertThat(json.err()).as("the drain is said on stderr").contains("by drain and restore");

        Run ls = sh(quoted(mqscope("ls", "--json")) + " | python3 -m json.tool");
        assertThat(ls.exit()).isZero();
        assertThat(ls.out()).contains("\"name\": \"" + q + "\"");
    }

    @Test
    void moveByIndexOnTheKernelTakesMessagesOutOfTheMiddleOnlyWithAllowDrain() throws Exception {
        String src = queue("move-src");
        String dst = queue("move-dst");
        assertThat(run(mqscope("create", src, "--maxmsg", "5", "--msgsize", "16")).exit()).isZero();
        assertThat(run(mqscope("create", dst, "--maxmsg", "5", "--msgsize", "16")).exit()).isZero();
        for (String body : List.of("m0", "m1", "m2", "m3")) {
            assertThat(run(mqscope("send", src, body)).exit()).isZero();
        }
        Run refused = run(mqscope("copy", src, dst, "--move", "--index", "1,2"));
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).startsWith("mqscope: copy " + src + ": a queue gives up messages only from its"
                + " head").endsWith("add --allow-drain to accept that\n");

        Run moved = run(mqscope("copy", src, dst, "--move", "--index", "2,1", "--allow-drain"));
        assertThat(moved.exit()).as(moved.err()).isZero();
        assertThat(moved.out()).isEqualTo("moved 2 messages from " + src + " to " + dst + "\n");
        assertThat(moved.err()).contains("drain and restore that skips them").contains("journaled");
        assertThat(run(mqscope("recv", dst, "--nonblock", "--count", "5")).out())
                .contains("m1").contains("m2").doesNotContain("m0").doesNotContain("m3");
        Run rest = run(mqscope("peek", src, "--allow-drain"));
        assertThat(rest.out().lines().toList()).containsExactly("#0 priority 0, 2 bytes: m0",
                "#1 priority 0, 2 bytes: m3");
    }

    @Test
    void watchPrintsPlainLinesIntoAPipeAndCtrlCEndsItCleanly() throws Exception {
        String q = queue("watch");
        assertThat(run(mqscope("create", q, "--maxmsg", "3", "--msgsize", "16")).exit()).isZero();
        Path err = dir.resolve("watch.err");
        Process p = new ProcessBuilder(mqscope("watch", q, "--interval", "100ms")).redirectError(err.toFile())
                .start();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String first = lines.readLine();
            assertThat(first).as("a plain line per queue and pass, no terminal codes")
                    .matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z " + q + " 0/3 qsize 0");
            assertThat(lines.readLine()).as("the next pass").endsWith(q + " 0/3 qsize 0");
            assertThat(new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor()).isZero();
            assertThat(p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            for (String rest; (rest = lines.readLine()) != null; ) {
                assertThat(rest).as("every line whole").endsWith(q + " 0/3 qsize 0");
            }
        }
        assertThat(p.exitValue()).as("killed by SIGINT, as a shell expects").isEqualTo(130);
        assertThat(Files.readString(err)).as("no stack trace, nothing on stderr").isEmpty();
    }

    @Test
    void exportPipedIntoImportCopiesAQueue() throws Exception {
        String from = queue("from");
        String to = queue("to");
        assertThat(run(mqscope("create", from, "--maxmsg", "4", "--msgsize", "32")).exit()).isZero();
        assertThat(run(mqscope("create", to, "--maxmsg", "4", "--msgsize", "32")).exit()).isZero();
        assertThat(run(mqscope("send", from, "--hex", "00ff00", "--count", "2")).exit()).isZero();
        Run piped = sh(quoted(mqscope("export", from, "--allow-drain")) + " | "
                + quoted(mqscope("import", "-", to)));
        assertThat(piped.exit()).as(piped.err()).isZero();
        assertThat(piped.out()).isEqualTo("sent 2 messages to " + to + "\n");
        assertThat(run(mqscope("peek", to, "--allow-drain", "--format=jsonl")).out())
                .isEqualTo(run(mqscope("peek", from, "--allow-drain", "--format=jsonl")).out())
                .contains("\"encoding\":\"base64\",\"body\":\"AP8A\"");
    }

    @Test
    void lsJsonIsValidOnANamespaceWith256Queues() throws Exception {
        String script = "mount -t mqueue none /dev/mqueue && echo 512 > /proc/sys/fs/mqueue/queues_max && "
                + quoted(List.of(java(), "-cp", System.getProperty("java.class.path"),
                ManyQueuesMain.class.getName(), "256")) + " && " + quoted(mqscope("ls", "--json"))
                + " > ls.json && python3 -m json.tool ls.json > /dev/null && python3 -c "
                + "'import json; print(len(json.load(open(\"ls.json\"))[\"queues\"]))'";
        Run r = run(List.of("unshare", "--ipc", "--mount", "--propagation", "private", "sh", "-c",
                "cd " + dir + " && " + script));
        if (r.exit() != 0 && r.err().contains("unshare failed")) {
            throw org.mqscope.Needs.missing(org.mqscope.Needs.Need.ROOT, "cannot make a private IPC namespace here: "
                    + r.err());
        }
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("256\n");
        assertThat(Files.readString(dir.resolve("ls.json"), StandardCharsets.UTF_8)).contains("\"name\":\"/q255\"");
    }

    @Test
    void psNamesARealHolderAndABlockedReceiverInTextAndJson() throws Exception {
        String q = queue("ps");
        kernel.open(q, Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(2, 16)).close();
        try (Holders holders = new Holders()) {
            Holders.Running holder = holders.start(q, "wn", "hold");
            Holders.Running receiver = holders.start(q, "r", "receive");
            Holders.Running notified = holders.start(q, "r", "notify");
            awaitBlockedReceivers(q, 1);

            Run text = run(mqscope("ps", q));
            assertThat(text.exit()).as(text.err()).isZero();
            assertThat(text.err()).as("root sees every process").isEmpty();
            assertThat(text.out().lines().toList()).hasSize(6).first().asString().startsWith("QUEUE ");
            assertThat(text.out()).containsPattern(q + " +" + notified.pid() + " mqhold +\\S.* +" + notified.fd()
                    + " r +holder\n");
            assertThat(text.out()).as("a registration has no descriptor or mode of its own")
                    .containsPattern(q + " +" + notified.pid() + " mqhold +\\S.* +- +- +notify-owner\n");
            assertThat(text.out()).containsPattern(q + " +" + holder.pid() + " mqhold +\\S.* +" + holder.fd()
                    + " w,nonblock +holder\n");
            assertThat(text.out()).containsPattern(q + " +" + receiver.pid() + " mqhold +\\S.* +" + receiver.fd()
                    + " r +holder\n");
            assertThat(text.out()).containsPattern(q + " +" + receiver.pid() + " mqhold +\\S.* +" + receiver.fd()
                    + " r +blocked-receive\n");
            assertThat(text.out()).as("mqscope's own descriptors are left out").doesNotContain(" java ");

            Run json = sh(quoted(mqscope("ps", q, "--json")) + " | python3 -m json.tool");
            assertThat(json.exit()).as(json.err()).isZero();
            assertThat(json.out()).contains("\"name\": \"" + q + "\"", "\"pid\": " + holder.pid(),
                    "\"command\": \"mqhold\"", "\"fd\": " + holder.fd(), "\"mode\": \"w\"",
                    "\"nonblock\": true", "\"role\": \"holder\"", "\"role\": \"blocked-receive\"",
                    "\"role\": \"notify-owner\"",
                    "\"complete\": true");

            Run all = run(mqscope("ps"));
            assertThat(all.exit()).isZero();
            assertThat(all.out()).contains(q + " ").contains(" " + holder.pid() + " mqhold");
        }
    }

    @Test
    void psSaysWhenOnlyOwnProcessesAreVisible() throws Exception {
        String q = queue("psuser");
        kernel.open(q, Mq.O_CREAT | Mq.O_RDWR, 0644, MqAttributes.of(2, 16)).close();
        org.mqscope.Needs.that(Files.isExecutable(Path.of("/usr/bin/setpriv")), org.mqscope.Needs.Need.TOOL,
                "setpriv(1), to run mqscope as another user");
        try (Holders holders = new Holders()) {
            Holders.Running holder = holders.start(q, "r", "hold");
            List<String> asNobody = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534",
                    "--clear-groups", java(), "-cp", classPathOthersCanRead(), "org.mqscope.App", "ps", q));
            Run r = run(asNobody);
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.err()).startsWith("mqscope: ps: you can see only your own processes: ");
            assertThat(r.out()).doesNotContain(" " + holder.pid() + " ");
        }
    }

    @Test
    void lsShowsLastActivityFromTheQueueFile() throws Exception {
        String q = queue("last");
        try (MqQueue queue = kernel.open(q, Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(2, 16))) {
            queue.send(new byte[] {1}, 0);
        }
        Instant sent = Files.getLastModifiedTime(Path.of("/dev/mqueue", q.substring(1))).toInstant();
        Run text = run(mqscope("ls"));
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).containsPattern("LAST_ACTIVITY NOTIFY_PID\n")
                .containsPattern(q + " +1/2 +16 +\\d+ +0600 +\\S+ +(just now|\\d+ s ago) +-\n");
        Run json = sh(quoted(mqscope("ls", "--json")) + " | python3 -m json.tool");
        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(json.out()).contains("\"last_activity\": \"" + sent + "\"");
    }

    @Test
    void nsOptionWorksInAnotherNamespaceAndNsListsIt() throws Exception {
        String host = queue("host");
        kernel.open(host, Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(2, 16)).close();
        String inside = "/mqscope-cli2-ns-" + UUID.randomUUID().toString().substring(0, 8);
        try (IpcNamespaceFixture ns = IpcNamespaceFixture.start(true, 0)) {
            String pid = Integer.toString(ns.pid());
            Run created = run(mqscope("create", "--ns=" + pid, inside, "--maxmsg", "3", "--msgsize", "32"));
            assertThat(created.exit()).as(created.err()).isZero();
            assertThat(run(mqscope("send", "--ns=" + pid, inside, "in", "there")).exit()).isZero();

            Run ls = run(mqscope("ls", "--ns=" + pid));
            assertThat(ls.exit()).as(ls.err()).isZero();
            assertThat(ls.out()).as("the send's time, from the namespace's own mqueue mount")
                    .containsPattern(inside + " +1/3 +32 +\\d+ +\\d{4} +\\S+ +(just now|\\d+ s ago) ")
                    .doesNotContain(host);

            // a holder inside the namespace: its descriptor points into the namespace's mount, not /dev/mqueue
            try (Holders holders = new Holders()) {
                Holders.Running holder = holders.start(List.of("nsenter", "--target", pid, "--ipc", "--mount"),
                        inside, "rw", "hold");
                Run ps = run(mqscope("ps", "--ns=" + pid, inside));
                assertThat(ps.exit()).as(ps.err()).isZero();
                assertThat(ps.out()).containsPattern(inside + " +" + holder.pid() + " mqhold +\\S.* +"
                        + holder.fd() + " rw +holder\n");
                assertThat(run(mqscope("ps", inside)).err()).as("the host has no such queue")
                        .startsWith("mqscope: ps " + inside + ": ENOENT");
            }
            assertThat(run(mqscope("ls")).out()).as("the host's listing").contains(host).doesNotContain(inside);

            Run json = sh(quoted(mqscope("ns", "--json")) + " | python3 -m json.tool");
            assertThat(json.exit()).as(json.err()).isZero();
            assertThat(json.out()).contains("\"id\": \"ipc:[" + ns.inode() + "]\"", "\"inode\": " + ns.inode(),
                    "\"host\": true");
            String entry = json.out().substring(json.out().indexOf("\"ipc:[" + ns.inode() + "]\""));
            entry = entry.substring(0, entry.indexOf('}'));
            assertThat(entry).contains("\"queues\": 1", "\"host\": false").containsPattern(
                    "\"pids\": \\[[^\\]]*\\b" + pid + "\\b");

            Run text = run(mqscope("ns"));
            assertThat(text.exit()).isZero();
            assertThat(text.out()).containsPattern("ipc:\\[" + ns.inode() + "] +\\d+ +1 ");
        }
    }

    @Test
    void nsOptionNamesAMissingProcessAndRefusesTheEmulation() throws Exception {
        int gone = deadPid();
        Run missing = run(mqscope("ls", "--ns=" + gone));
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).startsWith("mqscope: ls: ESRCH: ").contains("--ns=" + gone).endsWith("\n")
                .doesNotContain("Exception");

        Run emulated = run(mqscope("ls", "--ns=1", "--backend=emulated"));
        assertThat(emulated.exit()).isEqualTo(2);
        assertThat(emulated.err()).startsWith("mqscope: ls: --ns=1 needs the kernel backend")
                .contains("Usage: mqscope ls");
    }

    /**
     * The test's class path as another user can read it: jars from a private directory (root's Maven repository)
     * are copied under target/, which is world-readable like the rest of the work tree.
     */
    private static String classPathOthersCanRead() throws IOException {
        Path copies = Path.of("target/cli-classpath").toAbsolutePath();
        Files.createDirectories(copies);
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(e).toAbsolutePath();
            if (Files.isRegularFile(p) && p.startsWith(System.getProperty("user.home"))) {
                Path copy = copies.resolve(p.getFileName());
                Files.copy(p, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(copy, java.nio.file.attribute.PosixFilePermissions.fromString(
                        "rw-r--r--"));
                p = copy;
            }
            entries.add(p.toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** A pid no process has: a child that has been reaped (pids are not reused that fast). */
    private static int deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        assertThat(p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        return (int) p.pid();
    }

    private void awaitBlockedReceivers(String q, int count) throws InterruptedException, MqException {
        ProcessScanner scanner = ProcessScanner.forBackend(kernel);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        QueueUsage u;
        do {
            u = scanner.scan(q);
            if (u.of(Role.BLOCKED_RECEIVE).size() == count) {
                return;
            }
            Thread.sleep(10); // polling /proc/PID/syscall with a deadline: there is no event to wait for
        } while (System.nanoTime() < deadline);
        throw new AssertionError("not blocked in mq_receive within " + TIMEOUT_SECONDS + " s: " + u);
    }
}
