package org.mqscope.mq.kernel;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqException;
import org.mqscope.mq.QueueEvent;
import org.mqscope.mq.QueueNames;
import org.mqscope.mq.QueueRecorder;
import org.mqscope.mq.RecordedEvent;
import org.mqscope.mq.kernel.RecordProtocol.Finished;
import org.mqscope.mq.kernel.RecordProtocol.Event;
import org.mqscope.mq.kernel.RecordProtocol.Item;
import org.mqscope.mq.kernel.RecordProtocol.Lost;
import org.mqscope.mq.kernel.RecordProtocol.Refused;
import org.mqscope.mq.kernel.RecordProtocol.Start;
import org.mqscope.mq.kernel.RecordProtocol.Started;

/**
 * Records a queue with its own mqpeek helper process (op 4): one process per recording, so a recording never
 * holds up a peek. The calling thread reads the event stream; a watchdog (the same 50 ms tick as the peek helper's,
 * no thread of its own) asks the helper to stop when the caller is interrupted — it closes the helper's stdin,
 * and the helper ends the stream cleanly after every event it has — and kills it when it misses its deadline.
 */
final class KernelRecorder implements QueueRecorder {
    private static final long WATCH_MILLIS = 50;
    /** After the duration: time for the helper to drain its ring buffer and end the stream. */
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final int PIPE_BUFFER = 1 << 16;
    private static final String OPERATION = "record";

    private final Path executable;

    KernelRecorder(Path executable) {
        this.executable = executable;
    }

    @Override
    public Summary record(String queue, int payload, Duration duration, Listener listener) throws MqException {
        Errno bad = QueueNames.error(queue);
        if (bad != null) {
            throw new MqException(bad, OPERATION, String.valueOf(queue), "not a queue name");
        }
        if (payload < 1 || payload > MAX_PAYLOAD) {
            throw new MqException(Errno.EINVAL, OPERATION, queue, "payload " + payload + " is not between 1 and "
                    + MAX_PAYLOAD + " bytes");
        }
        if (duration == null || duration.isNegative() || duration.isZero()
                || duration.toMillis() > Integer.MAX_VALUE) {
            throw new MqException(Errno.EINVAL, OPERATION, queue, "duration " + duration
                    + " is not between 1 ms and " + Integer.MAX_VALUE + " ms");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new MqException(Errno.EINTR, OPERATION, queue, "cancelled before the recording started");
        }
        Path stderr;
        Process process;
        try {
            stderr = Files.createTempFile("mqrecord-", ".err");
        } catch (IOException e) {
            throw new MqException(Errno.EIO, OPERATION, queue, "cannot create a temporary file: " + e.getMessage());
        }
        try {
            process = new ProcessBuilder(List.of(executable.toString())).redirectError(stderr.toFile()).start();
        } catch (IOException e) {
            deleteQuietly(stderr);
            throw new MqException(Errno.ENOENT, OPERATION, queue, "cannot start the helper " + executable + ": "
                    + e.getMessage());
        }
        long deadline = System.nanoTime() + PeekHelper.DEADLINE.toNanos() + duration.toNanos() + GRACE.toNanos();
        Watchdog watchdog = new Watchdog(process, Thread.currentThread(), deadline);
        watchdog.schedule();
        try {
            return run(process, queue, payload, duration, listener);
        } catch (IOException e) {
            if (watchdog.fired == Watchdog.STOPPED) {
                // interrupted before the helper could answer (it was still being asked, or loading)
                throw new MqException(Errno.EINTR, OPERATION, queue, "cancelled before the recording started");
            }
            if (watchdog.fired == Watchdog.TIMED_OUT) {
                throw new MqException(Errno.ETIMEDOUT, OPERATION, queue, "the recording helper did not finish within "
                        + Duration.ofNanos(deadline - watchdog.started).toSeconds() + " s and was stopped");
            }
            throw new MqException(Errno.EIO, OPERATION, queue, "the recording helper " + executable + " failed: "
                    + e.getMessage() + PeekHelper.lastLine(stderr));
        } finally {
            watchdog.done = true;
            process.destroyForcibly();
            try {
                process.waitFor(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            deleteQuietly(stderr);
        }
    }

    private static Summary run(Process process, String queue, int payload, Duration duration, Listener listener)
            throws IOException, MqException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(process.getInputStream(), PIPE_BUFFER));
        DataOutputStream out = new DataOutputStream(process.getOutputStream());
        RecordProtocol.write(out, queue, payload, duration.toMillis());
        Start start = RecordProtocol.readStart(in);
        if (start instanceof Refused r) {
            throw new MqException(Errno.of(r.failure().code()), OPERATION, queue, r.failure().text());
        }
        Started s = (Started) start;
        listener.started();
        long seq = 0;
        long lost = 0;
        while (true) {
            Item item = RecordProtocol.next(in, s.payload());
            if (item instanceof Event e) {
                listener.event(toEvent(++seq, queue, s, e));
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

    /** The helper's event as the contract's: wall-clock time from the start reply's pair of clock readings. */
    static RecordedEvent toEvent(long seq, String queue, Started s, Event e) {
        boolean send = e.call() == RecordProtocol.CALL_SEND;
        boolean ok = e.result() >= 0;
        Errno errno = ok ? null : Errno.of((int) Math.min(-e.result(), Integer.MAX_VALUE));
        // a failed send still names the message it offered; a failed receive has none
        int priority = send || ok ? (int) Math.min(e.priority(), Integer.MAX_VALUE) : -1;
        long size = send ? e.length() : ok ? e.result() : -1;
        byte[] body = e.payload();
        int bodyHash = size >= 0 && body.length == size ? Arrays.hashCode(body) : 0;
        String detail = errno == Errno.UNKNOWN ? "errno " + -e.result() : "";
        Instant time = Instant.EPOCH.plusNanos(s.realNanos() + (e.exitNanos() - s.monoNanos()));
        QueueEvent event = new QueueEvent(seq, time, e.command(), e.pid(), e.tid(), QueueEvent.Kind.CALL,
                send ? "mq_timedsend" : "mq_timedreceive", queue, priority, size, bodyHash, errno, detail);
        return new RecordedEvent(event, body, e.enterNanos(), e.exitNanos());
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temporary file; the system cleans /tmp
        }
    }

    /**
     * Every 50 ms: when the caller is interrupted, closes the helper's stdin (a clean stop: the helper ends the
     * stream); when the deadline has passed, kills the helper (the blocked read then fails).
     */
    private static final class Watchdog implements Runnable {
        static final int NONE = 0;
        static final int STOPPED = 1;
        static final int TIMED_OUT = 2;
        private static final Executor TICK = CompletableFuture.delayedExecutor(WATCH_MILLIS, TimeUnit.MILLISECONDS);

        private final Process process;
        private final Thread caller;
        private final long deadlineNanos;
        final long started = System.nanoTime();
        volatile boolean done;
        volatile int fired = NONE;

        Watchdog(Process process, Thread caller, long deadlineNanos) {
            this.process = process;
            this.caller = caller;
            this.deadlineNanos = deadlineNanos;
        }

        void schedule() {
            TICK.execute(this);
        }

        @Override
        public void run() {
            if (done) {
                return;
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                fired = TIMED_OUT;
                process.destroyForcibly();
                return;
            }
            if (fired == NONE && caller.isInterrupted()) {
                fired = STOPPED;
                try (OutputStream stdin = process.getOutputStream()) {
                    stdin.flush();
                } catch (IOException e) {
                    process.destroyForcibly(); // it cannot be told to stop: the read fails, and says so
                    return;
                }
            }
            schedule();
        }
    }
}
