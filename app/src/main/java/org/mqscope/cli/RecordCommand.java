package org.mqscope.cli;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.ErrnoText;
import org.mqscope.mq.MqException;
import org.mqscope.mq.QueueInfo;
import org.mqscope.mq.QueueRecorder;
import org.mqscope.mq.RecordedEvent;
import org.mqscope.recording.QueueSummary;
import org.mqscope.recording.RecordingEnd;
import org.mqscope.recording.RecordingHeader;
import org.mqscope.recording.RecordingStart;
import org.mqscope.recording.RecordingStats;
import org.mqscope.recording.RecordingWriter;
import org.mqscope.threads.Workers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code mqscope record}: every send and receive on queues, by any process, into a recording file (JSON Lines) or
 * as live lines on a terminal, until a duration is over or Ctrl+C. The shutdown hook interrupts the recording
 * thread, which ends the recording cleanly: the end line is written and the figures printed before the JVM exits.
 */
@Command(name = "record", description = {"Record every send and receive on queues (which process, when, priority, "
        + "size, result and the first bytes) until --duration is over or Ctrl+C (kernel backend, with mqscope's "
        + "helper). Recording never changes a queue.",
        "Writes a recording (JSON Lines: a header with each queue's attributes and the messages it held at the "
        + "start, one line per call, an end line) to FILE or standard output; on a terminal without -o or --json "
        + "shows one line per call instead. At the end, on stderr: events, lost events and each queue's time in "
        + "queue (p50, p99)."})
final class RecordCommand extends CliCommand {
    /** How long Ctrl+C waits for the recording to end cleanly (the helper drains its buffer first). */
    private static final long STOP_WAIT_SECONDS = 10;
    /** How many sender → receiver pairs the figures list per queue. */
    private static final int MOST_PAIRS = 5;
    /** A recording file is flushed at least this often, so a reader (tail -f) and a crash lose at most this much. */
    private static final long FILE_FLUSH_NANOS = 200_000_000L;

    @Parameters(arity = "0..*", paramLabel = "QUEUE", description = "The queues (default: every queue of the "
            + "namespace when the recording starts).")
    List<String> queues;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the recording here as it goes "
            + "(what was recorded stays readable if mqscope is killed).")
    Path output;

    @Option(names = "--payload", paramLabel = "N", defaultValue = "" + QueueRecorder.DEFAULT_PAYLOAD,
            description = "Keep the first N bytes of each message (default " + QueueRecorder.DEFAULT_PAYLOAD + ", at most "
                    + QueueRecorder.MAX_PAYLOAD + "); replay needs whole messages.")
    int payload;

    @Option(names = "--duration", paramLabel = "DUR", converter = Durations.class,
            description = "Stop after DUR (e.g. 30s, 5m; default: until Ctrl+C).")
    Duration duration;

    @Option(names = "--json", description = "Write the recording's JSON Lines to standard output even on a terminal.")
    boolean json;

    @Override
    protected String subject() {
        return queues != null && queues.size() == 1 ? queues.get(0) : null;
    }

    @Override
    protected int run(MqBackend backend) throws MqException, IOException, Failure {
        if (payload < 1 || payload > QueueRecorder.MAX_PAYLOAD) {
            throw new ParameterException(spec.commandLine(), "--payload must be between 1 and "
                    + QueueRecorder.MAX_PAYLOAD + " bytes, not " + payload);
        }
        if (duration != null && duration.isZero()) {
            throw new ParameterException(spec.commandLine(), "--duration must be at least 1ms (leave it out to "
                    + "record until Ctrl+C)");
        }
        QueueRecorder recorder = backend.recorder().orElseThrow(() -> new Failure(subject(), "the " + backend.id()
                + " backend cannot record: recording watches the kernel's system calls through mqscope's helper "
                + "(kernel backend, as root with BTF)"));
        List<String> names = queues != null && !queues.isEmpty() ? queues
                : backend.list().stream().map(QueueInfo::name).toList();
        if (names.isEmpty()) {
            throw new Failure(null, "there is no queue to record (name one, or create it first)");
        }
        QueueRecorder.Request request = QueueRecorder.Request.of(names, payload,
                duration == null ? Duration.ZERO : duration);
        boolean jsonOut = output == null && (json || !session.terminal());
        RecordingText live = session.terminal() && !jsonOut ? new RecordingText(ZoneId.systemDefault()) : null;
        Thread recording = Thread.currentThread();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = Workers.unstarted(Workers.Intent.SHUTDOWN, () -> {
            recording.interrupt(); // the recorder ends cleanly when its thread is interrupted
            try {
                stopped.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        Writer file = null;
        try (RecordingStart start = RecordingStart.open(backend, names)) { // a queue refused leaves no file behind
            file = output != null
                    // not Files.newBufferedWriter: its channel closes itself when the thread is interrupted (Ctrl+C)
                    ? new BufferedWriter(new OutputStreamWriter(new FileOutputStream(output.toFile()),
                    StandardCharsets.UTF_8))
                    : jsonOut ? out() : null;
            Sink sink = new Sink(file, live);
            sink.start = start;
            QueueRecorder.Summary s;
            try {
                s = recorder.record(request, sink);
            } catch (MqException e) {
                Thread.interrupted();
                sink.end(RecordingEnd.How.FAILED, e.getMessage());
                summarise(sink, null);
                return report(e);
            }
            Thread.interrupted(); // Ctrl+C's interrupt has done its work; the end line must still be written
            if (sink.failure != null) {
                sink.end(RecordingEnd.How.FAILED, sink.failure.getMessage());
                summarise(sink, null);
                return report(subject(), sink.failure.getMessage());
            }
            sink.end(s.end() == QueueRecorder.End.DURATION ? RecordingEnd.How.DURATION : RecordingEnd.How.CANCELLED,
                    "");
            summarise(sink, s);
            return Cli.EXIT_OK;
        } catch (MqException e) { // reported here too: a Ctrl+C meanwhile ends the JVM once this method has
            return report(e);
        } catch (IOException e) {
            return reportFile(e);
        } finally {
            if (output != null && file != null) {
                file.close();
            }
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl+C: the hook is running and waits for this very moment
            }
        }
    }

    /** The figures on stderr; {@code s} is null when the recording failed midway (what came before counts). */
    private void summarise(Sink sink, QueueRecorder.Summary s) {
        if (sink.stats == null) {
            return;
        }
        sink.stats.finish();
        long span = System.nanoTime() - sink.startedNanos; // rates over the whole recording, quiet times included
        long events = s != null ? s.events() : sink.events;
        long lost = s != null ? s.lost() : sink.lost;
        note(events + " events, " + lost + " lost" + (lost > 0 ? " (the recorder's buffer was full; "
                + "time in queue after the loss is uncertain)" : "") + (output != null ? ", written to " + output : "")
                + (s == null ? " before the recording failed" : ""));
        for (QueueSummary q : sink.stats.summaries(span)) {
            note(RecordingText.summary(q));
            RecordingText.talks(q, MOST_PAIRS).forEach(err()::println);
        }
    }

    /** Where the events go: the file (or stdout's JSON Lines), the live lines, the figures. */
    private final class Sink implements QueueRecorder.Listener {
        final Writer target;
        final RecordingText live;
        RecordingStart start;
        RecordingWriter writer;
        RecordingStats stats;
        IOException failure;
        long startedNanos;
        long lastFlush;
        long events;
        long lost;

        Sink(Writer target, RecordingText live) {
            this.target = target;
            this.live = live;
        }

        @Override
        public void started() {
            startedNanos = System.nanoTime();
            RecordingHeader header = start.header(payload);
            start.close(); // the recording needs no descriptor of its own (ps would show mqscope as a holder)
            stats = new RecordingStats(header, null);
            header.queues().stream().filter(q -> q.snapshot() == null)
                    .forEach(q -> note(q.name() + ": no snapshot at the start (" + q.why() + "); its time in queue"
                            + " is uncertain until it is seen empty"));
            if (target != null) {
                try {
                    writer = new RecordingWriter(target, header);
                    writer.flush();
                } catch (IOException e) {
                    fail(e);
                }
            }
        }

        @Override
        public void event(RecordedEvent e) {
            events++;
            stats.event(e);
            if (live != null) {
                out().println(live.line(e));
                out().flush();
            }
            if (writer != null && failure == null) {
                try {
                    writer.event(e);
                    // stdout goes to a pipe's reader live; a file when the recorder has caught up, and now and
                    // then while it has not
                    long now = System.nanoTime();
                    if (output == null || now - lastFlush > FILE_FLUSH_NANOS) {
                        writer.flush();
                        lastFlush = now;
                    }
                } catch (IOException x) {
                    fail(x);
                }
            }
        }

        @Override
        public void caughtUp() {
            if (writer != null && failure == null && output != null) {
                try {
                    writer.flush();
                    lastFlush = System.nanoTime();
                } catch (IOException x) {
                    fail(x);
                }
            }
        }

        @Override
        public void lost(long totalLost) {
            lost = totalLost;
            stats.lost(totalLost);
            if (live != null) {
                out().println(totalLost + " events lost so far (the recorder's buffer was full)");
            }
            if (writer != null && failure == null) {
                try {
                    writer.lost(totalLost);
                    writer.flush();
                } catch (IOException x) {
                    fail(x);
                }
            }
        }

        /** A write failed (a full disk): the recording stops rather than go on losing events unseen. */
        private void fail(IOException e) {
            failure = new IOException("writing the recording failed: " + ErrnoText.ofFile(e), e);
            Thread.currentThread().interrupt();
        }

        void end(RecordingEnd.How how, String reason) throws IOException {
            if (writer != null && failure == null) {
                writer.end(how, reason, Instant.now());
            } else if (writer != null) {
                target.flush(); // what was written stays; the file has no end line, as a cut recording
            }
        }
    }
}
