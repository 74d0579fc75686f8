package org.mqscope.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * The base of the contract suite: one backend per test, unique queue names that are unlinked afterwards, and the
 * few helpers every topic uses. Each topic is an abstract subclass; {@link KernelBackendContractTest} and
 * {@link EmulatedBackendContractTest} run every topic against their backend. The reference for every expectation is
 * /work/shared/reference/linux-mqueue-semantics.md (section numbers in the comments).
 */
@Timeout(60)
abstract class MqContract {
    /** Small queues: the kernel charges every queue to root's RLIMIT_MSGQUEUE, shared with whatever else runs. */
    static final MqAttributes SMALL = MqAttributes.of(4, 64);
    static final int RDWR_CREATE = Mq.O_RDWR | Mq.O_CREAT | Mq.O_EXCL;
    /** A user and group nobody else uses, so that its queues and RLIMIT_MSGQUEUE charge are the test's alone. */
    static final int NOBODY = 65534;
    /** Longest time a test waits for a thread to block. */
    static final Duration BLOCK_WAIT = Duration.ofSeconds(10);
    /** Deadline for calls that are expected to be released by the test long before it. */
    static final Duration LONG_DEADLINE = Duration.ofSeconds(10);
    /** Capability bits as /proc/self/status CapEff shows them. */
    static final int CAP_DAC_OVERRIDE = 1;
    static final int CAP_SYS_RESOURCE = 24;

    private static final String RUN = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
    private static final AtomicInteger NEXT_NAME = new AtomicInteger();

    protected MqBackend mq;
    private final List<String> names = new ArrayList<>();
    private final List<BlockedCall<?>> calls = new ArrayList<>();
    private final List<OtherProcess> others = new ArrayList<>();

    /** The backend under test and its process hooks. */
    protected abstract BackendFixture fixture();

    @BeforeEach
    void startBackend() {
        mq = fixture().newBackend();
    }

    @AfterEach
    void cleanUp() {
        if (mq == null) {
            return; // the backend did not start: the test was skipped
        }
        for (BlockedCall<?> c : calls) {
            assertThat(c.awaitEnd(BlockedCall.FINISH_SECONDS * 1000)).as("%s ended", c).isTrue();
        }
        others.forEach(OtherProcess::close);
        try {
            for (String name : names) {
                try {
                    mq.unlink(name);
                } catch (MqException e) {
                    assertThat(e.errno()).as("unlink %s after the test", name).isEqualTo(Errno.ENOENT);
                }
            }
        } finally {
            mq.close();
        }
    }

    // ---- names and queues

    /** Unlinks {@code name} after the test (for names the test makes up itself). */
    String track(String name) {
        names.add(name);
        return name;
    }

    /** A fresh queue name, unlinked after the test. */
    String newName() {
        String name = "/mqscope-ct-" + RUN + "-" + NEXT_NAME.incrementAndGet();
        names.add(name);
        return name;
    }

    /** A new O_RDWR queue of {@link #SMALL} size. */
    MqQueue create() throws MqException {
        return create(SMALL);
    }

    MqQueue create(MqAttributes attr) throws MqException {
        return mq.open(newName(), RDWR_CREATE, 0600, attr);
    }

    /** A new queue opened with {@code oflag} (O_CREAT|O_EXCL added) and {@link #SMALL} size. */
    MqQueue create(int oflag) throws MqException {
        return mq.open(newName(), oflag | Mq.O_CREAT | Mq.O_EXCL, 0600, SMALL);
    }

    /** Another descriptor (a second mq_open, so another open description) of {@code q}'s queue. */
    MqQueue reopen(MqQueue q, int oflag) throws MqException {
        return mq.open(q.name(), oflag);
    }

    /** What list() says about {@code name}; fails when it is not listed. */
    QueueInfo info(String name) throws MqException {
        return mq.list().stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not listed"));
    }

    // ---- messages

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(MqMessage m) {
        return new String(m.body(), StandardCharsets.UTF_8);
    }

    /** Receives without blocking (a deadline of now) and returns the body as text. */
    static String take(MqQueue q) throws MqException {
        return text(q.timedReceive(Instant.now()));
    }

    static void fill(MqQueue q) throws MqException {
        long free = q.getAttributes().maxMessages() - q.getAttributes().currentMessages();
        for (int i = 0; i < free; i++) {
            q.send(bytes("fill" + i), 0);
        }
    }

    static long curmsgs(MqQueue q) throws MqException {
        return q.getAttributes().currentMessages();
    }

    /** The status line as the kernel formats it: {@code "QSIZE:%-10lu NOTIFY:%-5d SIGNO:%-5d NOTIFY_PID:%-6d\n"}. */
    static String statusText(long qsize, int notify, int signo, int pid) {
        return "QSIZE:" + left(qsize, 10) + " NOTIFY:" + left(notify, 5) + " SIGNO:" + left(signo, 5)
                + " NOTIFY_PID:" + left(pid, 6) + "\n";
    }

    private static String left(long value, int width) {
        StringBuilder sb = new StringBuilder(Long.toString(value));
        while (sb.length() < width) {
            sb.append(' ');
        }
        return sb.toString();
    }

    // ---- time

    static Instant past() {
        return Instant.now().minusSeconds(1);
    }

    /** An instant before the epoch: tv_sec &lt; 0, which Linux rejects with EINVAL before anything else. */
    static Instant beforeEpoch() {
        return Instant.ofEpochSecond(-1);
    }

    static Instant later() {
        return Instant.now().plus(LONG_DEADLINE);
    }

    // ---- errors

    /** The errno {@code call} fails with; fails the test when the call succeeds or throws something else. */
    static Errno errnoOf(ThrowingCallable call) {
        Throwable t = catchThrowable(call);
        assertThat(t).as("expected an MqException").isInstanceOf(MqException.class);
        return ((MqException) t).errno();
    }

    /** "OK" or the errno name, as {@link OtherProcess} reports results. */
    static String outcome(ThrowingCallable call) {
        Throwable t = catchThrowable(call);
        if (t == null) {
            return "OK";
        }
        assertThat(t).as("expected an MqException").isInstanceOf(MqException.class);
        return BackendProcess.errnoName((MqException) t);
    }

    // ---- threads and processes

    /** Starts {@code body} on its own thread and waits until it sleeps inside the backend. */
    <T> BlockedCall<T> blocked(Callable<T> body) {
        BlockedCall<T> call = started(body);
        awaitBlocked(call);
        return call;
    }

    /** Starts {@code body} on its own thread without waiting for anything; the test cleans up after it. */
    <T> BlockedCall<T> started(Callable<T> body) {
        BlockedCall<T> call = BlockedCall.start(body);
        calls.add(call);
        return call;
    }

    void awaitBlocked(BlockedCall<?> call) {
        long end = System.nanoTime() + BLOCK_WAIT.toNanos();
        while (!fixture().isBlocked(call)) {
            assertThat(call.isDone()).as("%s returned instead of blocking", call).isFalse();
            assertThat(System.nanoTime()).as("%s blocked within %s", call, BLOCK_WAIT).isLessThan(end);
            sleepMillis(1);
        }
    }

    static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    OtherProcess otherProcess(int uid, int gid) {
        OtherProcess p = fixture().otherProcess(mq, uid, gid);
        others.add(p);
        return p;
    }

    OtherProcess isolatedProcess(int uid, int gid, MqLimits limits) {
        OtherProcess p = fixture().isolatedProcess(uid, gid, limits);
        others.add(p);
        return p;
    }

    /** A uid no other test or program uses, so its RLIMIT_MSGQUEUE charge starts at zero. */
    static int freshUid() {
        return 20000 + ThreadLocalRandom.current().nextInt(30000);
    }

    static int ownPid() {
        return (int) ProcessHandle.current().pid();
    }

    // ---- the test JVM's own credentials, which both backends see alike

    static boolean hasCapability(int cap) {
        return (effectiveCapabilities() & (1L << cap)) != 0;
    }

    static int umask() {
        return Integer.parseInt(procStatus("Umask:"), 8);
    }

    static int uid() {
        return Integer.parseInt(procStatus("Uid:").split("\\s+")[0]);
    }

    static int gid() {
        return Integer.parseInt(procStatus("Gid:").split("\\s+")[0]);
    }

    private static long effectiveCapabilities() {
        return Long.parseUnsignedLong(procStatus("CapEff:"), 16);
    }

    private static String procStatus(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return line.substring(key.length()).trim();
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read /proc/self/status", e);
        }
        throw new AssertionError("no " + key + " in /proc/self/status");
    }
}
