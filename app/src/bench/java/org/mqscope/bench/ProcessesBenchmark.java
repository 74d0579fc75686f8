package org.mqscope.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.mqscope.monitor.processes.ProcScanner;
import org.mqscope.monitor.processes.QueueUsage;
import org.mqscope.monitor.processes.UsageSnapshot;

/**
 * The cost of finding who uses the queues, per descriptor looked at: a full (cold) scan reads every descriptor
 * link, a warm scan re-reads only the tables whose count changed. Two settings: this machine's /proc as it is,
 * and {@value #HELPERS} helper processes holding {@value #QUEUES} queues each (src/test/c/mqhold.c). The helpers
 * run in a private IPC namespace with a fresh mqueue mount ({@code unshare --ipc --mount --fork}): the queues
 * (maxmsg 1, msgsize 1, shared by all helpers, so RLIMIT_MSGQUEUE is barely touched) never show on the machine's
 * /dev/mqueue, and the namespace dies with its last process. Figures as name=value lines.
 */
public final class ProcessesBenchmark {
    static final int HELPERS = 1000;
    static final int QUEUES = 10;
    private static final long READY_SECONDS = 180;
    private static final int WARM_UP_SCANS = Integer.getInteger("processes.warmup", 300);

    private ProcessesBenchmark() {
    }

    /** For BenchMain: both settings, figures into {@code results}. */
    static void run(BenchResults results, Path out, boolean quick) throws Exception {
        results.putLines(machine(quick ? 5 : 15));
        results.putLines(cFloor(out));
        Path helper;
        try {
            helper = compileHelper(out);
        } catch (IOException e) {
            results.skip("processes_helpers_cold_ns_per_fd", "cannot build the helper: " + e.getMessage());
            return;
        }
        Programs.Outcome o = Programs.run(inNamespace(helper, HELPERS, QUEUES, quick), Map.of(), 900);
        if (o.ok()) {
            results.putLines(o.out());
        } else {
            results.skip("processes_helpers_cold_ns_per_fd", "the helper run failed: " + o.why());
        }
    }

    /** Standalone: {@code --machine}, or {@code --helpers N Q BINARY} (inside the namespace), or both by default. */
    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        if (a.contains("--helpers")) {
            int i = a.indexOf("--helpers");
            System.out.print(helpers(Integer.parseInt(a.get(i + 1)), Integer.parseInt(a.get(i + 2)),
                    Path.of(a.get(i + 3)), a.contains("--quick")));
            return;
        }
        System.out.print(machine(15));
        System.out.print(cFloor(Path.of("target/bench")));
        if (!a.contains("--machine")) {
            Path helper = compileHelper(Path.of("target/bench"));
            Programs.Outcome o = Programs.run(inNamespace(helper, HELPERS, QUEUES, false), Map.of(), 900);
            System.out.print(o.ok() ? o.out() : "helpers failed: " + o.why() + "\n");
        }
    }

    /** This machine's /proc and /dev/mqueue as they are. */
    static String machine(int reps) {
        return measure("processes_machine", reps, null);
    }

    private static String helpers(int count, int queues, Path binary, boolean quick) throws Exception {
        List<Process> started = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        try {
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                started.add(new ProcessBuilder(binary.toString(), "/bench", "many", Integer.toString(queues))
                        .redirectInput(new File("/dev/null")).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start());
            }
            awaitHolders(count * queues);
            sb.append(line("processes_helpers_start_s", (System.nanoTime() - t0) / 1e9));
            sb.append(measure("processes_helpers", quick ? 5 : 15, "/bench-0"));
        } finally {
            for (Process p : started) {
                p.destroyForcibly();
            }
            for (Process p : started) {
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
        return sb.toString();
    }

    /** Scans (warm) until {@code descriptors} queue descriptors are held: every helper has opened its queues. */
    private static void awaitHolders(int descriptors) throws InterruptedException {
        ProcScanner s = ProcScanner.system();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
        int held = 0;
        while (System.nanoTime() < deadline) {
            UsageSnapshot snap = s.scan(null, null);
            held = snap.queues().values().stream().mapToInt(u -> u.users().size()).sum();
            if (held >= descriptors) {
                return;
            }
            Thread.sleep(200); // the helpers start at their own pace; a scan every 200 ms is enough to notice
        }
        throw new IllegalStateException("only " + held + " of " + descriptors + " queue descriptors held after "
                + READY_SECONDS + " s");
    }

    /**
     * Cold: a new scanner per scan (every table read). Warm: one scanner, nothing changed between scans (what the
     * window pays every sampling pass). Medians over {@code reps}; per descriptor looked at (all descriptors of all
     * processes, not only queue descriptors).
     */
    private static String measure(String prefix, int reps, String focus) {
        // JIT warm-up: the window scans every sampling pass for as long as it runs, so compiled code is its case
        ProcScanner warmUp = ProcScanner.system();
        for (int i = 0; i < WARM_UP_SCANS; i++) {
            warmUp.scan(null, focus);
            if (i % 10 == 0) {
                ProcScanner.system().scan(null, focus);
            }
        }
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] cold = new long[reps];
        long[] coldCpu = new long[reps];
        int descriptors = 0;
        int processes = 0;
        int queueFds = 0;
        for (int i = 0; i < reps; i++) {
            ProcScanner s = ProcScanner.system();
            long c = cpu.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            UsageSnapshot snap = s.scan(null, focus);
            cold[i] = System.nanoTime() - t;
            coldCpu[i] = cpu.getCurrentThreadCpuTime() - c;
            descriptors = snap.descriptors();
            processes = snap.processes();
            queueFds = snap.queues().values().stream().mapToInt(u -> u.of(org.mqscope.monitor.processes.Role.HOLDER)
                    .size()).sum();
        }
        ProcScanner warmScanner = ProcScanner.system();
        warmScanner.scan(null, focus);
        long[] warm = new long[reps * 4];
        long[] warmCpu = new long[reps * 4];
        for (int i = 0; i < warm.length; i++) {
            long c = cpu.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            UsageSnapshot snap = warmScanner.scan(null, focus);
            warm[i] = System.nanoTime() - t;
            warmCpu[i] = cpu.getCurrentThreadCpuTime() - c;
            descriptors = snap.descriptors();
        }
        QueueUsage sample = focus == null ? null : ProcScanner.system().scan(null, focus).of(focus);
        int fds = Math.max(1, descriptors);
        StringBuilder sb = new StringBuilder();
        sb.append(line(prefix + "_processes", processes));
        sb.append(line(prefix + "_descriptors", descriptors));
        sb.append(line(prefix + "_queue_descriptors", queueFds));
        // CPU time of the scanning thread (user + system) is what a scan costs; wall time also shows the load
        sb.append(line(prefix + "_cold_cpu_ns_per_fd", (double) median(coldCpu) / fds));
        sb.append(line(prefix + "_cold_wall_ns_per_fd", (double) median(cold) / fds));
        sb.append(line(prefix + "_cold_scan_ms", median(cold) / 1e6));
        sb.append(line(prefix + "_warm_cpu_ns_per_fd", (double) median(warmCpu) / fds));
        sb.append(line(prefix + "_warm_wall_ns_per_fd", (double) median(warm) / fds));
        sb.append(line(prefix + "_warm_scan_ms", median(warm) / 1e6));
        if (sample != null) {
            sb.append(line(prefix + "_focus_holders", sample.holderProcesses()));
        }
        return sb.toString();
    }

    private static long median(long[] v) {
        long[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    private static String line(String name, double value) {
        return name + "=" + (value == Math.rint(value) ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.3f", value)) + "\n";
    }

    private static List<String> inNamespace(Path helper, int count, int queues, boolean quick) {
        List<String> cmd = new ArrayList<>(List.of("unshare", "--ipc", "--mount", "--fork", "sh", "-c",
                "mount -t mqueue none /dev/mqueue && exec \"$0\" \"$@\""));
        cmd.addAll(Programs.java(List.of("-Xmx512m"), ProcessesBenchmark.class.getName(), "--helpers",
                Integer.toString(count), Integer.toString(queues), helper.toString()));
        if (quick) {
            cmd.add("--quick");
        }
        return cmd;
    }

    /** The same listing and readlink in C (src/bench/c/procfd.c): what the kernel alone costs per descriptor. */
    static String cFloor(Path out) throws IOException, InterruptedException {
        Files.createDirectories(out);
        Path bin = out.resolve("procfd").toAbsolutePath();
        Programs.Outcome built = Programs.run(List.of("gcc", "-std=c11", "-D_GNU_SOURCE", "-O2", "-Wall", "-Wextra",
                "-Werror", "-o", bin.toString(), Path.of("src/bench/c/procfd.c").toAbsolutePath().toString()),
                Map.of(), 120);
        if (!built.ok()) {
            return "";
        }
        Programs.Outcome o = Programs.run(List.of(bin.toString()), Map.of(), 120);
        return o.ok() ? o.out().replace("c_floor_", "processes_machine_c_floor_") : "";
    }

    private static Path compileHelper(Path out) throws IOException, InterruptedException {
        Files.createDirectories(out);
        Path bin = out.resolve("mqhold").toAbsolutePath();
        Programs.Outcome o = Programs.run(List.of("gcc", "-std=c11", "-D_GNU_SOURCE", "-O2", "-Wall", "-Wextra",
                "-Werror", "-o", bin.toString(), Path.of("src/test/c/mqhold.c").toAbsolutePath().toString(), "-lrt"),
                Map.of(), 120);
        if (!o.ok()) {
            throw new IOException("gcc: " + o.why());
        }
        return bin;
    }
}
