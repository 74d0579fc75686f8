package org.mqscope.mq.kernel;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What one JNA direct-mapped call costs on top of the system call: close(-1) fails at once with EBADF, and
 * mqbench call times the same close(-1) in C. With and without reading errno afterwards, as the adapter does on
 * failure. JNA's cost grows with the argument count (libffi unpacks them twice: into the closure that receives the
 * Java call, then for the call into C), so mq_send(-1, buf, 64, 0) measures it with the four arguments of the
 * adapter's mq_send and mq_receive. rawPair is the benchmark pair (64 B, depth 10) through MqNative alone: the
 * pair's cost with JNA but without the adapter around it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JnaCallBenchmark {
    private static final int MESSAGE_SIZE = 64;
    private static final int DEPTH = 10;

    private MqBackend backend;
    private MqQueue queue;
    private int fd;
    private Memory buffer;
    private long data;
    private long prio;

    @Setup
    public void bind() throws Exception {
        NativeSupport.require();
        backend = MqBackends.kernel();
        queue = backend.open("/mqbench-jnacall-" + ProcessHandle.current().pid() + "-"
                        + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL),
                Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600, MqAttributes.of(DEPTH, MESSAGE_SIZE));
        backend.unlink(queue.name());
        fd = ((KernelQueue) queue).fd();
        buffer = new Memory(2 * MESSAGE_SIZE);
        buffer.clear();
        data = Pointer.nativeValue(buffer);
        prio = data + MESSAGE_SIZE;
    }

    @TearDown
    public void close() throws MqException {
        queue.close();
        backend.close();
        buffer.close();
    }

    @Benchmark
    public int closeBadFd() {
        return PosixNative.close(-1);
    }

    @Benchmark
    public int closeBadFdWithErrno() {
        return PosixNative.close(-1) == 0 ? 0 : Native.getLastError();
    }

    @Benchmark
    public int mqSendBadFd() {
        return MqNative.mq_send(-1, data, MESSAGE_SIZE, 0);
    }

    @Benchmark
    public long rawPair() {
        if (MqNative.mq_send(fd, data, MESSAGE_SIZE, 0) != 0) {
            throw new IllegalStateException("mq_send: errno " + Native.getLastError());
        }
        return MqNative.mq_receive(fd, data, MESSAGE_SIZE, prio);
    }
}
