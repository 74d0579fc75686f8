package org.mqscope.mq.kernel;

import com.sun.jna.Native;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one JNA direct-mapped call costs on top of the system call: close(-1) fails at once with EBADF, and
 * mqbench call times the same close(-1) in C. With and without reading errno afterwards, as the adapter does on
 * failure.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JnaCallBenchmark {

    @Setup
    public void bind() throws Exception {
        NativeSupport.require();
    }

    @Benchmark
    public int closeBadFd() {
        return PosixNative.close(-1);
    }

    @Benchmark
    public int closeBadFdWithErrno() {
        return PosixNative.close(-1) == 0 ? 0 : Native.getLastError();
    }
}
