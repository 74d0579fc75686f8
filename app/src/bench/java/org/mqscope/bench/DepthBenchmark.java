package org.mqscope.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A send and a receive on a queue that stays at one depth: empty, or one short of the deepest this machine allows
 * (kernel: msg_max and RLIMIT_MSGQUEUE; emulation: 65,536). Priorities follow the kernel's mq_perf_tests patterns:
 * constant, increasing, decreasing, random; the queue is filled with the same pattern first.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DepthBenchmark {
    private static final int RANDOM_TABLE = 4096;

    @Param({"kernel", "emulated"})
    public String backend;

    @Param({"empty", "full"})
    public String depth;

    @Param({"constant", "increasing", "decreasing", "random"})
    public String pattern;

    private MqBackend mq;
    private MqQueue queue;
    private final byte[] body = new byte[Backends.DEPTH_MESSAGE_SIZE];
    private final int[] random = new Random(7).ints(RANDOM_TABLE, 0, (int) Mq.PRIO_MAX).toArray();
    private int next;

    @Setup
    public void fill() throws MqException {
        mq = Backends.open(backend);
        int deepest = Backends.deepest(backend);
        queue = Backends.create(mq, "depth", deepest, Backends.DEPTH_MESSAGE_SIZE);
        int held = "full".equals(depth) ? deepest - 1 : 0;
        for (int i = 0; i < held; i++) {
            queue.send(body, priority());
        }
    }

    @TearDown
    public void close() {
        Backends.remove(mq, queue);
        mq.close();
    }

    private int priority() {
        int k = next++;
        return switch (pattern) {
            case "constant" -> 0;
            case "increasing" -> k % (int) Mq.PRIO_MAX;
            case "decreasing" -> (int) Mq.PRIO_MAX - 1 - k % (int) Mq.PRIO_MAX;
            default -> random[k & (RANDOM_TABLE - 1)];
        };
    }

    @Benchmark
    public MqMessage pair() throws MqException {
        queue.send(body, priority());
        return queue.receive();
    }
}
