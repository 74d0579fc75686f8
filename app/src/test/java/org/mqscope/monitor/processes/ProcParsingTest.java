package org.mqscope.monitor.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mqscope.monitor.QueueSample;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqLimits;
import org.mqscope.mq.QueueInfo;
import org.mqscope.mq.emulated.EmulatedBackend;

/** The text of /proc files as the scanner reads it, and the stale-queue rules, without processes. */
class ProcParsingTest {
    private static final int[] X86_64 = SyscallWaiters.numbersFor("amd64");
    private static final Map<Integer, QueueKey> FD_3 = Map.of(3, new QueueKey(20, 7));

    @Test
    void syscallLinesOfBlockedSendersAndReceivers() {
        BlockedCall send = SyscallWaiters.parse(10, 11,
                "242 0x3 0x5581aa 0x5 0x7 0x0 0x0 0x7ffd 0x7f12\n", X86_64, FD_3);
        assertThat(send).isEqualTo(new BlockedCall(10, 11, true, 3, 5, 7, false));
        BlockedCall timed = SyscallWaiters.parse(10, 12,
                "243 0x3 0x5581aa 0x2000 0x0 0x7ffd1000 0x0 0x7ffd 0x7f12", X86_64, FD_3);
        assertThat(timed).isEqualTo(new BlockedCall(10, 12, false, 3, 0x2000, -1, true));
    }

    @Test
    void otherCallsOtherDescriptorsAndRunningThreadsAreNotWaiters() {
        assertThat(SyscallWaiters.parse(1, 1, "running", X86_64, FD_3)).isNull();
        assertThat(SyscallWaiters.parse(1, 1, "-1 0x7ffd 0x7f12", X86_64, FD_3)).isNull();
        assertThat(SyscallWaiters.parse(1, 1, "202 0x3 0x80 0x0 0x0 0x0 0x0 0x1 0x2", X86_64, FD_3))
                .as("futex").isNull();
        assertThat(SyscallWaiters.parse(1, 1, "243 0x4 0x1 0x8 0x0 0x0 0x0 0x1 0x2", X86_64, FD_3))
                .as("a descriptor that is not one of the queue's").isNull();
        assertThat(SyscallWaiters.parse(1, 1, "243 0xffffffffffffffff 0x1 0x8 0x0 0x0 0x0 0x1 0x2", X86_64,
                FD_3)).isNull();
    }

    @Test
    void systemCallNumbersPerArchitecture() {
        assertThat(SyscallWaiters.numbersFor("amd64")).containsExactly(242, 243);
        assertThat(SyscallWaiters.numbersFor("aarch64")).containsExactly(182, 183);
        assertThat(SyscallWaiters.numbersFor("riscv64")).isNull();
        assertThat(new SyscallWaiters(java.nio.file.Path.of("/proc"), null).supported()).isFalse();
    }

    @Test
    void openModesFromFdinfoFlags() {
        assertThat(OpenMode.parseOctal("0100000").text()).isEqualTo("r");
        assertThat(OpenMode.parseOctal("02000001").text()).isEqualTo("w");
        assertThat(OpenMode.parseOctal("0104002").text()).isEqualTo("rw,nonblock");
        assertThat(new OpenMode(Mq.O_ACCMODE).access()).isEqualTo("?");
    }

    @Test
    void hidepidFromTheProcMountLine() {
        assertThat(Hidepid.parse("22 27 0:21 / /proc rw,relatime - proc proc rw,hidepid=invisible")).isEqualTo(
                "invisible");
        assertThat(Hidepid.parse("22 27 0:21 / /proc rw - proc proc rw,hidepid=2,gid=4")).isEqualTo("2");
        assertThat(Hidepid.parse("22 27 0:21 / /proc rw - proc proc rw,hidepid=0")).isNull();
        assertThat(Hidepid.parse("22 27 0:21 / /proc rw,relatime - proc proc rw")).isNull();
    }

    @Test
    void agoInWords() {
        Instant now = Instant.parse("2026-01-01T12:00:00Z");
        assertThat(QueueUsage.ago(now.minusMillis(300), now)).isEqualTo("just now");
        assertThat(QueueUsage.ago(now.minusSeconds(3), now)).isEqualTo("3 s ago");
        assertThat(QueueUsage.ago(now.minusSeconds(600), now)).isEqualTo("10 min ago");
        assertThat(QueueUsage.ago(now.minusSeconds(5 * 3600), now)).isEqualTo("5 h ago");
        assertThat(QueueUsage.ago(now.minus(Duration.ofDays(4)), now)).isEqualTo("4 days ago");
    }

    @Test
    void staleMeansUnusedAndIdleLongEnoughAndCarriesItsCharge() {
        Instant now = Instant.parse("2026-01-01T12:00:00Z");
        QueueUser holder = new QueueUser(Role.HOLDER, 99, 0, "app", null, 0, "0 (root)", 3, new OpenMode(0), -1,
                -1, false, false);
        QueueUser mqscope = new QueueUser(Role.HOLDER, 98, 0, "java", null, 0, "0 (root)", 5, new OpenMode(0), -1,
                -1, false, true);
        UsageSnapshot usage = new UsageSnapshot(now, Map.of(
                "/old", usage("/old", now.minus(Duration.ofDays(3)), List.of(mqscope)),
                "/recent", usage("/recent", now.minusSeconds(30), List.of()),
                "/held", usage("/held", now.minus(Duration.ofDays(9)), List.of(holder)),
                "/older", usage("/older", now.minus(Duration.ofDays(5)), List.of())),
                WaiterSource.PROC_SYSCALL, Visibility.ALL, 4, 10, 0, null);
        List<QueueSample> samples = List.of(sample("/old"), sample("/recent"), sample("/held"), sample("/older"));

        List<StaleQueue> stale = StaleQueue.find(usage, samples, Duration.ofHours(1), now);
        assertThat(stale).extracting(StaleQueue::name).as("longest idle first; mqscope's own descriptor does not"
                + " count as a user").containsExactly("/older", "/old");
        assertThat(stale.get(0).chargeBytes()).isEqualTo(MqLimits.charge(4, 64));
        assertThat(StaleQueue.find(usage, samples, Duration.ZERO, now)).extracting(StaleQueue::name)
                .containsExactly("/older", "/old", "/recent");
    }

    @Test
    void cleanUpUnlinksExactlyTheTickedQueuesAndReportsEachFailure() throws MqException {
        try (EmulatedBackend emu = new EmulatedBackend()) {
            for (String n : List.of("/a", "/b", "/c")) {
                emu.open(n, Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(1, 8)).close();
            }
            Map<String, MqException> result = StaleQueue.unlink(emu, List.of("/a", "/gone", "/c"));
            assertThat(result.get("/a")).isNull();
            assertThat(result.get("/c")).isNull();
            assertThat(result.get("/gone").errno().name()).isEqualTo("ENOENT");
            assertThat(emu.list()).extracting(QueueInfo::name).containsExactly("/b");
        }
    }

    private static QueueUsage usage(String name, Instant last, List<QueueUser> users) {
        return new QueueUsage(name, users, null, last, last, WaiterSource.PROC_SYSCALL, Visibility.ALL);
    }

    private static QueueSample sample(String name) {
        return new QueueSample(new QueueInfo(name, 0, 0, 0, 0, 0600, 0, 0), new MqAttributes(0, 4, 64, 0), null);
    }
}
