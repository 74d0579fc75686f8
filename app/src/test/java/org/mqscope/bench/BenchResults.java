package org.mqscope.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one benchmark run, written as one flat JSON object: measured figures as numbers, facts about the
 * machine as strings or numbers, and for each figure that could not be measured a null value beside a
 * {@code <name>_skipped} string that says why. Keys keep the order they were first given in. Not thread-safe.
 */
public final class BenchResults {
    /** The suffix of the key that explains a figure left out. */
    public static final String SKIPPED = "_skipped";

    private final Map<String, Object> values = new LinkedHashMap<>();

    /** A measured figure; NaN and infinities are refused, since JSON has no spelling for them. */
    public BenchResults put(String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " is not a finite number: " + value);
        }
        values.remove(name + SKIPPED);
        values.put(name, value);
        return this;
    }

    /** A fact, e.g. the JDK or the kernel release. */
    public BenchResults fact(String name, String value) {
        values.put(name, value);
        return this;
    }

    /** A figure that could not be measured, and why; a figure measured already keeps its value. */
    public BenchResults skip(String name, String reason) {
        if (values.get(name) instanceof Double) {
            return this;
        }
        values.put(name, null);
        values.put(name + SKIPPED, reason);
        return this;
    }

    /** The figure, or null when it was not measured. */
    public Double figure(String name) {
        return values.get(name) instanceof Double d ? d : null;
    }

    /** Every key with its value (Double, String or null), in order. */
    public Map<String, Object> asMap() {
        return java.util.Collections.unmodifiableMap(values);
    }

    /**
     * Takes the {@code key=value} lines a measuring program printed: numbers become figures, {@code key_skipped=why}
     * lines skips; other lines are ignored (programs may print progress). Returns how many figures were taken.
     */
    public int putLines(String output) {
        int taken = 0;
        for (String line : output.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq <= 0 || !line.substring(0, eq).matches("[a-z0-9_]+")) {
                continue;
            }
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1).trim();
            if (key.endsWith(SKIPPED)) {
                skip(key.substring(0, key.length() - SKIPPED.length()), value);
                continue;
            }
            try {
                put(key, Double.parseDouble(value));
                taken++;
            } catch (NumberFormatException e) {
                fact(key, value);
            }
        }
        return taken;
    }

    /** {@code a / b} as {@code name}, when both were measured. */
    public void ratio(String name, String a, String b) {
        Double x = figure(a);
        Double y = figure(b);
        if (x != null && y != null && y > 0) {
            put(name, Math.round(x / y * 100) / 100.0);
        } else {
            skip(name, (x == null ? a : b) + " was not measured");
        }
    }

    /**
     * Facts about the machine the figures belong to: cores, JDK, kernel, CPU model and the load average when the
     * run starts (the figures mean little on a busy machine).
     */
    public BenchResults machine() {
        Runtime rt = Runtime.getRuntime();
        put("machine_cores", rt.availableProcessors());
        fact("machine_jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        fact("machine_os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        fact("machine_kernel", firstLine(Path.of("/proc/sys/kernel/osrelease"), System.getProperty("os.version")));
        String cpu = "unknown";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc is hidden: the model stays unknown
        }
        fact("machine_cpu", cpu);
        String[] load = firstLine(Path.of("/proc/loadavg"), "").split(" ");
        if (load.length >= 3) {
            put("machine_load_1min_at_start", Double.parseDouble(load[0]));
            put("machine_load_5min_at_start", Double.parseDouble(load[1]));
        } else {
            skip("machine_load_1min_at_start", "/proc/loadavg is not readable");
        }
        return this;
    }

    private static String firstLine(Path file, String otherwise) {
        try {
            return Files.readAllLines(file).get(0).trim();
        } catch (IOException | RuntimeException e) {
            return otherwise;
        }
    }

    /** The JSON text: one key per line, in order. */
    public String toJson() {
        StringBuilder out = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            out.append("  ").append(quote(e.getKey())).append(": ").append(json(e.getValue()));
            out.append(++i < values.size() ? ",\n" : "\n");
        }
        return out.append("}\n").toString();
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    }

    private static String json(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            // One decimal is noise already for figures above 100; small ones keep three.
            String fixed = String.format(Locale.ROOT, Math.abs(d) >= 100 ? "%.1f" : "%.3f", d);
            return fixed.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return quote(v.toString());
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
