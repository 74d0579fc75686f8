package org.mqscope.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Hand-off across two threads: the benchmark thread sends on "ping" and waits for the echo on "pong"; an echo
 * thread receives each ping and sends it back. One operation is a round trip, i.e. two hand-offs (C: mqbench
 * pingpong). An empty message tells the echo thread to stop.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PingPongBenchmark {
    @Param({"kernel", "emulated"})
    public String backend;

    private MqBackend mq;
    private MqQueue ping;
    private MqQueue pong;
    private ExecutorService echoThread;
    private Future<?> echo;
    private final byte[] body = new byte[Backends.MESSAGE_SIZE];

    @Setup
    public void open() throws MqException {
        mq = Backends.open(backend);
        ping = Backends.create(mq, "ping", Backends.PAIR_DEPTH, Backends.MESSAGE_SIZE);
        pong = Backends.create(mq, "pong", Backends.PAIR_DEPTH, Backends.MESSAGE_SIZE);
        echoThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bench-echo");
            t.setDaemon(true);
            return t;
        });
        echo = echoThread.submit(() -> {
            while (true) {
                MqMessage m = ping.receive();
                if (m.body().length == 0) {
                    return null;
                }
                pong.send(m.body(), m.priority());
            }
        });
    }

    @TearDown
    public void close() throws Exception {
        ping.send(new byte[0], 0);
        echo.get(10, TimeUnit.SECONDS);
        echoThread.shutdown();
        Backends.remove(mq, ping);
        Backends.remove(mq, pong);
        mq.close();
    }

    @Benchmark
    public MqMessage roundTrip() throws MqException {
        ping.send(body, 0);
        return pong.receive();
    }
}
