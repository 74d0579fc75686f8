package org.mqscope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.mqscope.monitor.QueueSample;
import org.mqscope.monitor.QueueSampler;
import org.mqscope.monitor.SampleBatch;
import org.mqscope.mq.MqBackend;
import org.mqscope.threads.Workers;
import org.mqscope.mq.MqException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mqscope watch}: the queues' depths, again every interval. On a terminal the table is redrawn in place, as
 * top does; otherwise (a pipe, a file) each pass prints plain lines, one per queue, prefixed with the time.
 * Ctrl+C ends it: the shutdown hook wakes the loop, which closes what it holds and returns.
 */
@Command(name = "watch", description = {"Show queue depths live: redrawn in place on a terminal (like top), one line "
        + "per queue and pass otherwise. Ctrl+C ends it."})
final class WatchCommand extends CliCommand {
    /** Faster than this would mostly measure the sampling itself. */
    static final Duration MIN_INTERVAL = Duration.ofMillis(50);
    private static final String CLEAR = "\033[H\033[2J";

    @Parameters(arity = "0..*", paramLabel = "QUEUE", description = "Only these queues (default: all).")
    List<String> queues;

    @Option(names = "--interval", paramLabel = "DUR", defaultValue = "1s", converter = Durations.class,
            description = "Time between passes (default 1s; e.g. 500ms).")
    Duration interval;

    @Option(names = "--passes", paramLabel = "N", description = "Stop after N passes (default: until Ctrl+C).")
    Long passes;

    @Option(names = "--json", description = "One JSON object per pass and line: {\"time\":..., \"queues\": [...]}.")
    boolean json;

    @Override
    protected int run(MqBackend backend) throws MqException, IOException {
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--interval must be at least " + MIN_INTERVAL.toMillis() + "ms");
        }
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = Workers.unstarted(Workers.Intent.SHUTDOWN, () -> {
            stop.countDown();
            try {
                stopped.await(2, TimeUnit.SECONDS); // let the last pass finish its output
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        QueueTable table = new QueueTable(backend);
        try {
            for (long pass = 1; passes == null || pass <= passes; pass++) {
                SampleBatch batch = QueueSampler.sampleOnce(backend);
                if (batch.failure() != null) {
                    throw batch.failure();
                }
                List<QueueSample> shown = queues == null || queues.isEmpty() ? batch.queues()
                        : batch.queues().stream().filter(s -> queues.contains(s.name())).toList();
                print(table, batch.at(), shown);
                if ((passes != null && pass == passes) || stop.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            out().flush();
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl+C: the hook is running and waits for this very line
            }
        }
        return Cli.EXIT_OK;
    }

    private void print(QueueTable table, Instant at, List<QueueSample> shown) throws IOException {
        Instant time = at.truncatedTo(ChronoUnit.MILLIS);
        if (json) {
            try (JsonGenerator g = compactJson()) { // one object per line even on a terminal: a stream
                g.writeStartObject();
                g.writeStringField("time", time.toString());
                g.writeArrayFieldStart("queues");
                for (QueueSample s : shown) {
                    table.writeJson(g, s);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            out().println();
        } else if (session.terminal()) {
            out().print(CLEAR);
            out().println("mqscope watch  " + time + "  every " + interval.toMillis() + " ms  (Ctrl+C ends)");
            out().println();
            table.printText(out(), shown);
        } else {
            for (QueueSample s : shown) {
                out().println(time + " " + s.name() + " " + (s.attributesKnown() ? s.currentMessages() + "/"
                        + s.maxMessages() : "?") + " qsize " + (s.info().statusKnown() ? s.qsize() : "?"));
            }
        }
        out().flush();
    }
}
