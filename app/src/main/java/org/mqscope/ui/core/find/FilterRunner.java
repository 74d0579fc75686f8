package org.mqscope.ui.core.find;

import org.mqscope.find.Filter;
import org.mqscope.mq.MqMessage;
import org.mqscope.ui.core.IoExecutor;

import javax.swing.SwingUtilities;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs a filter over a list of messages off the EDT, through the window's executor. A new run supersedes the one
 * before: the older run stops at its next cancellation check and its result is never delivered, so typing fast
 * costs one run, not one per keystroke.
 */
public final class FilterRunner {
    /**
     * What a run found: the list it ran on (to check it is still the one on screen), the matching indexes, and how
     * long it took on the clock and in CPU time (on a loaded machine the two differ widely).
     */
    public record Result(Filter filter, List<MqMessage> messages, BitSet matches, long nanos, long cpuNanos) {
        public int count() {
            return matches.cardinality();
        }
    }

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory
            .getThreadMXBean();
    private final IoExecutor io;
    private final AtomicInteger generation = new AtomicInteger();

    public FilterRunner(IoExecutor io) {
        this.io = io;
    }

    /**
     * Matches {@code messages} on mq-io and hands the result to {@code done} on the EDT, unless another run or
     * {@link #cancel} came first. {@code failed} hears of a run that could not finish (a regular expression that
     * recursed too deep on some payload), with a sentence for the user.
     */
    public void run(Filter filter, List<MqMessage> messages, Consumer<Result> done, Consumer<String> failed) {
        assert SwingUtilities.isEventDispatchThread();
        int mine = generation.incrementAndGet();
        io.run(() -> {
            long started = System.nanoTime();
            long cpu = CPU.getCurrentThreadCpuTime();
            BitSet hits;
            try {
                hits = filter.matchAll(messages, () -> generation.get() != mine);
            } catch (StackOverflowError e) {
                throw new IllegalStateException("the expression recursed too deep on a long payload; make it "
                        + "simpler (fewer nested repetitions)");
            }
            return hits == null ? null : new Result(filter, messages, hits, System.nanoTime() - started,
                    CPU.getCurrentThreadCpuTime() - cpu);
        }, result -> {
            if (result != null && generation.get() == mine) {
                done.accept(result);
            }
        }, failure -> {
            if (generation.get() == mine) {
                failed.accept("Filtering stopped: " + failure.getMessage());
            }
        });
    }

    /** Drops the run under way (its result will not be delivered). */
    public void cancel() {
        generation.incrementAndGet();
    }
}
