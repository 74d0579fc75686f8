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

/** One thread: mq_send then mq_receive of one 64-byte message on an empty queue of depth 10 (C: mqbench pair). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PairBenchmark {
    @Param({"kernel", "emulated"})
    public String backend;

    private MqBackend mq;
    private MqQueue queue;
    private final byte[] body = new byte[Backends.MESSAGE_SIZE];

    @Setup
    public void open() throws MqException {
        mq = Backends.open(backend);
        queue = Backends.create(mq, "pair", Backends.PAIR_DEPTH, Backends.MESSAGE_SIZE);
    }

    @TearDown
    public void close() {
        Backends.remove(mq, queue);
        mq.close();
    }

    @Benchmark
    public MqMessage pair() throws MqException {
        queue.send(body, 0);
        return queue.receive();
    }
}
