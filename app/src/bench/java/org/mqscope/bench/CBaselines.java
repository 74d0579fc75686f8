package org.mqscope.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Builds mqbench.c with gcc and runs its loops: the C figures the adapter is held against. */
final class CBaselines {
    private static final List<String> FIGURES = List.of("kernel_c_pair_ns", "kernel_c_pingpong_ns",
            "kernel_c_drain_restore_ns_per_msg", "c_syscall_ns", "c_mq_call_ns");

    private CBaselines() {
    }

    static void run(BenchResults results, Path source, Path outDir, int kernelDepth, boolean quick)
            throws Exception {
        String why = KernelCheck.unavailableReason();
        if (why == null && !Programs.onPath("gcc")) {
            why = "gcc is not on the PATH";
        }
        if (why == null && !Files.isRegularFile(source)) {
            why = source + " is missing";
        }
        Path binary = outDir.resolve("mqbench");
        if (why == null) {
            Programs.Outcome built = Programs.run(List.of("gcc", "-O2", "-pthread", "-o", binary.toString(),
                    source.toString(), "-lrt"), Map.of(), 120);
            if (!built.ok()) {
                why = "gcc failed: " + built.why();
            }
        }
        if (why != null) {
            for (String f : FIGURES) {
                results.skip(f, why);
            }
            return;
        }
        int scale = quick ? 1 : 5;
        String size = Integer.toString(Backends.MESSAGE_SIZE);
        runOne(results, "kernel_c_pair_ns", List.of(binary.toString(), "pair", size, "" + 100_000 * scale));
        runOne(results, "kernel_c_pingpong_ns", List.of(binary.toString(), "pingpong", size, "" + 20_000 * scale));
        runOne(results, "kernel_c_drain_restore_ns_per_msg", List.of(binary.toString(), "drain",
                "" + Backends.DEPTH_MESSAGE_SIZE, "" + kernelDepth, "" + Math.max(20, 200_000 * scale / kernelDepth)));
        runOne(results, "c_syscall_ns", List.of(binary.toString(), "call", "" + 500_000 * scale));
    }

    private static void runOne(BenchResults results, String figure, List<String> command) throws Exception {
        Programs.Outcome o = Programs.run(command, Map.of(), 600);
        if (!o.ok() || results.putLines(o.out()) == 0) {
            results.skip(figure, "mqbench " + command.get(1) + " failed: " + o.why());
        }
    }
}
