package org.mqscope.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.RecordedEvent;
import org.mqscope.recording.RecordedQueue;
import org.mqscope.recording.RecordingHeader;
import org.mqscope.recording.RecordingReader;
import org.mqscope.recording.TimeInQueue;
import org.mqscope.threads.Workers;
import org.mqscope.transfer.MessageFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mqscope replay FILE QUEUE}: sends a recording's successful sends again, in their order, with their
 * priorities and bytes and the time between them (scaled by --speed) — to reproduce what a program saw. The file is
 * read twice, so a long recording need not fit in memory: first to check every message can be sent as recorded
 * (nothing is sent when one cannot), then to send.
 */
@Command(name = "replay", description = {"Send a recording's successful sends to QUEUE again: in recorded order, "
        + "with their priorities and bytes, and the recorded time between them (their returns) divided by --speed.",
        "Refuses before sending anything when a message was cut by the recording's payload limit (unless "
        + "--allow-partial) or does not fit QUEUE's message size. Ctrl+C stops it."})
final class ReplayCommand extends CliCommand {
    /** The longest a send waits on a full queue before looking whether Ctrl+C came. */
    private static final Duration SEND_SLICE = Duration.ofMillis(200);

    @Parameters(index = "0", paramLabel = "FILE", description = "A recording (mqscope record -o FILE).")
    Path file;

    @Parameters(index = "1", paramLabel = "QUEUE", description = "Where to send, e.g. /orders-test.")
    String queue;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1", converter = Speed.class,
            description = "Play X times faster (0.5: half as fast; default 1), or 'max': no waiting between sends.")
    double speed;

    @Option(names = "--from", paramLabel = "QUEUE", description = "Which recorded queue's sends (needed when the "
            + "recording holds several).")
    String from;

    @Option(names = "--create", description = "Create QUEUE when it does not exist, with the recorded queue's "
            + "maxmsg, msgsize and mode.")
    boolean create;

    @Option(names = "--allow-partial", description = "Send messages that the recording cut at its payload limit as "
            + "their recorded first bytes (shorter than the originals).")
    boolean allowPartial;

    @Override
    protected String subject() {
        return queue;
    }

    @Override
    protected int run(MqBackend backend) throws MqException, IOException, Failure {
        Plan plan = check();
        RecordedQueue source = plan.source;
        int oflag = Mq.O_WRONLY | (create ? Mq.O_CREAT : 0);
        try (MqQueue q = backend.open(queue, oflag, source.mode() >= 0 ? source.mode() : 0600,
                MqAttributes.of(source.maxmsg(), source.msgsize()))) {
            long msgsize = q.getAttributes().messageSize();
            if (plan.largest > msgsize) {
                throw new MqException(Errno.EMSGSIZE, "replay", queue, file + " line " + plan.largestLine + " holds a "
                        + plan.largest + "-byte message; " + queue + " takes at most " + msgsize
                        + " (nothing was sent)");
            }
            if (plan.cut > 0) {
                note(plan.cut + " messages were cut by the recording's payload limit (first at line "
                        + plan.firstCutLine + "); they are sent as their first bytes (--allow-partial)");
            }
            return send(q, plan);
        }
    }

    /** What the file holds for this replay, checked before anything is sent. */
    private static final class Plan {
        RecordedQueue source;
        long sends;
        long cut;
        long firstCutLine;
        long largest;
        long largestLine;
    }

    private Plan check() throws IOException, Failure {
        Plan plan = new Plan();
        try (RecordingReader r = open()) {
            RecordingHeader h = r.header();
            if (from == null && h.queues().size() != 1) {
                throw new Failure(file.toString(), "the recording holds " + h.queues().size() + " queues ("
                        + String.join(", ", h.queues().stream().map(RecordedQueue::name).toList())
                        + "); say which one's sends to replay with --from");
            }
            plan.source = from == null ? h.queues().get(0) : h.queue(from);
            if (plan.source == null) {
                throw new Failure(file.toString(), "the recording holds no queue " + from);
            }
            for (RecordingReader.Item item; (item = next(r)) != null; ) {
                if (!(item instanceof RecordingReader.EventLine line) || !replayed(line.event(), plan)) {
                    continue;
                }
                RecordedEvent e = line.event();
                plan.sends++;
                if (!e.complete()) {
                    if (plan.cut++ == 0) {
                        plan.firstCutLine = line.line();
                    }
                    if (!allowPartial) {
                        throw new Failure(file.toString(), "line " + line.line() + ": the message was cut at "
                                + e.payloadLength() + " of " + e.event().size() + " bytes by the recording's payload"
                                + " limit (" + h.payload() + "); replaying it would send another message. Record "
                                + "with --payload " + Math.max(e.event().size(), 1) + " or more, or add "
                                + "--allow-partial to send the recorded first bytes (nothing was sent)");
                    }
                }
                if (e.payloadLength() > plan.largest) {
                    plan.largest = e.payloadLength();
                    plan.largestLine = line.line();
                }
            }
        }
        return plan;
    }

    private boolean replayed(RecordedEvent e, Plan plan) {
        return e.succeeded() && TimeInQueue.isSend(e.event().call()) && e.event().queue().equals(plan.source.name());
    }

    private RecordingReader open() throws IOException, Failure {
        Reader in;
        try {
            in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Failure(file.toString(), "no such file");
        }
        try {
            return RecordingReader.open(in);
        } catch (MessageFileException e) {
            in.close();
            throw new Failure(file.toString(), e.getMessage());
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    /** The next item, a problem in the file named with the file (the command's subject is the queue). */
    private RecordingReader.Item next(RecordingReader r) throws IOException, Failure {
        try {
            return r.next();
        } catch (MessageFileException e) {
            throw new Failure(file.toString(), e.getMessage());
        }
    }

    private int send(MqQueue q, Plan plan) throws IOException, MqException, Failure {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = Workers.unstarted(Workers.Intent.SHUTDOWN, () -> {
            stop.countDown();
            try {
                stopped.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        long sent = 0;
        long begin = System.nanoTime();
        try (RecordingReader r = open()) {
            long first = Long.MIN_VALUE;
            for (RecordingReader.Item item; (item = next(r)) != null; ) {
                if (!(item instanceof RecordingReader.EventLine line) || !replayed(line.event(), plan)) {
                    continue;
                }
                RecordedEvent e = line.event();
                if (first == Long.MIN_VALUE) {
                    first = e.exitNanos();
                }
                // the returns: always recorded (entries are not), and when the message was in the queue
                long due = Double.isInfinite(speed) ? 0 : (long) ((e.exitNanos() - first) / speed);
                long wait = begin + due - System.nanoTime();
                if (wait > 0 && stop.await(wait, TimeUnit.NANOSECONDS)) {
                    break;
                }
                if (!sendOne(q, e, stop)) {
                    break;
                }
                sent++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (MqException e) {
            throw new MqException(e.errno(), e.operation(), queue, "after " + sent + " of " + plan.sends
                    + " messages" + (e.detail() == null ? "" : "; " + e.detail()));
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl+C: the hook is running and waits for this very line
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        String what = "replayed " + sent + (sent < plan.sends ? " of " + plan.sends : "") + " messages from "
                + file + " (" + plan.source.name() + ") to " + queue;
        out().println(what + String.format(Locale.ROOT, " in %.3f s", seconds)
                + (Double.isInfinite(speed) ? " at full speed" : speed == 1 ? "" : " at " + speed + "x"));
        if (sent < plan.sends) {
            note("stopped before the end: " + (plan.sends - sent) + " messages not sent");
            return Cli.EXIT_FAILED;
        }
        return Cli.EXIT_OK;
    }

    /** Sends one message, waiting while the queue is full; false when Ctrl+C came meanwhile. */
    private static boolean sendOne(MqQueue q, RecordedEvent e, CountDownLatch stop) throws MqException {
        while (true) {
            try {
                q.timedSend(e.payload(), e.event().priority(), Instant.now().plus(SEND_SLICE));
                return true;
            } catch (MqException x) {
                if (x.errno() != Errno.ETIMEDOUT) {
                    throw x;
                }
                if (stop.getCount() == 0) {
                    return false;
                }
            }
        }
    }

    /** --speed: a positive number, or "max". */
    static final class Speed implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            if (value.equalsIgnoreCase("max")) {
                return Double.POSITIVE_INFINITY;
            }
            double d;
            try {
                d = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                d = Double.NaN;
            }
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a speed: use a number above 0 "
                        + "(2 = twice as fast) or 'max'");
            }
            return d;
        }
    }
}
