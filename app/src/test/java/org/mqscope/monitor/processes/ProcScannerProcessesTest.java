package org.mqscope.monitor.processes;

import org.mqscope.Needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;

/**
 * The /proc scanner against real processes (src/test/c/mqhold.c): holders in each open mode, blocked senders and
 * receivers, a timed receiver, the notify owner, processes in another IPC namespace and of another user. "Within
 * one sampling period": a holder is in the first scan after it said READY (its descriptor is open by then) and
 * gone from the first scan after it was reaped; a waiter is polled for, since it enters the call just after READY.
 */
@Timeout(120)
class ProcScannerProcessesTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final MqAttributes TINY = new MqAttributes(0, 1, 8, 0);

    private MqBackend kernel;
    private final List<String> created = new ArrayList<>();
    private final Holders holders = new Holders();
    private ProcScanner scanner;

    @BeforeEach
    void setUp() {
        Needs.that(Files.isDirectory(Path.of("/dev/mqueue")), Needs.Need.KERNEL_MQUEUE,
                "an mqueue mount on /dev/mqueue");
        try {
            kernel = MqBackends.kernel();
        } catch (MqException e) {
            throw Needs.missing(Needs.Need.KERNEL_MQUEUE, e.getMessage());
        }
        scanner = ProcScanner.system();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        holders.close();
        for (String name : created) {
            try {
                kernel.unlink(name);
            } catch (MqException e) {
                // already gone
            }
        }
        if (kernel != null) {
            kernel.close();
        }
    }

    private String queue(int mode) throws MqException {
        String name = "/mqscope-processes-" + UUID.randomUUID().toString().substring(0, 8);
        kernel.open(name, Mq.O_RDWR | Mq.O_CREAT | Mq.O_EXCL, mode, TINY).close();
        created.add(name);
        return name;
    }

    /**
     * The queue's usage restricted to this test's own helper processes: other programs on the machine (another
     * test's window, whose sampler holds every queue open) may use our queues too.
     */
    private QueueUsage scan(String name) {
        QueueUsage u = scanner.scan(null, name).of(name);
        return new QueueUsage(u.queue(), u.users().stream().filter(x -> holders.started(x.pid())).toList(),
                u.notifyOwner(), u.lastActivity(), u.lastChange(), u.source(), u.visibility());
    }

    @Test
    void holdersInEveryModeAreSeenAtOnceAndDroppedWhenTheyExit() throws Exception {
        String name = queue(0600);
        Holders.Running r = holders.start(name, "r", "hold");
        Holders.Running w = holders.start(name, "w", "hold");
        Holders.Running rw = holders.start(name, "rw", "hold");
        Holders.Running rn = holders.start(name, "rn", "hold");

        QueueUsage u = scan(name);
        assertThat(u.of(Role.HOLDER)).extracting(h -> h.pid() + " " + h.fd() + " " + h.mode().text() + " "
                + h.command() + " " + h.user()).containsExactlyInAnyOrder(
                r.pid() + " " + r.fd() + " r mqhold 0 (root)",
                w.pid() + " " + w.fd() + " w mqhold 0 (root)",
                rw.pid() + " " + rw.fd() + " rw mqhold 0 (root)",
                rn.pid() + " " + rn.fd() + " r,nonblock mqhold 0 (root)");
        assertThat(u.of(Role.HOLDER).get(0).commandLine()).contains("mqhold", name, "hold");
        assertThat(u.holderProcesses()).isEqualTo(4);
        assertThat(u.waiters()).isZero();
        assertThat(u.visibility().complete()).isTrue();
        assertThat(u.source()).isEqualTo(WaiterSource.PROC_SYSCALL);

        rw.kill();
        assertThat(scan(name).of(Role.HOLDER)).extracting(QueueUser::pid)
                .containsExactlyInAnyOrder(r.pid(), w.pid(), rn.pid());
        r.kill();
        w.kill();
        rn.kill();
        assertThat(scan(name).users()).isEmpty();
    }

    @Test
    void aSecondScanReadsAgainOnlyTheTablesThatChangedAndStillSeesANewHolder() throws Exception {
        String name = queue(0600);
        UsageSnapshot cold = scanner.scan(null, null);
        assertThat(cold.reread()).as("the first scan reads every table").isEqualTo(cold.processes());
        UsageSnapshot warm = scanner.scan(null, null);
        // other programs keep opening and closing files meanwhile; most tables do not change between two scans
        assertThat(warm.reread()).isLessThan(warm.processes() / 2);
        Holders.Running h = holders.start(name, "rw", "hold");
        assertThat(scan(name).of(Role.HOLDER)).extracting(QueueUser::pid).containsExactly(h.pid());
    }

    @Test
    void aSenderBlockedOnAFullQueueShowsItsSizeAndPriority() throws Exception {
        String name = queue(0600);
        try (MqQueue q = kernel.open(name, Mq.O_WRONLY)) {
            q.send(new byte[] {1}, 0); // maxmsg 1: full
        }
        Holders.Running sender = holders.start(name, "w", "send", "5", "7");
        QueueUser s = awaitUser(name, u -> u.role() == Role.BLOCKED_SEND);
        assertThat(s.pid()).isEqualTo(sender.pid());
        assertThat(s.tid()).isEqualTo(sender.pid());
        assertThat(s.fd()).isEqualTo(sender.fd());
        assertThat(s.size()).isEqualTo(5);
        assertThat(s.priority()).isEqualTo(7);
        assertThat(s.timed()).as("mq_send has no deadline").isFalse();
        assertThat(s.mode().text()).isEqualTo("w");

        sender.kill();
        assertThat(scan(name).users()).isEmpty();
    }

    @Test
    void receiversBlockedOnAnEmptyQueueUntimedAndTimed() throws Exception {
        String name = queue(0600);
        Holders.Running plain = holders.start(name, "r", "receive");
        Holders.Running timed = holders.start(name, "rw", "timedreceive");
        awaitUsage(name, u -> u.of(Role.BLOCKED_RECEIVE).size() == 2);
        QueueUsage u = scan(name);
        assertThat(u.of(Role.BLOCKED_RECEIVE)).extracting(w -> w.pid() + " " + w.timed() + " " + w.size())
                .containsExactlyInAnyOrder(plain.pid() + " false 8", timed.pid() + " true 8");
        assertThat(u.waiters()).isEqualTo(2);
        assertThat(u.holderProcesses()).isEqualTo(2);

        // a message wakes one of them; the one left waits on
        try (MqQueue q = kernel.open(name, Mq.O_WRONLY)) {
            q.send(new byte[] {1}, 0);
        }
        awaitUsage(name, x -> x.of(Role.BLOCKED_RECEIVE).size() == 1);
        plain.kill();
        timed.kill();
        assertThat(scan(name).users()).isEmpty();
    }

    @Test
    void theNotifyOwnerIsNamedWithItsSignal() throws Exception {
        String name = queue(0600);
        Holders.Running owner = holders.start(name, "r", "notify");
        QueueUsage u = scan(name);
        assertThat(u.notifyOwner()).isNotNull();
        assertThat(u.notifyOwner().pid()).isEqualTo(owner.pid());
        assertThat(u.notifyOwner().command()).isEqualTo("mqhold");
        assertThat(u.notifyOwner().methodText()).isEqualTo("signal 10");
        assertThat(u.of(Role.NOTIFY_OWNER)).extracting(QueueUser::pid).containsExactly(owner.pid());

        owner.kill(); // its exit closes the descriptor, which removes the registration
        assertThat(scan(name).notifyOwner()).isNull();
        assertThat(scan(name).users()).isEmpty();
    }

    @Test
    void aQueueOfTheSameNameInAnotherIpcNamespaceIsNeverMixedIn() throws Exception {
        Needs.that(Needs.isRoot() && Files.isExecutable(Path.of("/usr/bin/unshare")), Needs.Need.ROOT,
                "root and unshare(1) for a private IPC namespace");
        String prefix = "/mqscope-processes-ns-" + UUID.randomUUID().toString().substring(0, 8);
        String name = prefix + "-0";
        kernel.open(name, Mq.O_RDWR | Mq.O_CREAT | Mq.O_EXCL, 0600, TINY).close();
        created.add(name);
        Holders.Running here = holders.start(name, "r", "hold");
        // the same name, created and held in a fresh IPC namespace with its own mqueue mount
        Holders.Running there = holders.start(List.of("unshare", "--ipc", "--mount", "--fork", "sh", "-c",
                "mount -t mqueue none /dev/mqueue && exec \"$0\" \"$@\""), prefix, "many", "1");
        assertThat(Files.readSymbolicLink(Path.of("/proc", Integer.toString(there.pid()), "fd",
                Integer.toString(there.fd())))).as("its descriptor reads as the same name").hasToString(name);

        QueueUsage u = scan(name);
        assertThat(u.of(Role.HOLDER)).extracting(QueueUser::pid).containsExactly(here.pid());
    }

    @Test
    void anotherUsersProcessIsSeenAsRoot() throws Exception {
        Needs.that(Needs.isRoot() && Files.isExecutable(Path.of("/usr/bin/setpriv")), Needs.Need.ROOT,
                "root and setpriv(1) to run a holder as uid 65534");
        String name = queue(0666);
        Holders.Running nobody = holders.start(List.of("setpriv", "--reuid=65534", "--regid=65534",
                "--clear-groups"), name, "r", "hold"); // 0666 minus the umask: readable by all
        QueueUsage u = scan(name);
        assertThat(u.of(Role.HOLDER)).extracting(h -> h.pid() + " " + h.uid() + " " + h.mode().text())
                .containsExactly(nobody.pid() + " 65534 r");
        assertThat(u.of(Role.HOLDER).get(0).user()).startsWith("65534");
        assertThat(u.visibility().complete()).isTrue();
    }

    @Test
    void asAnotherUserRootsHoldersAreHiddenAndTheScanSaysSo() throws Exception {
        Needs.that(Needs.isRoot() && Files.isExecutable(Path.of("/usr/bin/setpriv")), Needs.Need.ROOT,
                "root and setpriv(1) to scan as uid 65534");
        String name = queue(0644);
        Holders.Running mine = holders.start(name, "r", "hold");
        assertThat(scan(name).of(Role.HOLDER)).extracting(QueueUser::pid).containsExactly(mine.pid());

        Path classes = Path.of(ProcScanner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path testClasses = Path.of(ScanMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process scan = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classes + java.io.File.pathSeparator + testClasses, ScanMain.class.getName(), name)
                .redirectErrorStream(true).start();
        String out = new String(scan.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(scan.waitFor()).as(out).isZero();
        assertThat(out).contains("HOLDERS []", "COMPLETE false",
                "NOTE You can see only your own processes: uid 65534 is not root, so it may not read the descriptors of");
    }

    private QueueUser awaitUser(String name, Predicate<QueueUser> which) throws InterruptedException {
        QueueUsage u = awaitUsage(name, x -> x.users().stream().anyMatch(which));
        return u.users().stream().filter(which).findFirst().orElseThrow();
    }

    /** Scans until the usage matches: a waiter enters its call a moment after it said READY. */
    private QueueUsage awaitUsage(String name, Predicate<QueueUsage> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        QueueUsage u;
        do {
            u = scan(name);
            if (condition.test(u)) {
                return u;
            }
            Thread.sleep(10); // polling /proc with a deadline: there is no event to wait for
        } while (System.nanoTime() < deadline);
        return fail("not seen within " + WAIT + ": " + u);
    }
}
