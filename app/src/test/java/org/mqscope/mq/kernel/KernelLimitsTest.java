package org.mqscope.mq.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqLimits;

/** limits(): each sysctl file into its own field, and the soft RLIMIT_MSGQUEUE of this process. */
class KernelLimitsTest extends KernelTestBase {
    @TempDir
    Path sysctl;

    private void writeSysctl(String msgMax, String msgsizeMax, String msgDefault, String msgsizeDefault,
                             String queuesMax) throws IOException {
        Files.writeString(sysctl.resolve("msg_max"), msgMax);
        Files.writeString(sysctl.resolve("msgsize_max"), msgsizeMax);
        Files.writeString(sysctl.resolve("msg_default"), msgDefault);
        Files.writeString(sysctl.resolve("msgsize_default"), msgsizeDefault);
        Files.writeString(sysctl.resolve("queues_max"), queuesMax);
    }

    /** The soft "Max msgqueue size" of /proc/self/limits: a second source besides getrlimit(2). */
    private static long softLimitFromProc() throws IOException {
        String line = Files.readAllLines(Path.of("/proc/self/limits")).stream()
                .filter(l -> l.startsWith("Max msgqueue size")).findFirst().orElseThrow();
        String soft = line.substring("Max msgqueue size".length()).trim().split("\\s+")[0];
        return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
    }

    private static String catFile(String path) throws Exception {
        Process p = new ProcessBuilder("cat", path).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes()).trim();
    }

    @Test
    void eachFileLandsInItsOwnField() throws Exception {
        writeSysctl("11\n", "8000\n", "7\n", "4000\n", "99\n");
        try (KernelBackend fake = new KernelBackend(KernelBackend.DEV_MQUEUE, sysctl)) {
            assertThat(fake.limits()).isEqualTo(new MqLimits(11, 8000, 7, 4000, 99, softLimitFromProc()));
        }
    }

    @Test
    void matchesTheRealProcFiles() throws Exception {
        MqLimits limits = backend.limits();
        String dir = KernelBackend.PROC_SYSCTL + "/";
        assertThat(limits.msgMax()).isEqualTo(Long.parseLong(catFile(dir + "msg_max")));
        assertThat(limits.msgsizeMax()).isEqualTo(Long.parseLong(catFile(dir + "msgsize_max")));
        assertThat(limits.msgDefault()).isEqualTo(Long.parseLong(catFile(dir + "msg_default")));
        assertThat(limits.msgsizeDefault()).isEqualTo(Long.parseLong(catFile(dir + "msgsize_default")));
        assertThat(limits.queuesMax()).isEqualTo(Long.parseLong(catFile(dir + "queues_max")));
        assertThat(limits.rlimitMsgqueue()).isEqualTo(softLimitFromProc());
    }

    @Test
    void rlimitIsTheSoftLimitOfThisProcess() throws Exception {
        long before = backend.limits().rlimitMsgqueue();
        Assumptions.assumeTrue(before > 1 && before != Long.MAX_VALUE, "needs a finite RLIMIT_MSGQUEUE");
        long lowered = before / 2;
        String pid = Long.toString(pid());
        // Lowering the soft limit needs no privilege; the hard limit stays, so it can be raised back.
        assertThat(prlimit(pid, lowered + ":")).isZero();
        try {
            assertThat(backend.limits().rlimitMsgqueue()).isEqualTo(lowered);
        } finally {
            assertThat(prlimit(pid, before + ":")).isZero();
        }
        assertThat(backend.limits().rlimitMsgqueue()).isEqualTo(before);
    }

    private static int prlimit(String pid, String softColon) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("prlimit", "--pid", pid, "--msgqueue=" + softColon).inheritIO().start();
        } catch (IOException e) {
            Assumptions.abort("prlimit (util-linux) is not installed");
            throw e;
        }
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    @Test
    void unreadableOrGarbledSysctlsAreReported() throws Exception {
        try (KernelBackend fake = new KernelBackend(KernelBackend.DEV_MQUEUE, sysctl)) {
            assertThatThrownBy(fake::limits).isInstanceOfSatisfying(MqException.class,
                    e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
            writeSysctl("ten", "8192", "10", "8192", "256");
            assertThatThrownBy(fake::limits).isInstanceOfSatisfying(MqException.class, e -> {
                assertThat(e.errno()).isEqualTo(Errno.EIO);
                assertThat(e.detail()).contains("msg_max");
            });
        }
    }
}
