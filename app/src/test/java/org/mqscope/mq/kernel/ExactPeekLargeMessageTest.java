package org.mqscope.mq.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Messages of many segments, beyond this machine's msgsize_max of 8192: in a private IPC namespace (unshare) whose
 * msgsize_max is raised, so the machine's own settings are never touched. RLIMIT_MSGQUEUE (819,200 bytes here,
 * and not raisable without CAP_SYS_RESOURCE) bounds the queue, hence the few messages.
 */
class ExactPeekLargeMessageTest {
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

    private String runIsolated(long msgsizeMax, long maxmsg, int msgsize) throws Exception {
        String script = "mount -t mqueue mqueue /dev/mqueue && echo " + msgsizeMax
                + " > /proc/sys/fs/mqueue/msgsize_max && exec \"$@\"";
        ChildProcesses.Child child = children.start(
                List.of("unshare", "--ipc", "--mount", "--propagation", "private", "sh", "-c", script, "sh"),
                List.of("-D" + PeekHelperLocation.PROPERTY + "=" + helper), QueueActorMain.class,
                "large", "/mqscope-exact-peek-large", "" + maxmsg, "" + msgsize);
        return child.nextLine();
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
