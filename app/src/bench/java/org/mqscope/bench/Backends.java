package org.mqscope.bench;

import java.util.concurrent.ThreadLocalRandom;
import org.mqscope.demo.DemoQueues;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;

/** The backends and queues the benchmarks run on; kernel queues get unique names and are unlinked after. */
final class Backends {
    /** Message size of the pair, ping-pong and drain benchmarks, in Java and in C alike. */
    static final int MESSAGE_SIZE = 64;
    /** Depth of the pair and ping-pong queues: the kernel default, allowed everywhere. */
    static final int PAIR_DEPTH = 10;
    /** Message size of the depth benchmarks: small, so the kernel's RLIMIT_MSGQUEUE allows the deepest queue. */
    static final int DEPTH_MESSAGE_SIZE = 16;
    /** The deepest emulated queue (HARD_MSGMAX). */
    static final int EMULATED_DEPTH = (int) Mq.HARD_MSGMAX;
    /** System property through which BenchMain tells the forked JVMs the deepest kernel queue allowed here. */
    static final String KERNEL_DEPTH = "mqscope.bench.kernelDepth";

    private Backends() {
    }

    static MqBackend open(String kind) throws MqException {
        return switch (kind) {
            case "kernel" -> MqBackends.kernel();
            case "emulated" -> MqBackends.emulated(DemoQueues.LIMITS);
            default -> throw new IllegalArgumentException("backend " + kind);
        };
    }

    static int deepest(String kind) {
        return "kernel".equals(kind) ? Integer.getInteger(KERNEL_DEPTH, PAIR_DEPTH) : EMULATED_DEPTH;
    }

    static String uniqueName(String tag) {
        return "/mqbench-" + tag + "-" + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
    }

    /** A new queue of this capacity, opened for reading and writing; {@link #remove} unlinks it. */
    static MqQueue create(MqBackend backend, String tag, long maxmsg, long msgsize) throws MqException {
        return backend.open(uniqueName(tag), Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600,
                MqAttributes.of(maxmsg, msgsize));
    }

    /** Closes and unlinks, ignoring what is gone already. */
    static void remove(MqBackend backend, MqQueue q) {
        if (q == null) {
            return;
        }
        try {
            q.close();
        } catch (MqException e) {
            // closed already
        }
        try {
            backend.unlink(q.name());
        } catch (MqException e) {
            // unlinked already
        }
    }
}
