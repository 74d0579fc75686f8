package org.mqscope.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs the JMH benchmarks and turns each result into a flat figure name. */
final class JmhFigures {
    /** Secondary result of the GC profiler: bytes allocated per operation. */
    private static final String ALLOC_NORM = "gc.alloc.rate.norm";

    private JmhFigures() {
    }

    static void run(BenchResults results, boolean quick, boolean kernel, int kernelDepth, String journalDir,
                    String only) throws Exception {
        List<String> includes = new ArrayList<>(List.of("PairBenchmark", "PingPongBenchmark", "DepthBenchmark",
                "SnapshotBenchmark", "PeekIndexBenchmark", "FilterBenchmark"));
        if (kernel) {
            includes.add("KernelDrainBenchmark");
            includes.add("JnaCallBenchmark");
        }
        ChainedOptionsBuilder o = new OptionsBuilder()
                .forks(quick ? 1 : 2)
                .warmupIterations(quick ? 2 : 4)
                .warmupTime(TimeValue.milliseconds(quick ? 400 : 1000))
                .measurementIterations(quick ? 3 : 5)
                .measurementTime(TimeValue.milliseconds(quick ? 400 : 1000))
                .timeout(TimeValue.minutes(2))
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend("-Xmx2g", "-D" + Backends.KERNEL_DEPTH + "=" + kernelDepth,
                        "-Dmqscope.journal.dir=" + journalDir)
                .shouldFailOnError(false);
        for (String include : includes) {
            if (only == null || include.matches(only)) {
                o.include("\\." + include + "\\.");
            }
        }
        if (!kernel) {
            o.param("backend", "emulated");
        }
        Collection<RunResult> runs = new Runner(o.build()).run();
        for (RunResult run : runs) {
            BenchmarkParams p = run.getParams();
            String key = key(p, kernelDepth);
            if (key == null) {
                continue;
            }
            Result<?> primary = run.getPrimaryResult();
            double ns = toNanos(primary.getScore(), primary.getScoreUnit());
            if (key.endsWith("_ms")) {
                results.put(key, ns / 1e6);
            } else if (key.endsWith("_per_msg")) {
                results.put(key, ns / kernelDepth);
                // the whole operation too: at a shallow depth its fixed costs (journal file, descriptor) dominate
                results.put(key.replace("_ns_per_msg", "_us_per_queue"), ns / 1e3);
            } else {
                results.put(key, ns);
            }
            Result<?> alloc = run.getSecondaryResults().get(ALLOC_NORM);
            if (alloc != null && (key.endsWith("_pair_ns") || key.endsWith("_pingpong_ns"))) {
                results.put(key.replaceAll("_ns$", "_alloc_bytes"), Math.max(0, alloc.getScore()));
            }
        }
    }

    /** The figure name of a result, or null for one the JSON does not carry. */
    static String key(BenchmarkParams p, int kernelDepth) {
        String bench = p.getBenchmark().substring(p.getBenchmark().lastIndexOf('.', p.getBenchmark().lastIndexOf('.')
                - 1) + 1);
        String backend = p.getParam("backend");
        String side = "kernel".equals(backend) ? "kernel_jna" : "emulated";
        return switch (bench) {
            case "PairBenchmark.pair" -> side + "_pair_ns";
            case "PingPongBenchmark.roundTrip" -> side + "_pingpong_ns";
            case "DepthBenchmark.pair" -> side + "_depth_" + p.getParam("depth") + "_" + p.getParam("pattern")
                    + "_pair_ns";
            case "SnapshotBenchmark.emulatedSnapshot" -> "65536x64".equals(p.getParam("shape"))
                    ? "emulated_snapshot_65536x64_ms" : "emulated_snapshot_1000x64k_ms";
            case "FilterBenchmark.match" -> "filter_65536_" + p.getParam("kind") + "_ms";
            case "KernelDrainBenchmark.snapshot" -> "kernel_drain_restore_ns_per_msg";
            case "KernelDrainBenchmark.bareLoop" -> "kernel_jna_bare_drain_restore_ns_per_msg";
            case "PeekIndexBenchmark.peek" -> ("kernel".equals(backend) ? "kernel" : "emulated") + "_peek_index_"
                    + p.getParam("at") + "_ns";
            case "JnaCallBenchmark.closeBadFd" -> "jna_syscall_ns";
            case "JnaCallBenchmark.closeBadFdWithErrno" -> "jna_syscall_with_errno_ns";
            case "JnaCallBenchmark.mqSendBadFd" -> "jna_mq_call_ns";
            case "JnaCallBenchmark.rawPair" -> "kernel_jna_raw_pair_ns";
            default -> null;
        };
    }

    static double toNanos(double score, String unit) {
        String u = unit.substring(0, unit.indexOf('/'));
        TimeUnit t = switch (u) {
            case "ns" -> TimeUnit.NANOSECONDS;
            case "us" -> TimeUnit.MICROSECONDS;
            case "ms" -> TimeUnit.MILLISECONDS;
            case "s" -> TimeUnit.SECONDS;
            default -> throw new IllegalArgumentException("unit " + unit);
        };
        return score * t.toNanos(1);
    }
}
