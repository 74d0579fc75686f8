package org.mqscope.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqQueue;

/**
 * The benchmark suite's results file (app/bench/run.sh; the benchmarks themselves run only in the bench profile):
 * a tiny in-process run through the same writer must give valid flat JSON with the figures, the machine facts and
 * the reasons for what was skipped, so that the harness cannot rot unnoticed.
 */
class BenchResultsTest {

    @Test
    void aTinyRunWritesValidFlatJsonWithItsFiguresFactsAndSkips(@TempDir Path dir) throws Exception {
        BenchResults results = new BenchResults().machine();
        results.put("emulated_pair_ns", emulatedPairNanos(2_000));
        results.putLines("""
                gcc: progress lines are ignored
                kernel_c_pair_ns=410.5
                gui_rows_shown_ms_skipped=no display (DISPLAY is not set)
                """);
        results.ratio("emulated_pair_vs_kernel_c", "emulated_pair_ns", "kernel_c_pair_ns");
        results.ratio("kernel_jna_pair_vs_c", "kernel_jna_pair_ns", "kernel_c_pair_ns");
        results.fact("note", "quotes \" and \\ and a\nnew line");
        Path file = dir.resolve("bench/results.json");
        results.write(file);

        Map<String, Object> json = FlatJson.parse(Files.readString(file));
        assertThat(json).containsKeys("machine_cores", "machine_jdk", "machine_kernel", "machine_cpu",
                "machine_load_1min_at_start", "emulated_pair_ns", "kernel_c_pair_ns", "emulated_pair_vs_kernel_c");
        assertThat((Double) json.get("machine_cores")).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat((Double) json.get("emulated_pair_ns")).isPositive();
        assertThat(json.get("kernel_c_pair_ns")).isEqualTo(410.5);
        assertThat(json).containsEntry("gui_rows_shown_ms", null)
                .containsEntry("gui_rows_shown_ms_skipped", "no display (DISPLAY is not set)")
                .containsEntry("kernel_jna_pair_vs_c", null)
                .containsEntry("kernel_jna_pair_vs_c_skipped", "kernel_jna_pair_ns was not measured")
                .containsEntry("note", "quotes \" and \\ and a\nnew line");
        // Ratios are written with two decimals.
        assertThat((Double) json.get("emulated_pair_vs_kernel_c"))
                .isCloseTo((Double) json.get("emulated_pair_ns") / 410.5, org.assertj.core.data.Offset.offset(0.0051));
    }

    @Test
    void aFigureMeasuredAfterASkipReplacesItAndNotTheOtherWayRound() {
        BenchResults r = new BenchResults();
        r.skip("a_ns", "not yet");
        r.put("a_ns", 1.5);
        r.skip("a_ns", "later failure");
        assertThat(r.asMap()).containsExactly(Map.entry("a_ns", 1.5));
        assertThatThrownBy(() -> r.put("b_ns", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    private static double emulatedPairNanos(int pairs) throws Exception {
        try (MqBackend backend = MqBackends.emulated();
             MqQueue q = backend.open("/pair", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(10, 64))) {
            byte[] body = new byte[64];
            long t0 = System.nanoTime();
            for (int i = 0; i < pairs; i++) {
                q.send(body, 0);
                q.receive();
            }
            return (System.nanoTime() - t0) / (double) pairs;
        }
    }

    /** A strict reader of one flat JSON object: string keys; string, number, boolean or null values. */
    static final class FlatJson {
        private final String s;
        private int i;

        private FlatJson(String s) {
            this.s = s;
        }

        static Map<String, Object> parse(String text) {
            FlatJson p = new FlatJson(text);
            Map<String, Object> out = new LinkedHashMap<>();
            p.expect('{');
            if (p.peek() != '}') {
                do {
                    String key = p.string();
                    p.expect(':');
                    if (out.containsKey(key)) {
                        throw new IllegalArgumentException("duplicate key " + key);
                    }
                    out.put(key, p.value());
                } while (p.consume(','));
            }
            p.expect('}');
            p.space();
            if (p.i != text.length()) {
                throw new IllegalArgumentException("text after the object at " + p.i);
            }
            return out;
        }

        private Object value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            for (String word : new String[] {"null", "true", "false"}) {
                if (s.startsWith(word, i)) {
                    i += word.length();
                    return "null".equals(word) ? null : Boolean.valueOf(word);
                }
            }
            int start = i;
            while (i < s.length() && "+-.eE0123456789".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String number = s.substring(start, i);
            if (!number.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) {
                throw new IllegalArgumentException("not a JSON number at " + start + ": " + number);
            }
            return Double.parseDouble(number);
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c < 0x20) {
                    throw new IllegalArgumentException("raw control character in a string at " + (i - 1));
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 'r' -> b.append('\r');
                        case 't' -> b.append('\t');
                        case '"', '\\', '/' -> b.append(e);
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> throw new IllegalArgumentException("bad escape \\" + e);
                    }
                } else {
                    b.append(c);
                }
            }
            i++;
            return b.toString();
        }

        private char peek() {
            space();
            return s.charAt(i);
        }

        private boolean consume(char c) {
            if (peek() == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!consume(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i);
            }
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
