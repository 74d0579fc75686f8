package org.mqscope.ui.compose;

import org.mqscope.threads.Workers;

import org.mqscope.mq.Errno;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@link SendPlan} on the calling thread (the composer's own mq-send executor, so a long
 * bulk send never holds up mq-io's peeks and refreshes): opens its own write-only descriptor, sends message 1..N,
 * stops at the first failure (EAGAIN or ETIMEDOUT when the queue is full), and closes the descriptor. Cancellable
 * from any thread between sends, during the interval, and within a timed send's wait (which is sliced into short
 * waits so a cancel is seen within {@link #WAIT_SLICE}). No Swing here.
 */
public final class BulkSender {
    public static final String THREAD_NAME = Workers.Intent.SEND.threadName();
    /** Progress reports at most this often (the table and tree follow at this pace during a bulk send). */
    public static final Duration REPORT_PERIOD = Duration.ofMillis(250);
    /** The longest single wait inside a timed send: how late a cancel can be seen. */
    static final Duration WAIT_SLICE = Duration.ofMillis(100);

    /** Called on the sending thread, at most every {@link #REPORT_PERIOD}, and not after the last message. */
    @FunctionalInterface
    public interface Progress {
        void sent(long sent, long total, Duration elapsed);
    }

    private final CountDownLatch cancelled = new CountDownLatch(1);

    /** The composer's executor: one daemon thread, so a send stuck in a kernel call never keeps the JVM alive. */
    public static ExecutorService newExecutor() {
        return Workers.single(Workers.Intent.SEND);
    }

    /** Stops the send at the next chance; what was sent stays sent. Any thread. */
    public void cancel() {
        cancelled.countDown();
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /** Runs the plan to its end; failures of the calls come back in the outcome, not as exceptions. */
    public SendOutcome run(MqBackend backend, SendPlan plan, Progress progress) {
        long start = System.nanoTime();
        long sent = 0;
        MqQueue q;
        try {
            q = backend.open(plan.queue(), plan.openFlags());
        } catch (MqException e) {
            return outcome(plan, 0, start, false, null, e, null);
        }
        try (q) {
            long msgsize = q.getAttributes().messageSize();
            Payload payload;
            try {
                payload = plan.source().load(msgsize);
            } catch (ComposeException e) {
                return outcome(plan, 0, start, false, e.getMessage(), null, null);
            } catch (IOException e) {
                return outcome(plan, 0, start, false, "File: cannot read it: " + e.getMessage(), null, null);
            }
            String tooBig = payload.sizeProblem(plan.count(), msgsize);
            if (tooBig != null) {
                return outcome(plan, 0, start, false, tooBig, null, null);
            }
            long lastReport = start;
            for (long n = 1; n <= plan.count(); n++) {
                if (isCancelled() || (n > 1 && pause(plan.interval()))) {
                    return outcome(plan, sent, start, true, null, null, null);
                }
                try {
                    if (!sendOne(q, payload.message(n), plan)) {
                        return outcome(plan, sent, start, true, null, null, null);
                    }
                } catch (MqException e) {
                    return outcome(plan, sent, start, false, null, e, fill(q));
                }
                sent++;
                long now = System.nanoTime();
                if (now - lastReport >= REPORT_PERIOD.toNanos() && sent < plan.count()) {
                    lastReport = now;
                    progress.sent(sent, plan.count(), Duration.ofNanos(now - start));
                }
            }
            return outcome(plan, sent, start, false, null, null, null);
        } catch (MqException e) {
            // mq_getattr or mq_close failed: a close failure after the sends does not unsend them.
            return outcome(plan, sent, start, false, null, e, null);
        }
    }

    /** Sends one message; false when cancelled while waiting for room (the message was not sent). */
    private boolean sendOne(MqQueue q, byte[] body, SendPlan plan) throws MqException {
        if (plan.nonBlocking()) {
            q.send(body, plan.priority());
            return true;
        }
        Instant end = Instant.now().plus(plan.timeout());
        while (true) {
            Instant sliceEnd = Instant.now().plus(WAIT_SLICE);
            Instant deadline = sliceEnd.isBefore(end) ? sliceEnd : end;
            try {
                q.timedSend(body, plan.priority(), deadline);
                return true;
            } catch (MqException e) {
                if (e.errno() != Errno.ETIMEDOUT || !deadline.isBefore(end)) {
                    throw e;
                }
                if (isCancelled()) {
                    return false;
                }
            }
        }
    }

    /** Waits the interval; true when cancelled meanwhile. */
    private boolean pause(Duration interval) {
        if (interval.isZero()) {
            return false;
        }
        try {
            return cancelled.await(interval.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static MqAttributes fill(MqQueue q) {
        try {
            return q.getAttributes();
        } catch (MqException e) {
            return null; // the failure itself is what the user needs; the fill is a courtesy
        }
    }

    private static SendOutcome outcome(SendPlan plan, long sent, long start, boolean cancelled, String refusal,
                                       MqException failure, MqAttributes fill) {
        return new SendOutcome(plan.queue(), sent, plan.count(), Duration.ofNanos(System.nanoTime() - start),
                cancelled, refusal, failure, fill, plan.timeout());
    }
}
