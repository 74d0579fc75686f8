package org.mqscope.bench;

import java.util.concurrent.TimeUnit;
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
 * {@code peek(index)} at the head, the middle and the tail of the deepest queue: exact on the emulation, a whole
 * drain-and-restore on the kernel (so there the index hardly matters; the exact kernel peek's figures come from
 * {@link ExactPeekFigures}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PeekIndexBenchmark {
    @Param({"kernel", "emulated"})
    public String backend;

    @Param({"first", "middle", "last"})
    public String at;

    private MqBackend mq;
    private MqQueue queue;
    private long index;

    @Setup
    public void fill() throws MqException {
        // on the kernel: drain-and-restore, the fallback (ExactPeekFigures measures the exact peek's peek(index))
        System.setProperty("mqscope.peek", "drain-restore");
        mq = Backends.open(backend);
        int depth = Backends.deepest(backend);
        queue = Backends.create(mq, "peek", depth, Backends.DEPTH_MESSAGE_SIZE);
        byte[] body = new byte[Backends.DEPTH_MESSAGE_SIZE];
        for (int i = 0; i < depth; i++) {
            queue.send(body, i % 4);
        }
        index = switch (at) {
            case "first" -> 0;
            case "middle" -> depth / 2;
            default -> depth - 1;
        };
    }

    @TearDown
    public void close() {
        Backends.remove(mq, queue);
        mq.close();
    }

    @Benchmark
    public MqMessage peek() throws MqException {
        return queue.peek(index);
    }
}
