package org.mqscope.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mqscope.ui.app.StartupProbe;

/**
 * The whole benchmark run: machine facts, the C baselines, JMH, the GUI figures and launch → first frame; writes
 * {@code results.json} in the output directory. Whatever cannot run here is skipped with the reason in the JSON.
 * <pre>
 *   --quick            short JMH runs (a few minutes in all)
 *   --out DIR          where results.json, the C binary and the journals go (default target/bench)
 *   --only REGEX       only the JMH benchmark classes matching REGEX (e.g. "Pair.*")
 *   --first-frame-only only launch → first frame (jar and app-image), nothing else
 *   --kernel-depth N   the deepest kernel queue to use, instead of min(msg_max, what RLIMIT_MSGQUEUE allows)
 *   --raise-msg-max    as root: raise /proc/sys/fs/mqueue/msg_max to what RLIMIT_MSGQUEUE allows for the run,
 *                      and put it back afterwards (on a machine of your own: other programs see it meanwhile)
 * </pre>
 */
public final class BenchMain {
    private static final String JAR = "target/mqscope.jar";
    /** Launches of each kind, interleaved, for the first-frame medians. */
    private static final int FIRST_FRAME_RUNS = 9;
    private static final String APP_IMAGE = "target/installer/image/mqscope/bin/mqscope";
    /** The jar the app-image runs, which must be this build's. */
    private static final String APP_IMAGE_JAR = "target/installer/image/mqscope/lib/app/mqscope.jar";
    static final long FIRST_FRAME_GOAL_MS = 1000;
    static final long APP_IMAGE_FIRST_FRAME_GOAL_MS = 600;

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        boolean quick = a.contains("--quick");
        Path out = Path.of(value(a, "--out", "target/bench"));
        String only = value(a, "--only", null);
        Files.createDirectories(out);
        BenchResults results = new BenchResults().machine();
        long started = System.nanoTime();
        if (a.contains("--first-frame-only")) {
            // Only the start-up figures, e.g. right after an installer build, without the quarter hour of the rest.
            results.fact("bench_mode", "first frame only");
            step("first frame");
            firstFrame(results, FIRST_FRAME_RUNS);
            write(results, out, started);
            return;
        }
        results.fact("bench_mode", quick ? "quick" : "full");

        String kernelWhy = KernelCheck.unavailableReason();
        long msgMax = KernelCheck.msgMax();
        int depth = (int) Math.min(msgMax, KernelCheck.rlimitDepth());
        AutoCloseable restoreMsgMax = () -> { };
        if (kernelWhy == null && a.contains("--raise-msg-max") && msgMax < KernelCheck.rlimitDepth()) {
            try {
                restoreMsgMax = KernelCheck.raiseMsgMax(KernelCheck.rlimitDepth());
                depth = (int) KernelCheck.rlimitDepth();
                results.fact("kernel_msg_max_raised", msgMax + " -> " + depth + " for the run, then restored");
            } catch (Exception e) {
                results.fact("kernel_msg_max_raised", "no: " + e);
            }
        }
        if (a.contains("--kernel-depth")) {
            depth = Integer.parseInt(value(a, "--kernel-depth", "10"));
        }
        try {
            results.put("kernel_msg_max", msgMax);
            results.put("kernel_rlimit_msgqueue", KernelCheck.rlimit());
            results.put("kernel_deepest_queue", depth);
            results.put("emulated_deepest_queue", Backends.EMULATED_DEPTH);

            step("C baselines");
            CBaselines.run(results, Path.of("src/bench/c/mqbench.c"), out, depth, quick);
            step("JMH");
            if (kernelWhy != null) {
                for (String f : List.of("kernel_jna_pair_ns", "kernel_jna_pingpong_ns",
                        "kernel_drain_restore_ns_per_msg", "jna_syscall_ns")) {
                    results.skip(f, kernelWhy);
                }
            }
            JmhFigures.run(results, quick, kernelWhy == null, depth, out.resolve("journals").toString(), only);
            step("recording cost");
            RecordCostFigures.run(results, Path.of("src/bench/c/mqrecordcost.c"), out, quick);
            step("exact kernel peek");
            if (kernelWhy == null) {
                ExactPeekRun.run(results, out, quick);
            } else {
                results.skip("kernel_exact_snapshot_deep_x64_ms", kernelWhy);
            }
        } finally {
            restoreMsgMax.close();
        }
        step("processes");
        ProcessesBenchmark.run(results, out, quick);
        step("GUI");
        gui(results, quick);
        step("first frame");
        firstFrame(results, quick ? 3 : FIRST_FRAME_RUNS);

        results.ratio("kernel_jna_pair_vs_c", "kernel_jna_pair_ns", "kernel_c_pair_ns");
        results.ratio("kernel_jna_pingpong_vs_c", "kernel_jna_pingpong_ns", "kernel_c_pingpong_ns");
        results.ratio("emulated_pingpong_vs_kernel_c", "emulated_pingpong_ns", "kernel_c_pingpong_ns");
        results.ratio("emulated_pair_vs_kernel_c", "emulated_pair_ns", "kernel_c_pair_ns");
        results.ratio("kernel_drain_restore_vs_c", "kernel_drain_restore_ns_per_msg",
                "kernel_c_drain_restore_ns_per_msg");
        results.ratio("kernel_jna_bare_drain_restore_vs_c", "kernel_jna_bare_drain_restore_ns_per_msg",
                "kernel_c_drain_restore_ns_per_msg");
        Double jna = results.figure("jna_syscall_ns");
        Double c = results.figure("c_syscall_ns");
        if (jna != null && c != null) {
            results.put("jna_call_overhead_ns", jna - c);
        }
        // A pair is two four-argument calls: the best any JNA adapter can do is the C pair plus twice that cost.
        Double jnaMq = results.figure("jna_mq_call_ns");
        Double cMq = results.figure("c_mq_call_ns");
        Double cPair = results.figure("kernel_c_pair_ns");
        if (jnaMq != null && cMq != null) {
            results.put("jna_mq_call_overhead_ns", jnaMq - cMq);
            if (cPair != null) {
                results.put("kernel_jna_pair_floor_vs_c", Math.round((cPair + 2 * (jnaMq - cMq)) / cPair * 100) / 100.0);
            }
        }
        results.ratio("kernel_jna_raw_pair_vs_c", "kernel_jna_raw_pair_ns", "kernel_c_pair_ns");
        write(results, out, started);
    }

    private static void write(BenchResults results, Path out, long started) throws Exception {
        results.put("bench_seconds", Math.round((System.nanoTime() - started) / 1e9));
        Path file = out.resolve("results.json");
        results.write(file);
        System.out.println(results.toJson());
        System.out.println("bench: wrote " + file.toAbsolutePath());
    }

    private static void gui(BenchResults results, boolean quick) throws Exception {
        List<String> args = new ArrayList<>();
        if (quick) {
            args.add("--quick");
        }
        Programs.Outcome o = Programs.run(Programs.java(List.of("-Xmx1g", "-Xms1g"), "org.mqscope.ui.window.GuiBench",
                args.toArray(String[]::new)), Map.of(), 600);
        results.putLines(o.out());
        if (!o.ok()) {
            for (String f : List.of("gui_rows_shown_ms", "gui_filter_words_shown_ms", "gui_filter_json_shown_ms",
                    "idle_cpu_pct", "gui_edt_busy_pct", "snapshot_bytes_per_msg_overhead")) {
                results.skip(f, "the GUI measurements failed: " + o.why());
            }
        }
    }

    /**
     * Launch to first painted frame, as installer/measure-startup.sh measures it: the jar and, when the installer
     * profile has built it, the app-image, in turn round after round (a passing load spreads over both). Medians
     * beside their goals (issue 11: jar 1.0 s, app-image 0.6 s).
     */
    private static void firstFrame(BenchResults results, int runs) throws Exception {
        if (System.getenv("DISPLAY") == null) {
            results.skip("first_frame_ms", "no display (DISPLAY is not set)");
            return;
        }
        if (!Files.isRegularFile(Path.of(JAR))) {
            results.skip("first_frame_ms", JAR + " is missing (run the package phase first)");
            return;
        }
        Map<String, List<String>> launches = new java.util.LinkedHashMap<>();
        launches.put("first_frame", List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR));
        if (!Files.isExecutable(Path.of(APP_IMAGE))) {
            results.skip("first_frame_app_image_ms", APP_IMAGE + " is missing (build with -Pinstaller first)");
        } else if (!sameEntries(Path.of(APP_IMAGE_JAR), Path.of(JAR))) {
            // An image packaged from an older jar would time an older program.
            results.skip("first_frame_app_image_ms", APP_IMAGE_JAR + " is not this build's " + JAR
                    + " (rebuild the image: ./mvnw -Pinstaller verify -DskipTests)");
        } else {
            launches.put("first_frame_app_image", List.of(APP_IMAGE));
        }
        try {
            // The machine's load while the launches run: the figure means little without it on a shared machine.
            results.put("first_frame_load_1min", Double.parseDouble(
                    Files.readString(Path.of("/proc/loadavg")).split(" ")[0]));
        } catch (java.io.IOException | RuntimeException e) {
            results.skip("first_frame_load_1min", "/proc/loadavg is not readable: " + e.getMessage());
        }
        Map<String, long[]> ms = new java.util.LinkedHashMap<>();
        launches.keySet().forEach(k -> ms.put(k, new long[runs]));
        Path shot = Files.createTempFile("mqbench-frame", ".png");
        try {
            for (int i = 0; i < runs; i++) {
                for (Map.Entry<String, List<String>> l : launches.entrySet()) {
                    List<String> command = new ArrayList<>(l.getValue());
                    command.addAll(List.of("--backend=emulated", "--screenshot", shot.toString(), "--after", "0"));
                    long startedMs = System.currentTimeMillis();
                    // Through JAVA_TOOL_OPTIONS, which reaches the JVM behind the app-image's launcher too.
                    Programs.Outcome o = Programs.run(command,
                            Map.of("JAVA_TOOL_OPTIONS", "-D" + StartupProbe.PROPERTY + "=1"), 120);
                    String line = o.out().lines().filter(x -> x.startsWith(StartupProbe.PREFIX)).findFirst()
                            .orElse(null);
                    if (!o.ok() || line == null) {
                        results.skip(l.getKey() + "_ms", "no first-frame line was printed: " + o.why());
                        return;
                    }
                    ms.get(l.getKey())[i] = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1)) - startedMs;
                }
            }
        } finally {
            Files.deleteIfExists(shot);
        }
        for (Map.Entry<String, long[]> e : ms.entrySet()) {
            long[] sorted = e.getValue().clone();
            Arrays.sort(sorted);
            results.put(e.getKey() + "_ms", sorted[runs / 2]);
            results.put(e.getKey() + "_fastest_ms", sorted[0]);
        }
        results.put("first_frame_goal_ms", FIRST_FRAME_GOAL_MS);
        results.put("first_frame_app_image_goal_ms", APP_IMAGE_FIRST_FRAME_GOAL_MS);
    }

    /**
     * Whether two jars hold the same files with the same contents (names, sizes and CRCs): the bench's own build
     * shades the jar again, with new entry times, so the bytes differ even when the program does not.
     */
    static boolean sameEntries(Path a, Path b) throws java.io.IOException {
        return entries(a).equals(entries(b));
    }

    private static Map<String, String> entries(Path jar) throws java.io.IOException {
        Map<String, String> out = new java.util.TreeMap<>();
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(jar.toFile())) {
            z.stream().forEach(e -> out.put(e.getName(), e.getSize() + ":" + Long.toHexString(e.getCrc())));
        }
        return out;
    }

    private static void step(String what) {
        System.out.println("bench: === " + what + " ===");
    }

    private static String value(List<String> args, String option, String otherwise) {
        int i = args.indexOf(option);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : otherwise;
    }
}
