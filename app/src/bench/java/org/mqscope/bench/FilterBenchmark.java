package org.mqscope.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mqscope.find.Filter;
import org.mqscope.mq.MqMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The message table's filter over a full 65,536-message peek of small JSON orders (about 90 bytes each): one
 * figure per kind of term. The goals: 100 ms for the plain terms, 500 ms for JSON terms (the result is then
 * shown by one row-filter pass on the EDT, which the GUI test measures).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FilterBenchmark {
    static final int MESSAGES = 65_536;
    static final String[] TIERS = {"gold", "silver", "basic", "basic", "silver", "basic", "basic"};

    @Param({"words", "regex", "hex", "prio", "json"})
    public String kind;

    private List<MqMessage> messages;
    private Filter filter;

    @Setup
    public void fill() {
        messages = new ArrayList<>(MESSAGES);
        for (int i = 0; i < MESSAGES; i++) {
            String body = "{\"order\":" + i + ",\"customer\":{\"id\":" + (i % 500) + ",\"tier\":\""
                    + TIERS[i % TIERS.length] + "\"},\"items\":[{\"sku\":\"A-" + (i % 97) + "\",\"qty\":" + (i % 5)
                    + "}]}";
            messages.add(new MqMessage(body.getBytes(StandardCharsets.UTF_8), i % 10));
        }
        String expression = switch (kind) {
            case "words" -> "gold customer";
            case "regex" -> "re:A-9\\d";
            case "hex" -> "hex:22 67 6f";
            case "prio" -> "prio:>=5 size:>90";
            case "json" -> "$.customer.tier=gold $.items[0].qty>1";
            default -> throw new IllegalArgumentException(kind);
        };
        filter = Filter.parse(expression).filter();
    }

    @Benchmark
    public BitSet match() throws Filter.TooSlow {
        return filter.matchAll(messages, () -> false);
    }
}
