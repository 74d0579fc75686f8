package org.mqscope.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.QueueRecorder;
import org.mqscope.mq.RecordedEvent;

/**
 * What recording a queue costs the processes that use it: mqrecordcost.c's loops (CPU time per send+receive pair
 * of 64 bytes on the recorded queue, and per getpid, a system call the recorder's tracepoint sees but drops at once)
 * timed in turns with and without a recording, the median of each kind taken; and the highest rate of 64-byte sends
 * and receives recorded with nothing lost. Figures: record_pair_added_ns, record_getpid_added_ns,
 * record_rate_0_lost_events_per_s (issue goals: at most 1,000 and 50 ns, at least 200,000 events/s), the plain
 * figures beside them, record_rate_stop saying why the rate search stopped, and record_getpid_floor_added_ns: what
 * getpid pays with a syscall tracepoint on and no program at all, the kernel's floor (README, "Recording cost").
 */
public final class RecordCostFigures {
    private static final List<String> FIGURES = List.of("record_pair_added_ns", "record_getpid_added_ns",
            "record_rate_0_lost_events_per_s", "record_getpid_floor_added_ns");
    /** Rates tried, in calls (events) per second, until one loses events or cannot be reached on this machine. */
    private static final long[] RATES = {100_000, 200_000, 300_000, 400_000, 500_000, 600_000, 800_000};
    /** A rate counts as reached when the paced loop made at least this share of it. */
    private static final double REACHED = 0.95;

    private RecordCostFigures() {
    }

    /** Only these figures, printed as JSON: {@code RecordCostFigures [--quick] OUT_DIR} from app/. */
    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        Path out = Path.of(a.isEmpty() ? "target/bench" : a.get(a.size() - 1));
        Files.createDirectories(out);
        BenchResults results = new BenchResults().machine();
        run(results, Path.of("src/bench/c/mqrecordcost.c"), out, a.contains("--quick"));
        System.out.println(results.toJson());
    }

    static void run(BenchResults results, Path source, Path outDir, boolean quick) throws Exception {
        String why = KernelCheck.unavailableReason();
        if (why == null && !Programs.onPath("gcc")) {
            why = "gcc is not on the PATH";
        }
        Path binary = outDir.resolve("mqrecordcost");
        if (why == null) {
            Programs.Outcome built = Programs.run(List.of("gcc", "-std=c11", "-O2", "-o", binary.toString(),
                    source.toString(), "-lrt"), Map.of(), 120);
            why = built.ok() ? null : "gcc failed: " + built.why();
        }
        MqBackend backend = why == null ? MqBackends.kernel() : null;
        Optional<QueueRecorder> recorder = backend == null ? Optional.empty() : backend.recorder();
        if (why == null && recorder.isEmpty()) {
            why = "no recorder: the mqpeek helper was not built or the kernel has no BTF";
        }
        if (why != null) {
            for (String f : FIGURES) {
                results.skip(f, why);
            }
            if (backend != null) {
                backend.close();
            }
            return;
        }
        String name = "/mqscope-bench-record-" + ProcessHandle.current().pid();
        int turns = quick ? 3 : 7;
        String pairs = quick ? "100000" : "300000";
        String calls = quick ? "1000000" : "3000000";
        double[][] off = new double[2][turns];
        double[][] on = new double[2][turns];
        ExecutorService recording = Executors.newSingleThreadExecutor();
        try (MqQueue q = backend.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600, MqAttributes.of(10, 64))) {
            for (int t = 0; t < turns; t++) {
                off[0][t] = ns(binary, "pair", name, pairs);
                off[1][t] = ns(binary, "getpid", calls);
                Recording r = Recording.start(recorder.get(), name, recording);
                on[0][t] = ns(binary, "pair", name, pairs);
                on[1][t] = ns(binary, "getpid", calls);
                r.stop();
            }
            rates(results, binary, recorder.get(), name, recording, quick ? 2 : 5);
            floor(results, binary, calls, turns);
        } finally {
            backend.unlink(name);
            backend.close();
            recording.shutdownNow();
        }
        put(results, "record_pair", off[0], on[0]);
        put(results, "record_getpid", off[1], on[1]);
    }

    /**
     * The highest rate of 64-byte sends and receives recorded with nothing lost: each rate of {@link #RATES} paced by
     * mqrecordcost for {@code seconds} under its own recording, until one loses events, is not all delivered, or is
     * not reached (the machine's CPUs are short: then the figure is a lower bound, and the reason says so).
     */
    private static void rates(BenchResults results, Path binary, QueueRecorder recorder, String name,
                              ExecutorService executor, int seconds) throws Exception {
        double best = 0;
        String stop = "every rate tried was recorded without loss";
        for (long rate : RATES) {
            Recording r = Recording.start(recorder, name, executor);
            Programs.Outcome o = Programs.run(List.of(binary.toString(), "paced", name, "" + rate, "" + seconds),
                    Map.of(), 120);
            QueueRecorder.Summary s = r.stop();
            if (!o.ok() || !o.out().startsWith("events=")) {
                throw new IllegalStateException("mqrecordcost paced failed: " + o.why());
            }
            String[] parts = o.out().strip().split(" ");
            long made = Long.parseLong(parts[0].substring("events=".length()));
            double reached = made / (Long.parseLong(parts[1].substring("ns=".length())) / 1e9);
            results.put("record_rate_" + rate / 1000 + "k_reached_events_per_s", Math.round(reached));
            results.put("record_rate_" + rate / 1000 + "k_lost", s.lost());
            if (s.lost() > 0 || r.transfers.get() < made) {
                stop = "at " + rate + "/s: " + s.lost() + " lost, " + r.transfers.get() + " of " + made + " delivered";
                break;
            }
            best = reached;
            if (reached < REACHED * rate) {
                stop = "at " + rate + "/s the loop reached only " + Math.round(reached) + "/s (CPU-bound): a lower bound";
                break;
            }
        }
        results.put("record_rate_0_lost_events_per_s", Math.round(best));
        results.fact("record_rate_stop", stop);
    }

    /** Where tracefs may be mounted (the second is the older place, under debugfs). */
    private static final List<Path> TRACEFS = List.of(Path.of("/sys/kernel/tracing"),
            Path.of("/sys/kernel/debug/tracing"));

    /**
     * The kernel's floor for anything on a syscall tracepoint: getpid timed in turns with and without one syscall
     * trace event switched on through tracefs — no BPF program at all, and an event (sys_exit_mq_timedsend) that no
     * getpid loop fires. Switching any on puts every task on the kernel's syscall-tracing slow path, which is the
     * least a recorder on these tracepoints can cost an unrelated system call (figure record_getpid_floor_added_ns).
     * The event is put back as it was; without a mounted tracefs the figure is skipped with the reason.
     */
    private static void floor(BenchResults results, Path binary, String calls, int turns) throws Exception {
        Optional<Path> enable = TRACEFS.stream()
                .map(t -> t.resolve("events/syscalls/sys_exit_mq_timedsend/enable"))
                .filter(Files::isWritable).findFirst();
        if (enable.isEmpty()) {
            results.skip("record_getpid_floor_added_ns", "tracefs is not mounted (mount -t tracefs nodev "
                    + "/sys/kernel/tracing) or has no syscall events (CONFIG_FTRACE_SYSCALLS)");
            return;
        }
        String before = Files.readString(enable.get()).strip();
        double[][] runs = new double[2][turns];
        try {
            for (int t = 0; t < turns; t++) {
                Files.writeString(enable.get(), "0");
                runs[0][t] = ns(binary, "getpid", calls);
                Files.writeString(enable.get(), "1");
                runs[1][t] = ns(binary, "getpid", calls);
            }
        } finally {
            Files.writeString(enable.get(), before.equals("1") ? "1" : "0");
        }
        put(results, "record_getpid_floor", runs[0], runs[1]);
    }

    private static void put(BenchResults results, String key, double[] off, double[] on) {
        double a = median(off);
        double b = median(on);
        results.put(key + "_off_ns", a);
        results.put(key + "_on_ns", b);
        results.put(key + "_added_ns", Math.round((b - a) * 10) / 10.0);
    }

    private static double ns(Path binary, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(List.of(args));
        Programs.Outcome o = Programs.run(command, Map.of(), 300);
        if (!o.ok() || !o.out().startsWith("ns=")) {
            throw new IllegalStateException("mqrecordcost " + args[0] + " failed: " + o.why());
        }
        return Double.parseDouble(o.out().strip().substring(3));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** One recording on the executor, started (the recorder is in place) and stopped by interruption. */
    private static final class Recording {
        private final Future<?> future;
        private final CountDownLatch done;
        private final AtomicReference<Exception> failure;
        /** Sends and receives delivered (other programs may open the queue or read its attributes meanwhile). */
        private final AtomicLong transfers;
        private final AtomicReference<QueueRecorder.Summary> summary;

        private Recording(Future<?> future, CountDownLatch done, AtomicReference<Exception> failure,
                          AtomicLong transfers, AtomicReference<QueueRecorder.Summary> summary) {
            this.future = future;
            this.done = done;
            this.failure = failure;
            this.transfers = transfers;
            this.summary = summary;
        }

        static Recording start(QueueRecorder recorder, String name, ExecutorService executor) throws Exception {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            AtomicReference<Exception> failure = new AtomicReference<>();
            AtomicLong transfers = new AtomicLong();
            AtomicReference<QueueRecorder.Summary> summary = new AtomicReference<>();
            Future<?> f = executor.submit(() -> {
                try {
                    summary.set(recorder.record(new QueueRecorder.Request(List.of(name), 64, Duration.ZERO),
                            new QueueRecorder.Listener() {
                        @Override
                        public void started() {
                            started.countDown();
                        }

                        @Override
                        public void event(RecordedEvent e) {
                            if (e.event().hasMessage()) {
                                transfers.incrementAndGet();
                            }
                        }
                    }));
                } catch (Exception e) {
                    failure.set(e);
                } finally {
                    started.countDown();
                    done.countDown();
                }
            });
            if (!started.await(60, TimeUnit.SECONDS) || failure.get() != null) {
                f.cancel(true);
                throw new IllegalStateException("the recording did not start", failure.get());
            }
            return new Recording(f, done, failure, transfers, summary);
        }

        QueueRecorder.Summary stop() throws Exception {
            future.cancel(true);
            if (!done.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the recording did not stop within 60 s");
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            return summary.get();
        }
    }
}
