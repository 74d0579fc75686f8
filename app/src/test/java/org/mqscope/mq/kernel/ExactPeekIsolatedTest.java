package org.mqscope.mq.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * In a private IPC namespace (unshare), where no other process sees the queues: messages of many segments, beyond
 * this machine's msgsize_max of 8192 (raised there, so the machine's own settings are never touched), and a
 * thousand peeks that change not even the queue's atime and ctime. RLIMIT_MSGQUEUE (819,200 bytes here,
 * and not raisable without CAP_SYS_RESOURCE) bounds the queue, hence the few messages.
 */
class ExactPeekIsolatedTest {
    private ChildProcesses children;
    private String helper;

    @BeforeEach
    void start() {
        helper = ExactPeekAssumptions.helper().toString();
        children = new ChildProcesses();
    }

    @AfterEach
    void stop() {
        children.close();
    }

    private String runIsolated(long msgsizeMax, String... command) throws Exception {
        String script = "mount -t mqueue mqueue /dev/mqueue && echo " + msgsizeMax
                + " > /proc/sys/fs/mqueue/msgsize_max && exec \"$@\"";
        ChildProcesses.Child child = children.start(
                List.of("unshare", "--ipc", "--mount", "--propagation", "private", "sh", "-c", script, "sh"),
                List.of("-D" + PeekHelperLocation.PROPERTY + "=" + helper), QueueActorMain.class, command);
        return child.nextLine();
    }

    private String runIsolated(long msgsizeMax, long maxmsg, int msgsize) throws Exception {
        return runIsolated(msgsizeMax, "large", "/mqscope-exact-peek-large", "" + maxmsg, "" + msgsize);
    }

    @Test
    void aThousandPeeksLeaveEvenTheQueuesTimesAlone() throws Exception {
        // atime and ctime too: reading the status line would set both, and the helper never reads it
        assertThat(runIsolated(8192, "times", "/mqscope-exact-peek-times")).isEqualTo("SAME");
    }

    @Test
    void messagesOfManySegmentsAreReadWhole() throws Exception {
        // 3 x 200,000 bytes: each message is its struct msg_msg page and 48 more segments
        String outcome = runIsolated(1 << 20, 3, 200_000);
        assertThat(outcome).startsWith("OK method=EXACT reads=2 sizes=[200000, 0, ");
    }

    @Test
    void aQueueOfNearlyTheLimitInOneMessage() throws Exception {
        String outcome = runIsolated(1 << 20, 1, 700_000);
        assertThat(outcome).isEqualTo("OK method=EXACT reads=2 sizes=[700000]");
    }
}
