package org.mqscope.mq.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.kernel.PeekProtocol.Failure;
import org.mqscope.mq.kernel.PeekProtocol.ProbeOk;
import org.mqscope.mq.kernel.PeekProtocol.Reply;
import org.mqscope.mq.kernel.PeekProtocol.Request;
import org.mqscope.mq.kernel.PeekProtocol.Snapshot;

/**
 * The helper as a program: what it does with input that is not a valid request, and that it shows a caller no more
 * than the caller could receive (uid 65534 through setpriv, with and without the .deb's capabilities).
 */
class PeekHelperInputTest extends KernelTestBase {
    private static final int NOBODY = 65534;
    private static final byte[] SECRET = "secret-bytes-of-root".getBytes(StandardCharsets.US_ASCII);
    private Path helper;

    @BeforeEach
    void helperPresent() {
        helper = ExactPeekAssumptions.helper();
    }

    /** What the helper wrote and how it ended. */
    record Run(int exit, byte[] out, String err) {
        List<Reply> replies(int... ops) throws IOException {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(out));
            List<Reply> replies = new ArrayList<>();
            for (int op : ops) {
                replies.add(PeekProtocol.read(in, op));
            }
            assertThat(in.read()).as("nothing after the replies").isEqualTo(-1);
            return replies;
        }
    }

    static Run run(List<String> command, byte[] input) throws Exception {
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().write(input);
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, err);
    }

    private Run run(byte[] input) throws Exception {
        return run(List.of(helper.toString()), input);
    }

    static byte[] request(Request... requests) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (Request r : requests) {
            PeekProtocol.write(out, r);
        }
        return bytes.toByteArray();
    }

    private static byte[] header(int version, int op, long index, int attempts, int nameLength) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeBytes("MQPQ");
            out.writeShort(version);
            out.writeShort(op);
            out.writeLong(index);
            out.writeLong(0);
            out.writeLong(0);
            out.writeShort(attempts);
            out.writeShort(nameLength);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    private static Failure failure(Run r, int op) throws IOException {
        Reply reply = r.replies(op).get(0);
        assertThat(reply).isInstanceOf(Failure.class);
        return (Failure) reply;
    }

    private static void assertNoCrash(Run r) {
        assertThat(r.exit()).as("exit status (a signal would be above 128): " + r.err()).isBetween(0, 2);
    }

    @Test
    void garbageIsAProtocolErrorAndEndsTheHelper() throws Exception {
        Run r = run("hello, this is not a request, and it is long enough for a header\n"
                .getBytes(StandardCharsets.US_ASCII));
        assertNoCrash(r);
        assertThat(r.exit()).isEqualTo(2);
        Failure f = failure(r, PeekProtocol.OP_SNAPSHOT);
        assertThat(f.code()).isEqualTo(Errno.EPROTO.code());
        assertThat(f.errnoName()).isEqualTo("EPROTO");
        assertThat(f.text()).contains("not an mqpeek request");
        assertThat(r.err()).contains("EPROTO");
    }

    @Test
    void noInputIsNoWork() throws Exception {
        Run r = run(new byte[0]);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void malformedHeadersEachGetTheirReason() throws Exception {
        record Case(byte[] input, String says) {
        }
        List<Case> cases = List.of(
                new Case(header(1, 1, 0, 0, 0), "must be a slash"),
                new Case(new byte[] {'M', 'Q', 'P', 'Q', 0, 1}, "ended early"),
                new Case(header(7, 1, 0, 0, 0), "version 7"),
                new Case(header(1, 9, 0, 0, 0), "op 9"),
                new Case(header(1, 1, 0, 5000, 0), "attempts 5000"),
                new Case(header(1, 1, 0, 0, 300), "name_len 300"),
                new Case(concat(header(1, 1, 0, 0, 10), "/abc".getBytes()), "before its 10-byte name"),
                new Case(concat(header(1, 1, 3, 0, 2), "/q".getBytes()), "index must be 0"),
                new Case(concat(header(1, 3, 0, 0, 2), "/q".getBytes()), "a probe has no name"));
        for (Case c : cases) {
            Run r = run(c.input());
            assertNoCrash(r);
            assertThat(r.exit()).as(c.says()).isIn(1, 2);
            Failure f = failure(r, PeekProtocol.OP_SNAPSHOT);
            assertThat(f.text()).as("errno %s", f.errnoName()).contains(c.says());
        }
    }

    @Test
    void badNamesAreRefusedAndTheNextRequestIsStillServed() throws Exception {
        Run r = run(concat(request(new Request(PeekProtocol.OP_SNAPSHOT, "no-slash", 0, 0, 0, 0)),
                request(new Request(PeekProtocol.OP_SNAPSHOT, "/two/slashes", 0, 0, 0, 0)),
                concat(header(1, 1, 0, 0, 3), new byte[] {'/', 'a', 0}),
                request(new Request(PeekProtocol.OP_SNAPSHOT, "/mqscope-exact-peek-absent-queue", 0, 0, 0, 0)),
                request(Request.probe())));
        assertNoCrash(r);
        assertThat(r.exit()).isEqualTo(1);
        List<Reply> replies = r.replies(1, 1, 1, 1, PeekProtocol.OP_PROBE);
        assertThat(((Failure) replies.get(0)).errnoName()).isEqualTo("EINVAL");
        assertThat(((Failure) replies.get(1)).errnoName()).isEqualTo("EINVAL");
        assertThat(((Failure) replies.get(2)).text()).contains("NUL");
        assertThat(((Failure) replies.get(3)).errnoName()).isEqualTo("ENOENT");
        assertThat(replies.get(4)).isInstanceOf(ProbeOk.class);
    }

    /** A snapshot request naming its queue by path (extension 2), with {@code path} as raw bytes. */
    private static byte[] byPath(byte[] path) {
        return concat(header(1, PeekProtocol.OP_SNAPSHOT | PeekProtocol.OP_BY_PATH, 0, 0, path.length), path);
    }

    private static byte[] byPath(String path) {
        return byPath(path.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void badPathsAreRefusedWithTheirErrnoAndTheNextRequestIsStillServed() throws Exception {
        String name = newName("/mqscope-exact-peek-path-");
        try (MqQueue q = backend.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600, MqAttributes.of(2, 64))) {
            q.send("by path".getBytes(StandardCharsets.US_ASCII), 4);
            byte[] tooLong = new byte[PeekProtocol.PATH_MAX + 1];
            java.util.Arrays.fill(tooLong, (byte) 'a');
            tooLong[0] = '/';
            // A FIFO would block an open(2) until a writer came: it must be refused without being opened.
            Path fifo = capableDir.resolve("fifo");
            Run made = run(List.of("mkfifo", fifo.toString()), new byte[0]);
            assertThat(made.exit()).as("mkfifo: " + made.err()).isZero();
            Run r = run(concat(byPath("/etc/hostname"), byPath("dev/mqueue" + name), byPath(tooLong),
                    byPath("/dev/mqueue"), byPath(new byte[] {'/', 'a', 0, 'b'}), byPath("/dev/mqueue/absent-here"),
                    byPath(fifo.toString()), byPath("/dev/mqueue" + name)));
            assertNoCrash(r);
            assertThat(r.exit()).as(r.err()).isEqualTo(1);
            List<Reply> replies = r.replies(1, 1, 1, 1, 1, 1, 1, 1);
            Failure notMqueue = (Failure) replies.get(0);
            assertThat(notMqueue.errnoName()).isEqualTo("EINVAL");
            assertThat(notMqueue.text()).contains("/etc/hostname").contains("not a message queue");
            Failure relative = (Failure) replies.get(1);
            assertThat(relative.errnoName()).isEqualTo("EINVAL");
            assertThat(relative.text()).contains("must be absolute");
            Failure longPath = (Failure) replies.get(2);
            assertThat(longPath.errnoName()).isEqualTo("ENAMETOOLONG");
            assertThat(longPath.text()).contains("4096 bytes").contains("4095");
            Failure directory = (Failure) replies.get(3);
            assertThat(directory.errnoName()).isEqualTo("EINVAL");
            assertThat(directory.text()).contains("not a message queue");
            assertThat(((Failure) replies.get(4)).text()).contains("NUL");
            assertThat(((Failure) replies.get(5)).errnoName()).isEqualTo("ENOENT");
            assertThat(((Failure) replies.get(6)).text()).contains("not a message queue");
            Snapshot s = (Snapshot) replies.get(7);
            assertThat(s.messages()).hasSize(1);
            assertThat(s.messages().get(0).body()).isEqualTo("by path".getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void onlyASnapshotOrPeekNamesItsQueueByPath() throws Exception {
        Run r = run(concat(header(1, PeekProtocol.OP_PROBE | PeekProtocol.OP_BY_PATH, 0, 0, 0)));
        assertNoCrash(r);
        assertThat(r.exit()).isEqualTo(2);
        Failure f = failure(r, PeekProtocol.OP_PROBE);
        assertThat(f.errnoName()).isEqualTo("EPROTO");
        assertThat(f.text()).contains("by path");
    }

    @Test
    void aUserWithoutReadPermissionGetsEaccesAndNoData() throws Exception {
        require("setpriv");
        String name = newName("/mqscope-exact-peek-perm-");
        try (MqQueue q = backend.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600, MqAttributes.of(2, 64))) {
            q.send(SECRET, 1);
            // the helper is given the capabilities the .deb gives it; still, the kernel's check on the open decides
            Path capable = capableCopy();
            for (Path program : List.of(helper, capable)) {
                Run r = run(asNobody(program), request(new Request(PeekProtocol.OP_SNAPSHOT, name, 0, 0, 0, 0)));
                assertNoCrash(r);
                assertThat(r.exit()).isEqualTo(1);
                Failure f = failure(r, PeekProtocol.OP_SNAPSHOT);
                assertThat(f.errnoName()).isEqualTo("EACCES");
                assertThat(f.text()).contains("read permission");
                assertThat(new String(r.out(), StandardCharsets.ISO_8859_1))
                        .doesNotContain(new String(SECRET, StandardCharsets.ISO_8859_1));
            }
        }
    }

    @Test
    void withReadPermissionTheCapabilitiesAreWhatItNeeds() throws Exception {
        require("setpriv");
        String name = newName("/mqscope-exact-peek-perm-");
        try (MqQueue q = backend.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0644, MqAttributes.of(2, 64))) {
            q.send("readable".getBytes(StandardCharsets.US_ASCII), 3);
            byte[] ask = request(new Request(PeekProtocol.OP_SNAPSHOT, name, 0, 0, 0, 0));

            Failure without = failure(run(asNobody(helper), ask), PeekProtocol.OP_SNAPSHOT);
            assertThat(without.errnoName()).isEqualTo("EPERM");
            assertThat(without.text()).contains("setcap cap_bpf,cap_perfmon+ep");

            Run with = run(asNobody(capableCopy()), ask);
            assertThat(with.exit()).as(with.err()).isZero();
            Snapshot s = (Snapshot) with.replies(PeekProtocol.OP_SNAPSHOT).get(0);
            assertThat(s.messages()).hasSize(1);
            assertThat(s.messages().get(0).body()).isEqualTo("readable".getBytes(StandardCharsets.US_ASCII));
        }
    }

    @TempDir
    Path capableDir;

    /** A copy of the helper with exactly the .deb's file capabilities, where uid 65534 can run it. */
    private Path capableCopy() throws Exception {
        return capableCopy(helper, capableDir);
    }

    /** A copy of {@code helper} in {@code dir} with exactly the .deb's file capabilities, runnable by uid 65534. */
    static Path capableCopy(Path helper, Path dir) throws Exception {
        require("setcap");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path copy = dir.resolve("mqpeek");
        if (!Files.exists(copy)) {
            Files.copy(helper, copy);
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
            Run r = run(List.of("setcap", "cap_bpf,cap_perfmon+ep", copy.toString()), new byte[0]);
            assertThat(r.exit()).as("setcap: " + r.err()).isZero();
        }
        return copy;
    }

    static List<String> asNobody(Path program) {
        List<String> cmd = new java.util.ArrayList<>(nobody());
        cmd.add(program.toString());
        return cmd;
    }

    /** The command prefix that runs what follows as nobody (uid and gid 65534, no groups). */
    static List<String> nobody() {
        return List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--");
    }

    static void require(String tool) {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            found |= Files.isExecutable(Path.of(dir, tool));
        }
        for (String dir : List.of("/usr/sbin", "/sbin")) {
            found |= Files.isExecutable(Path.of(dir, tool));
        }
        ExactPeekAssumptions.require(found, tool + " is not installed (util-linux / libcap2-bin)");
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
