package org.mqscope.bench;

import java.util.concurrent.TimeUnit;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.PeekResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** The emulation's exact snapshot of a full queue: 65,536 × 64 B (what the message table shows) and 1,000 × 64 KiB. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SnapshotBenchmark {
    @Param({"65536x64", "1000x65536"})
    public String shape;

    private MqBackend mq;
    private MqQueue queue;

    @Setup
    public void fill() throws MqException {
        int count = Integer.parseInt(shape.substring(0, shape.indexOf('x')));
        int size = Integer.parseInt(shape.substring(shape.indexOf('x') + 1));
        mq = Backends.open("emulated");
        queue = Backends.create(mq, "snapshot", count, size);
        byte[] body = new byte[size];
        for (int i = 0; i < count; i++) {
            body[i % size] = (byte) i;
            queue.send(body, i % 4);
        }
    }

    @TearDown
    public void close() {
        Backends.remove(mq, queue);
        mq.close();
    }

    @Benchmark
    public PeekResult emulatedSnapshot() throws MqException {
        return queue.snapshot();
    }
}
