package org.mqscope.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link ExactPeekFigures} in a child JVM: as root inside a private IPC namespace (unshare) whose msg_max is
 * raised to the deepest queue RLIMIT_MSGQUEUE allows for 64-byte messages, so that the deep figure is as deep as
 * this machine permits without touching its own limits; otherwise in the machine's namespace at its msg_max.
 */
final class ExactPeekRun {
    /** The kernel's charge per message besides the payload (struct msg_msg and a tree node), as KernelCheck. */
    private static final long CHARGE_PER_MESSAGE = 96;
    private static final int MESSAGE_SIZE = 64;
    private static final long GOAL_DEPTH = 65_536;
    private static final String HELPER = "target/mqpeek";

    private ExactPeekRun() {
    }

    static void run(BenchResults results, Path outDir, boolean quick) throws Exception {
        Path mqbench = outDir.resolve("mqbench");
        if (!Files.isExecutable(Path.of(HELPER))) {
            results.skip("kernel_exact_snapshot_deep_x64_ms", HELPER + " was not built (clang, bpftool, libbpf-dev)");
            return;
        }
        long fits = Math.min(GOAL_DEPTH, (long) (KernelCheck.rlimit() * 0.9 / (MESSAGE_SIZE + CHARGE_PER_MESSAGE)));
        boolean root = "root".equals(System.getProperty("user.name")) && Programs.onPath("unshare");
        long depth = root ? fits : Math.min(fits, KernelCheck.msgMax());
        List<String> command = new ArrayList<>();
        if (root) {
            command.addAll(List.of("unshare", "--ipc", "--mount", "--propagation", "private", "sh", "-c",
                    "mount -t mqueue none /dev/mqueue && echo " + depth + " > /proc/sys/fs/mqueue/msg_max"
                            + " && exec \"$@\"", "sh"));
        }
        command.addAll(Programs.java(List.of("-Xmx1g", "-Dmqscope.peek.helper=" + Path.of(HELPER).toAbsolutePath()),
                ExactPeekFigures.class.getName(), "--depth", "" + depth, "--rounds", quick ? "11" : "41",
                "--mqbench", mqbench.toAbsolutePath().toString()));
        Programs.Outcome o = Programs.run(command, Map.of(), 900);
        results.putLines(o.out());
        if (!o.ok()) {
            results.skip("kernel_exact_snapshot_deep_x64_ms", "ExactPeekFigures failed: " + o.why());
            return;
        }
        if (depth < GOAL_DEPTH) {
            results.skip("kernel_exact_snapshot_65536x64_ms", "RLIMIT_MSGQUEUE (" + KernelCheck.rlimit()
                    + " bytes, raised only with CAP_SYS_RESOURCE) allows " + depth + " messages of 64 B in one queue;"
                    + " see kernel_exact_snapshot_deep_x64_ms");
        }
        for (String shape : List.of("10x64", "10x8192", "deep_x64")) {
            results.ratio("kernel_drain_restore_vs_exact_" + shape, "kernel_drain_restore_snapshot_" + shape + "_ms",
                    "kernel_exact_snapshot_" + shape + "_ms");
            results.ratio("kernel_c_drain_vs_exact_" + shape, "kernel_c_drain_restore_" + shape + "_ms",
                    "kernel_exact_snapshot_" + shape + "_ms");
        }
    }
}
