package org.mqscope.bench;

import java.util.concurrent.TimeUnit;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.PeekResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Drain-and-restore of the deepest kernel queue allowed here (16-byte messages, as mqbench drain): the adapter's
 * journaled {@code snapshot()}, and the bare loop through the adapter (receive every message, send each back) that
 * mqbench drain runs in C. BenchMain divides by the depth for the per-message figures.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KernelDrainBenchmark {
    private MqBackend mq;
    private MqQueue queue;
    private MqMessage[] held;

    @Setup
    public void fill() throws MqException {
        // drain-and-restore, the fallback, even where the exact peek could run (ExactPeekFigures measures that)
        System.setProperty("mqscope.peek", "drain-restore");
        mq = Backends.open("kernel");
        int depth = Backends.deepest("kernel");
        queue = Backends.create(mq, "drain", depth, Backends.DEPTH_MESSAGE_SIZE);
        byte[] body = new byte[Backends.DEPTH_MESSAGE_SIZE];
        for (int i = 0; i < depth; i++) {
            queue.send(body, i % 4);
        }
        held = new MqMessage[depth];
    }

    @TearDown
    public void close() {
        Backends.remove(mq, queue);
        mq.close();
    }

    @Benchmark
    public PeekResult snapshot() throws MqException {
        return queue.snapshot();
    }

    @Benchmark
    public MqMessage[] bareLoop() throws MqException {
        for (int i = 0; i < held.length; i++) {
            held[i] = queue.receive();
        }
        for (MqMessage m : held) {
            queue.send(m.body(), m.priority());
        }
        return held;
    }
}
