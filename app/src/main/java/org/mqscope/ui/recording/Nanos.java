package org.mqscope.ui.recording;

import org.mqscope.ui.core.Numbers;

/** A duration in nanoseconds as people read it: "850 ns", "12.5 µs", "3.20 ms", "1.50 s"; "-" for none (-1). */
final class Nanos {
    private Nanos() {
    }

    static String text(long nanos) {
        if (nanos < 0) {
            return "-";
        }
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        if (nanos < 1_000_000) {
            return Numbers.decimal(nanos / 1e3, nanos < 10_000 ? 2 : 1) + " µs";
        }
        if (nanos < 1_000_000_000) {
            return Numbers.decimal(nanos / 1e6, nanos < 10_000_000 ? 2 : 1) + " ms";
        }
        return Numbers.decimal(nanos / 1e9, 2) + " s";
    }
}
