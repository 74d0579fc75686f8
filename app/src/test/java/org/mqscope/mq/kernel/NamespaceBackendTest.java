package org.mqscope.mq.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.NamespaceBound;
import org.mqscope.mq.PeekMethod;
import org.mqscope.mq.PeekResult;
import org.mqscope.mq.QueueInfo;
import org.mqscope.testing.IpcNamespaceFixture;

/**
 * Two namespaces made with unshare — one with its own mqueue mount and msg_max 5, one without a mount — and the
 * host: the same name is three queues, each reached where it lives, with its namespace's limits.
 */
class NamespaceBackendTest {
    private static final int CONTAINER_MSG_MAX = 5;

    @TempDir
    Path journals;

    private IpcNamespaceFixture mounted;
    private IpcNamespaceFixture bare;
    private KernelBackend host;
    private KernelBackend inMounted;
    private KernelBackend inBare;
    private final String name = "/mqscope-namespaces-" + UUID.randomUUID();

    @BeforeEach
    void start() throws Exception {
        mounted = IpcNamespaceFixture.start(true, CONTAINER_MSG_MAX);
        bare = IpcNamespaceFixture.start(false, 0);
        host = new KernelBackend(KernelBackend.DEV_MQUEUE, KernelBackend.PROC_SYSCTL, journals.resolve("host"));
        inMounted = new KernelBackend(mounted.inode(), mounted.pid(), journals);
        inBare = new KernelBackend(bare.inode(), bare.pid(), journals);
    }

    @AfterEach
    void stop() {
        if (host != null) {
            try {
                host.unlink(name); // before the close: a closed backend answers EBADF
            } catch (MqException e) {
                // not created by this test
            }
        }
        for (KernelBackend b : new KernelBackend[] {inMounted, inBare, host}) {
            if (b != null) {
                b.close();
            }
        }
        if (mounted != null) {
            mounted.close();
        }
        if (bare != null) {
            bare.close();
        }
    }

    private static MqQueue create(KernelBackend b, String name, long maxmsg) throws MqException {
        return b.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR | Mq.O_NONBLOCK, 0600, MqAttributes.of(maxmsg, 64));
    }

    @Test
    void theSameNameIsThreeQueuesAndAMessageLandsOnlyWhereItWasSent() throws Exception {
        try (MqQueue h = create(host, name, 3); MqQueue m = create(inMounted, name, 4); MqQueue b = create(inBare,
                name, 2)) {
            m.send("container".getBytes(StandardCharsets.US_ASCII), 7);

            assertThat(m.getAttributes().currentMessages()).isEqualTo(1);
            assertThat(h.getAttributes().currentMessages()).isZero();
            assertThat(b.getAttributes().currentMessages()).isZero();
            assertThat(new long[] {h.getAttributes().maxMessages(), m.getAttributes().maxMessages(),
                    b.getAttributes().maxMessages()}).containsExactly(3, 4, 2);
            assertThat(((KernelQueue) m).fileKey()).isNotEqualTo(((KernelQueue) h).fileKey())
                    .isNotEqualTo(((KernelQueue) b).fileKey());

            // A second descriptor opened by name reaches the container's queue, through its mount
            try (MqQueue again = inMounted.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
                assertThat(((KernelQueue) again).fileKey()).isEqualTo(((KernelQueue) m).fileKey());
                assertThat(again.receive().body()).asString(StandardCharsets.US_ASCII).isEqualTo("container");
            }
            // ... and through setns where nothing is mounted
            try (MqQueue again = inBare.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
                assertThat(((KernelQueue) again).fileKey()).isEqualTo(((KernelQueue) b).fileKey());
            }
        }
    }

    @Test
    void listingStatusAndPeekAreTheNamespacesOwn() throws Exception {
        try (MqQueue m = create(inMounted, name, 4)) {
            m.send("one".getBytes(StandardCharsets.US_ASCII), 1);
            m.send("two".getBytes(StandardCharsets.US_ASCII), 9);

            assertThat(inMounted.list()).extracting(QueueInfo::name).containsExactly(name);
            assertThat(inMounted.list().get(0).qsize()).isEqualTo(6);
            assertThat(host.list()).extracting(QueueInfo::name).doesNotContain(name);
            assertThat(inMounted.statusLine(name)).startsWith("QSIZE:6 ");

            PeekResult r = m.snapshot();
            assertThat(r.messages()).extracting(msg -> new String(msg.body(), StandardCharsets.US_ASCII))
                    .containsExactly("two", "one");
            assertThat(m.getAttributes().currentMessages()).isEqualTo(2);

            Path file = inMounted.queueFile(name).orElseThrow();
            assertThat(file.toString()).startsWith("/proc/" + mounted.pid() + "/root/");
            assertThat(Files.exists(file)).isTrue();
        }
    }

    /**
     * The exact peek reads a container's queue through its file under the container's mqueue mount: byte for byte
     * what the queue holds, and not the host's queue of the same name. Without a mount it stays drain-and-restore,
     * saying why.
     */
    @Test
    void theExactPeekReadsTheNamespacesQueueNotTheHostsOfTheSameName() throws Exception {
        ExactPeekAssumptions.helper();
        byte[] first = {0, 1, 2, (byte) 0xff, 'c', 'o', 'n', 't', 0};
        byte[] second = "container, second".getBytes(StandardCharsets.US_ASCII);
        try (MqQueue h = create(host, name, 3); MqQueue m = create(inMounted, name, 4);
             MqQueue b = create(inBare, name, 2)) {
            h.send("host only".getBytes(StandardCharsets.US_ASCII), 9);
            m.send(first, 2);
            m.send(second, 5);

            PeekResult r = m.snapshot();
            assertThat(r.method()).isEqualTo(PeekMethod.EXACT);
            assertThat(r.messages()).hasSize(2);
            assertThat(r.messages().get(0).body()).isEqualTo(second);
            assertThat(r.messages().get(0).priority()).isEqualTo(5);
            assertThat(r.messages().get(1).body()).isEqualTo(first);
            assertThat(r.messages().get(1).priority()).isEqualTo(2);
            assertThat(m.peek(1).body()).isEqualTo(first);
            assertThat(m.getAttributes().currentMessages()).as("nothing received").isEqualTo(2);

            PeekResult onHost = h.snapshot();
            assertThat(onHost.messages()).extracting(msg -> new String(msg.body(), StandardCharsets.US_ASCII))
                    .containsExactly("host only");

            PeekResult bare = b.snapshot();
            assertThat(bare.method()).isEqualTo(PeekMethod.DRAIN_RESTORE);
            assertThat(b.peekSupport().reason()).contains("no mqueue mount");
        }
    }

    @Test
    void limitsAreReadInTheNamespaceAndCreationIsCheckedAgainstThem() throws Exception {
        assertThat(inMounted.limits().msgMax()).isEqualTo(CONTAINER_MSG_MAX);
        long hostMsgMax = host.limits().msgMax();
        assertThat(hostMsgMax).isNotEqualTo(CONTAINER_MSG_MAX);
        assertThat(inBare.limits().msgMax()).isEqualTo(10); // a new namespace starts with the defaults

        // Above the namespace's msg_max (and without CAP_SYS_RESOURCE): refused there, fine on the host
        assertThatThrownBy(() -> create(inMounted, name, CONTAINER_MSG_MAX + 1))
                .isInstanceOfSatisfying(MqException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
        try (MqQueue h = create(host, name, CONTAINER_MSG_MAX + 1)) {
            assertThat(h.getAttributes().maxMessages()).isEqualTo(CONTAINER_MSG_MAX + 1);
        }
    }

    @Test
    void withoutAMountListingSaysWhyAndUnlinkStillWorks() throws Exception {
        assertThatThrownBy(inBare::list).isInstanceOfSatisfying(MqException.class, e -> {
            assertThat(e.errno()).isEqualTo(Errno.ENODEV);
            assertThat(e.getMessage()).contains("mount -t mqueue none /dev/mqueue");
        });
        assertThat(inBare.queueFile(name)).isEmpty();
        create(inBare, name, 2).close();
        create(host, name, 2).close();
        inBare.unlink(name);
        assertThatThrownBy(() -> inBare.unlink(name)).isInstanceOfSatisfying(MqException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
        assertThat(host.list()).extracting(QueueInfo::name).contains(name); // the host's is untouched

        create(inMounted, name, 2).close();
        inMounted.unlink(name); // through the file
        assertThat(inMounted.list()).isEmpty();
    }

    @Test
    void recreateHappensInTheNamespaceAndItsLimitsRefuseWhatTheHostsWouldTake() throws Exception {
        try (MqQueue m = create(inMounted, name, 2); MqQueue h = create(host, name, 2)) {
            m.send("kept".getBytes(StandardCharsets.US_ASCII), 3);
            h.send("host".getBytes(StandardCharsets.US_ASCII), 3);
        }
        var result = inMounted.recreate(name, MqAttributes.of(CONTAINER_MSG_MAX, 128));
        assertThat(result.after().maxMessages()).isEqualTo(CONTAINER_MSG_MAX);
        try (MqQueue again = inMounted.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
            assertThat(again.getAttributes().messageSize()).isEqualTo(128);
            assertThat(again.receive().body()).asString(StandardCharsets.US_ASCII).isEqualTo("kept");
        }
        // Above the namespace's msg_max: refused, the queue stays as it was; the host's was never touched
        assertThatThrownBy(() -> inMounted.recreate(name, MqAttributes.of(CONTAINER_MSG_MAX + 1, 128)))
                .isInstanceOfSatisfying(MqException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
        try (MqQueue again = inMounted.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK);
             MqQueue h = host.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
            assertThat(again.getAttributes().maxMessages()).isEqualTo(CONTAINER_MSG_MAX);
            assertThat(h.getAttributes().maxMessages()).isEqualTo(2);
            assertThat(h.receive().body()).asString(StandardCharsets.US_ASCII).isEqualTo("host");
        }
        assertThat(host.pendingJournals()).isZero();
        assertThat(inMounted.pendingJournals()).isZero();
    }

    @Test
    void aNamespaceWhoseProcessesExitedIsGoneWithEsrch() throws Exception {
        create(inMounted, name, 2).close();
        mounted.close();

        assertThatThrownBy(inMounted::list).isInstanceOfSatisfying(MqException.class, e -> {
            assertThat(e.errno()).isEqualTo(Errno.ESRCH);
            assertThat(e.getMessage()).contains("ipc:[" + mounted.inode() + "] is gone");
        });
        assertThat(inMounted.gone()).isNotNull();
        assertThatThrownBy(() -> inMounted.open(name, Mq.O_RDONLY)).isInstanceOfSatisfying(MqException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.ESRCH));
        assertThatThrownBy(inMounted::limits).isInstanceOfSatisfying(MqException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.ESRCH));
    }

    @Test
    void setnsRunsOnlyOnItsOwnThread() throws Exception {
        create(inBare, name, 2).close(); // O_CREAT: through setns
        inBare.limits();
        IpcSwitcher switcher = IpcSwitcher.get();
        assertThat(switcher.switches()).isPositive();
        assertThat(switcher.switchThreads()).containsExactly(IpcSwitcher.THREAD_NAME);
        assertThat(switcher.thread().isDaemon()).isTrue();

        int fd = PosixNative.open(NativeSupport.cString("/proc/" + bare.pid() + "/ns/ipc"), PosixNative.O_RDONLY);
        assertThat(fd).isNotNegative();
        try {
            assertThatThrownBy(() -> switcher.enterFromCallerForTest(fd))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(IpcSwitcher.THREAD_NAME);
            CompletableFuture<Void> pooled = CompletableFuture.runAsync(() -> {
                try {
                    switcher.enterFromCallerForTest(fd);
                } catch (MqException e) {
                    throw new AssertionError(e);
                }
            }, ForkJoinPool.commonPool());
            assertThatThrownBy(pooled::get).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(IllegalStateException.class);
        } finally {
            PosixNative.close(fd);
        }
        // and this thread never left its namespace
        assertThat(org.mqscope.mq.IpcNamespaces.inodeOf(Path.of("/proc/thread-self/ns/ipc")))
                .isEqualTo(org.mqscope.mq.IpcNamespaces.self());
    }

    @Test
    void theProviderBindsToThePidsNamespace() throws Exception {
        try (var b = MqBackends.kernelInNamespaceOf(mounted.pid()); var self = MqBackends.kernelInNamespaceOf(
                (int) ProcessHandle.current().pid())) {
            assertThat(((NamespaceBound) b).namespaceInode()).isEqualTo(mounted.inode());
            assertThat(((NamespaceBound) b).hostNamespace()).isFalse();
            assertThat(((NamespaceBound) self).hostNamespace()).isTrue();
        }
        assertThatThrownBy(() -> MqBackends.kernelInNamespaceOf(Integer.MAX_VALUE))
                .isInstanceOfSatisfying(MqException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ESRCH));
    }
}
