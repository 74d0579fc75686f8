package org.mqscope.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.PeekMethod;
import org.mqscope.mq.PeekResult;

/**
 * The exact kernel peek against drain-and-restore and the C drain loop, at three shapes: 10 x 64 B, a queue full at
 * the default limits (10 x 8192 B), and the deepest queue of 64-byte messages that RLIMIT_MSGQUEUE allows (65,536 on
 * a machine that allows it). BenchMain runs this as a separate process, in a private IPC namespace whose msg_max it
 * raises (root), so the machine's own limits never change. Prints key=value lines; times are medians in ms.
 * <pre>
 *   ExactPeekFigures --depth N --rounds R --mqbench PATH
 * </pre>
 * "cold" is the first peek of a new backend: it starts the helper, which loads and verifies its BPF program; "warm"
 * is a peek by the running helper, as the window's live view does twice a second.
 */
public final class ExactPeekFigures {
    private static final int MESSAGE_SIZE = 64;

    private ExactPeekFigures() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        int depth = Integer.parseInt(a.get(a.indexOf("--depth") + 1));
        int rounds = Integer.parseInt(a.get(a.indexOf("--rounds") + 1));
        String mqbench = a.get(a.indexOf("--mqbench") + 1);
        System.out.println("kernel_exact_deep_depth=" + depth);
        shape("10x64", 10, MESSAGE_SIZE, rounds, mqbench, false);
        shape("10x8192", 10, 8192, rounds, mqbench, false);
        shape("deep_x64", depth, MESSAGE_SIZE, Math.max(5, rounds / 2), mqbench, true);
    }

    private static void shape(String label, int depth, int size, int rounds, String mqbench, boolean indexes)
            throws Exception {
        String name = "/mqscope-bench-exact-" + label + "-" + ProcessHandle.current().pid();
        try (MqBackend exact = backend("auto")) {
            try (MqQueue q = exact.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR | Mq.O_NONBLOCK, 0600,
                    org.mqscope.mq.MqAttributes.of(depth, size))) {
                byte[] body = new byte[size];
                for (int i = 0; i < depth; i++) {
                    q.send(body, i % 4);
                }
                if (q.peekSupport().method() != PeekMethod.EXACT) {
                    System.out.println("kernel_exact_snapshot_" + label + "_ms_skipped=" + q.peekSupport().reason());
                    return;
                }
                double[] warm = new double[rounds];
                q.snapshot(); // the helper starts and loads its program
                for (int r = 0; r < rounds; r++) {
                    long t0 = System.nanoTime();
                    PeekResult p = q.snapshot();
                    warm[r] = (System.nanoTime() - t0) / 1e6;
                    check(p, depth);
                }
                put("kernel_exact_snapshot_" + label + "_ms", median(warm));
                put("kernel_exact_cold_snapshot_" + label + "_ms", cold(name, depth, Math.max(3, rounds / 4)));
                if (indexes) {
                    for (String at : List.of("first", "middle", "last")) {
                        long index = at.equals("first") ? 0 : at.equals("middle") ? depth / 2 : depth - 1;
                        double[] t = new double[rounds];
                        for (int r = 0; r < rounds; r++) {
                            long t0 = System.nanoTime();
                            q.peek(index);
                            t[r] = (System.nanoTime() - t0) / 1e6;
                        }
                        put("kernel_exact_peek_index_" + at + "_ms", median(t));
                    }
                }
                put("kernel_drain_restore_snapshot_" + label + "_ms", drainRestore(name, depth, rounds));
            } finally {
                exact.unlink(name);
            }
        }
        Programs.Outcome c = Programs.run(List.of(mqbench, "drain", "" + size, "" + depth, "" + rounds, label),
                Map.of(), 300);
        if (c.ok()) {
            System.out.print(c.out());
        } else {
            System.out.println("kernel_c_drain_restore_" + label + "_ms_skipped=mqbench failed: " + c.why());
        }
    }

    /** A new backend each time: helper start, program load and verification, the probe, then the snapshot. */
    private static double cold(String name, int depth, int rounds) throws MqException {
        double[] t = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            try (MqBackend b = backend("auto"); MqQueue q = b.open(name, Mq.O_RDONLY)) {
                check(q.snapshot(), depth);
            }
            t[r] = (System.nanoTime() - t0) / 1e6;
        }
        return median(t);
    }

    private static double drainRestore(String name, int depth, int rounds) throws MqException {
        double[] t = new double[rounds];
        try (MqBackend b = backend("drain-restore"); MqQueue q = b.open(name, Mq.O_RDWR)) {
            check(q.snapshot(), depth);
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                PeekResult p = q.snapshot();
                t[r] = (System.nanoTime() - t0) / 1e6;
                if (p.method() != PeekMethod.DRAIN_RESTORE) {
                    throw new IllegalStateException("not a drain-and-restore: " + p.method());
                }
                check(p, depth);
            }
        }
        return median(t);
    }

    /** A kernel backend peeking as {@code choice} says (the property is read when the backend is made). */
    private static MqBackend backend(String choice) throws MqException {
        System.setProperty("mqscope.peek", choice);
        return MqBackends.kernel();
    }

    private static void check(PeekResult p, int depth) {
        if (p.size() != depth) {
            throw new IllegalStateException("peeked " + p.size() + " messages, expected " + depth);
        }
    }

    private static void put(String key, double ms) {
        System.out.printf("%s=%.4f%n", key, ms);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
