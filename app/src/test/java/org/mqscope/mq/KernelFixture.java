package org.mqscope.mq;

import org.mqscope.Needs;
import org.mqscope.Needs.Need;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

/**
 * The real kernel. Other processes are child JVMs: as another user through setpriv, in a private IPC namespace
 * through unshare (which needs CAP_SYS_ADMIN, not CAP_SYS_RESOURCE), so that changing queues_max or msg_max never
 * touches the machine-wide values other programs see.
 */
final class KernelFixture implements BackendFixture {
    /** x86_64 system calls a blocked queue call can sleep in: mq_timedsend, mq_timedreceive, and the poll family. */

    /** Child JVMs sharing the machine's namespace, one per uid/gid, kept for the whole run (they start slowly). */
    private static final Map<List<Integer>, ChildJvmProcess> CHILDREN = new HashMap<>();

    @Override
    public MqBackend newBackend() {
        try {
            return MqBackends.kernel();
        } catch (Exception | LinkageError e) {
            throw Needs.missing(Need.KERNEL_MQUEUE, e.toString());
        }
    }

    @Override
    public MqBackend sameProcess(MqBackend backend) {
        return newBackend();
    }

    @Override
    public OtherProcess otherProcess(MqBackend backend, int uid, int gid) {
        synchronized (CHILDREN) {
            ChildJvmProcess child = CHILDREN.get(List.of(uid, gid));
            if (child == null || !child.isAlive()) {
                child = ChildJvmProcess.asUser(uid, gid);
                CHILDREN.put(List.of(uid, gid), child);
            }
            return child;
        }
    }

    @Override
    public OtherProcess isolatedProcess(int uid, int gid, MqLimits limits) {
        long hard = msgqueueHardLimit();
        Assumptions.assumeTrue(limits.rlimitMsgqueue() <= hard, () -> "RLIMIT_MSGQUEUE " + limits.rlimitMsgqueue()
                + " is above this process's hard limit " + hard + " (raising it needs CAP_SYS_RESOURCE)");
        return ChildJvmProcess.isolated(uid, gid, limits);
    }

    @Override
    public boolean isBlocked(BlockedCall<?> call) {
        Path task = call.task();
        if (task == null) {
            return false;
        }
        return BlockedInKernel.sleepsIn(task, BlockedInKernel.QUEUE_WAITS);
    }

    private static long msgqueueHardLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max msgqueue size")) {
                    String hard = line.substring("Max msgqueue size".length()).trim().split("\\s+")[1];
                    return hard.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(hard);
                }
            }
        } catch (IOException e) {
            // fall through: unknown means assume the Linux default
        }
        return MqLimits.LINUX_DEFAULTS.rlimitMsgqueue();
    }

    @Override
    public boolean deliversRealSignals() {
        return false;
    }
}
