package org.mqscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;

/**
 * Every command's output, text and JSON, against files under src/test/resources/org/mqscope/cli/golden, run in
 * this JVM through picocli on an emulated namespace seeded the same way each time. The owner's name and times are
 * replaced by OWNER and TIME before comparing (they depend on who runs the test, and when). Run with
 * -Dgolden.update=true to rewrite the files after a deliberate change, then read the diff.
 */
class CliGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/org/mqscope/cli/golden");

    @TempDir
    Path dir;
    private MqBackend backend;
    private CliRun cli;

    @BeforeEach
    void seed() throws MqException {
        backend = MqBackends.emulated();
        cli = new CliRun(backend);
        try (MqQueue q = backend.open("/orders", Mq.O_CREAT | Mq.O_RDWR, 0640, MqAttributes.of(8, 128))) {
            q.send("first order".getBytes(StandardCharsets.UTF_8), 1);
            q.send(new byte[] {0, (byte) 0xff, 1, 2}, 0);
            q.send("urgent\nline two".getBytes(StandardCharsets.UTF_8), 9);
        }
        backend.open("/audit", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(4, 64)).close();
    }

    @AfterEach
    void close() {
        backend.close();
    }

    static List<Object[]> cases() {
        List<Object[]> c = new ArrayList<>();
        c.add(new Object[] {"ls", new String[] {"ls"}});
        c.add(new Object[] {"ls-json", new String[] {"ls", "--json"}});
        c.add(new Object[] {"stat", new String[] {"stat", "/orders"}});
        c.add(new Object[] {"stat-json", new String[] {"stat", "/orders", "--json"}});
        c.add(new Object[] {"peek", new String[] {"peek", "/orders"}});
        c.add(new Object[] {"peek-hex", new String[] {"peek", "/orders", "--format=hex", "--index=1", "--count=1"}});
        c.add(new Object[] {"peek-json", new String[] {"peek", "/orders", "--format=json"}});
        c.add(new Object[] {"peek-jsonl", new String[] {"peek", "/orders", "--format", "jsonl"}});
        c.add(new Object[] {"send", new String[] {"send", "/audit", "--priority", "2", "hello", "audit"}});
        c.add(new Object[] {"send-json", new String[] {"send", "/audit", "--hex", "00ff", "--count", "2", "--json"}});
        c.add(new Object[] {"recv", new String[] {"recv", "/orders", "--count", "2"}});
        c.add(new Object[] {"recv-json", new String[] {"recv", "/orders", "--format=json"}});
        c.add(new Object[] {"create", new String[] {"create", "/new", "--maxmsg", "5", "--msgsize", "256"}});
        c.add(new Object[] {"create-json", new String[] {"create", "/new", "--json"}});
        c.add(new Object[] {"create-refused", new String[] {"create", "/new", "--maxmsg", "20"}});
        c.add(new Object[] {"rm", new String[] {"rm", "/audit", "/missing"}});
        c.add(new Object[] {"export", new String[] {"export", "/orders"}});
        c.add(new Object[] {"copy", new String[] {"copy", "/orders", "/audit"}});
        c.add(new Object[] {"copy-json", new String[] {"copy", "/orders", "/audit", "--json"}});
        c.add(new Object[] {"copy-refused", new String[] {"copy", "/orders", "/audit", "--json"}});
        c.add(new Object[] {"move", new String[] {"copy", "/orders", "/wide", "--move", "--count", "2"}});
        c.add(new Object[] {"move-refused", new String[] {"copy", "/orders", "/audit", "--move"}});
        c.add(new Object[] {"copy-index", new String[] {"copy", "/orders", "/audit", "--index", "2,0"}});
        c.add(new Object[] {"move-index", new String[] {"copy", "/orders", "/wide", "--move", "--index", "1",
                "--allow-drain"}});
        c.add(new Object[] {"move-index-json", new String[] {"copy", "/orders", "/wide", "--move", "--index=2,0",
                "--allow-drain", "--json"}});
        c.add(new Object[] {"move-index-no-drain", new String[] {"copy", "/orders", "/wide", "--move", "--index",
                "1"}});
        c.add(new Object[] {"move-index-missing", new String[] {"copy", "/orders", "/wide", "--move", "--index",
                "1,3", "--allow-drain"}});
        c.add(new Object[] {"move-index-count", new String[] {"copy", "/orders", "/wide", "--move", "--index", "1",
                "--count", "1"}});
        c.add(new Object[] {"watch", new String[] {"watch", "--passes", "1", "/orders"}});
        c.add(new Object[] {"watch-json", new String[] {"watch", "--passes", "1", "--json"}});
        c.add(new Object[] {"ps", new String[] {"ps"}});
        c.add(new Object[] {"ps-queue", new String[] {"ps", "/orders"}});
        c.add(new Object[] {"ps-json", new String[] {"ps", "--json"}});
        c.add(new Object[] {"ps-holder", new String[] {"ps", "/orders"}});
        c.add(new Object[] {"ps-holder-json", new String[] {"ps", "/orders", "--json"}});
        c.add(new Object[] {"ps-missing", new String[] {"ps", "/missing"}});
        c.add(new Object[] {"ns-emulated", new String[] {"ns", "--backend=emulated"}});
        c.add(new Object[] {"ns-option-emulated", new String[] {"ls", "--ns=1", "--backend=emulated"}});
        c.add(new Object[] {"usage", new String[] {"peek"}});
        c.add(new Object[] {"unknown-command", new String[] {"frobnicate"}});
        c.add(new Object[] {"peek-missing", new String[] {"peek", "/missing"}});
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputMatchesItsGoldenFile(String name, String[] args) throws IOException, MqException {
        if (name.equals("copy-refused")) {
            // /audit (4 slots) takes the 3 messages once; the second copy must be refused before sending
            assertThat(cli.run("copy", "/orders", "/audit").exit()).isZero();
        }
        if (name.equals("move") || name.startsWith("move-index")) {
            assertThat(cli.run("create", "/wide", "--maxmsg", "8", "--msgsize", "128").exit()).isZero();
        }
        CliRun.Result r;
        if (name.startsWith("ps-holder")) {
            // this thread holds /orders open, as a program in the emulated namespace would
            try (MqQueue held = backend.open("/orders", Mq.O_RDONLY | Mq.O_NONBLOCK)) {
                r = cli.run(args);
            }
            // who runs the test, and as which process, differs from run to run; the padding around them too
            String pid = Long.toString(ProcessHandle.current().pid());
            int uid = org.mqscope.mq.ProcessStatus.current().uid();
            String user = org.mqscope.monitor.limits.UserNames.load().user(uid);
            r = new CliRun.Result(r.exit(), r.out().replaceAll(" +" + pid + " ", " PID ")
                    .replace("\"pid\":" + pid + ",", "\"pid\":PID,")
                    .replace("\"uid\":" + uid + ",", "\"uid\":UID,")
                    .replaceAll(java.util.regex.Pattern.quote(user) + " +", "USER ")
                    .replace("\"user\":\"" + user + "\"", "\"user\":\"USER\""), r.err());
        } else {
            r = cli.run(args);
        }
        if (name.equals("move")) {
            r = new CliRun.Result(r.exit(), r.out() + cli.run("ls").out(), r.err());
        }
        if (name.startsWith("move-index") || name.equals("copy-index")) {
            // what is left in the source, in its order, and what the target holds
            String target = name.equals("copy-index") ? "/audit" : "/wide";
            r = new CliRun.Result(r.exit(), r.out() + "--- peek /orders\n" + cli.run("peek", "/orders").out()
                    + "--- peek " + target + "\n" + cli.run("peek", target).out(), r.err());
        }
        String actual = "exit " + r.exit() + "\n--- stdout\n" + r.out() + "--- stderr\n" + r.err();
        actual = normalise(actual);
        Path file = GOLDEN.resolve(name + ".txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file (run with -Dgolden.update=true to create it)").exists();
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void importReadsWhatExportWrote() throws IOException {
        Path file = dir.resolve("orders.jsonl");
        assertThat(cli.run("export", "/orders", "-o", file.toString()).exit()).isZero();
        assertThat(cli.run("create", "/copy", "--maxmsg", "8", "--msgsize", "128").exit()).isZero();
        CliRun.Result r = cli.run("import", file.toString(), "/copy");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("sent 3 messages to /copy\n");
        assertThat(cli.run("peek", "/copy").out()).isEqualTo(cli.run("peek", "/orders").out());
    }

    @Test
    void aBrokenMessageFileIsNamedWithItsLineAndNothingIsSent() throws IOException {
        Path file = dir.resolve("orders.jsonl");
        assertThat(cli.run("export", "/orders", "-o", file.toString()).exit()).isZero();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(2, lines.get(2).replace("\"priority\":1", "\"priority\":\"high\""));
        Files.write(file, lines);
        CliRun.Result r = cli.run("import", file.toString(), "/audit");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("mqscope: import " + file + ": line 3: \"priority\" is missing or not a whole "
                + "number\n");
        assertThat(cli.run("stat", "/audit", "--json").out()).contains("\"curmsgs\":0");
    }

    @Test
    void fileFailuresNameTheFileAndTheErrnoOnce() throws IOException {
        Path missing = dir.resolve("no-such-dir").resolve("orders.jsonl");
        CliRun.Result r = cli.run("export", "/orders", "-o", missing.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("mqscope: export /orders: " + missing + ": ENOENT (No such file or directory)\n");
        r = cli.run("export", "/orders", "-o", dir.toString());
        assertThat(r.err()).isEqualTo("mqscope: export /orders: " + dir + ": EISDIR (Is a directory)\n");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left behind").isEmpty();
        }
        r = cli.run("import", missing.toString(), "/audit");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("mqscope: import " + missing + ": ENOENT (No such file or directory)\n");
        r = cli.run("send", "/audit", "--file", dir.toString());
        assertThat(r.err()).isEqualTo("mqscope: send /audit: " + dir + ": EISDIR (Is a directory)\n");
    }

    private String normalise(String s) {
        int uid = org.mqscope.mq.ProcessStatus.current().uid();
        int gid = org.mqscope.mq.ProcessStatus.current().gid();
        return s.replace("\"uid\":" + uid + ",\"gid\":" + gid, "\"uid\":UID,\"gid\":GID")
                .replace("(uid " + uid + ", gid " + gid + ")", "(uid UID, gid GID)")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z", "TIME")
                .replace(new QueueTable(backend).ownerName(org.mqscope.mq.ProcessStatus.current().uid()),
                        "OWNER");
    }
}
