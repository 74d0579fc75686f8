package org.mqscope.mq.kernel;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqException;
import org.mqscope.mq.QueueRecorder;
import org.mqscope.mq.kernel.RecordProtocol.Finished;
import org.mqscope.mq.kernel.RecordProtocol.Event;
import org.mqscope.mq.kernel.RecordProtocol.Item;
import org.mqscope.mq.kernel.RecordProtocol.Lost;
import org.mqscope.mq.kernel.RecordProtocol.Refused;
import org.mqscope.mq.kernel.RecordProtocol.Start;
import org.mqscope.mq.kernel.RecordProtocol.Started;
import org.mqscope.mq.kernel.RecordProtocol.Target;

/**
 * Records queues with its own mqpeek helper process (op 5): one process per recording, so a recording never
 * holds up a peek. The calling thread reads the event stream; a {@link HelperWatchdog} (the peek helper's too) asks the helper to stop when the caller is interrupted — it closes the helper's stdin,
 * and the helper ends the stream cleanly after every event it has — and kills it when it misses its deadline.
 */
final class KernelRecorder implements QueueRecorder {
    /** After the duration: time for the helper to drain its ring buffer and end the stream. */
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final int PIPE_BUFFER = 1 << 16;

    private final Path executable;
    private final ExactPeek.QueueFiles files;

    /** Queues of mqscope's own IPC namespace: the helper opens them by name. */
    KernelRecorder(Path executable) {
        this(executable, null);
    }

    /**
     * Queues of another IPC namespace: the helper opens their files under that namespace's mqueue mount
     * ({@code files}), and records only calls on that namespace's queues.
     */
    KernelRecorder(Path executable, ExactPeek.QueueFiles files) {
        this.executable = executable;
        this.files = files;
    }

    @Override
    public Summary record(Request request, Listener listener) throws MqException {
        request.check();
        List<String> queues = request.queues();
        String all = String.join(" ", queues);
        List<Target> targets = new ArrayList<>(queues.size());
        for (String q : queues) {
            targets.add(files == null ? Target.named(q)
                    : new Target(files.of(q).toString(), true, 0, 0));
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new MqException(Errno.EINTR, OPERATION, all, "cancelled before the recording started");
        }
        Path stderr;
        Process process;
        try {
            stderr = Files.createTempFile("mqrecord-", ".err");
        } catch (IOException e) {
            throw new MqException(Errno.EIO, OPERATION, all, "cannot create a temporary file: " + e.getMessage());
        }
        try {
            process = new ProcessBuilder(List.of(executable.toString())).redirectError(stderr.toFile()).start();
        } catch (IOException e) {
            deleteQuietly(stderr);
            throw new MqException(Errno.ENOENT, OPERATION, all, "cannot start the helper " + executable + ": "
                    + e.getMessage());
        }
        // until interrupted: no deadline (the watchdog still stops the helper on interrupt)
        long deadline = request.untilInterrupted() ? Long.MAX_VALUE
                : System.nanoTime() + PeekHelper.DEADLINE.toNanos() + request.duration().toNanos() + GRACE.toNanos();
        HelperWatchdog watchdog = HelperWatchdog.watch(process, deadline, () -> askToStop(process));
        try {
            return run(process, request, targets, listener);
        } catch (IOException e) {
            if (watchdog.fired() == HelperWatchdog.Fired.INTERRUPTED) {
                // interrupted before the helper could answer (it was still being asked, or loading)
                throw new MqException(Errno.EINTR, OPERATION, all, "cancelled before the recording started");
            }
            if (watchdog.fired() == HelperWatchdog.Fired.TIMED_OUT) {
                throw new MqException(Errno.ETIMEDOUT, OPERATION, all, "the recording helper did not finish within "
                        + watchdog.watchedSeconds() + " s and was stopped");
            }
            throw new MqException(Errno.EIO, OPERATION, all, "the recording helper " + executable + " failed: "
                    + e.getMessage() + PeekHelper.lastLine(stderr));
        } finally {
            watchdog.close();
            process.destroyForcibly();
            try {
                process.waitFor(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            deleteQuietly(stderr);
        }
    }

    private static Summary run(Process process, Request request, List<Target> targets, Listener listener)
            throws IOException, MqException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(process.getInputStream(), PIPE_BUFFER));
        DataOutputStream out = new DataOutputStream(process.getOutputStream());
        RecordProtocol.write(out, targets, request.payload(), request.duration().toMillis());
        Start start = RecordProtocol.readStart(in);
        if (start instanceof Refused r) {
            throw new MqException(Errno.of(r.failure().code()), OPERATION, culprit(request.queues(), targets,
                    r.failure().text()), r.failure().text());
        }
        Started s = (Started) start;
        PeekProtocol.check(s.queues() == targets.size(), "queues started", s.queues());
        listener.started();
        long seq = 0;
        long lost = 0;
        while (true) {
            if (in.available() == 0) { // neither read ahead nor waiting in the pipe
                listener.caughtUp();
            }
            Item item = RecordProtocol.next(in, s);
            if (item instanceof Event e) {
                listener.event(RecordedEvents.of(++seq, request.queues(), s, e));
            } else if (item instanceof Lost l) {
                lost = l.total();
                listener.lost(lost);
            } else if (item instanceof Finished end) {
                if (end.lost() != lost) {
                    listener.lost(end.lost());
                }
                if (end.events() != seq) {
                    throw new PeekProtocol.ProtocolException("the helper counted " + end.events()
                            + " events, the stream held " + seq);
                }
                return new Summary(seq, end.lost(), end.reason() == RecordProtocol.END_DURATION
                        ? QueueRecorder.End.DURATION : QueueRecorder.End.CANCELLED);
            }
        }
    }

    /** The queue a refusal is about: the helper names the name (or path) it could not open; else all of them. */
    private static String culprit(List<String> queues, List<Target> targets, String text) {
        for (int i = 0; i < targets.size(); i++) {
            if (text.contains(targets.get(i).name())) {
                return queues.get(i);
            }
        }
        return String.join(" ", queues);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temporary file; the system cleans /tmp
        }
    }

    /** A clean stop: the helper sees its stdin end and ends the stream after every event it has. */
    private static void askToStop(Process process) {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.flush();
        } catch (IOException e) {
            process.destroyForcibly(); // it cannot be told to stop: the read fails, and says so
        }
    }
}
