package org.mqscope.traffic;

import org.mqscope.mq.Actor;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;

import java.time.Instant;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The producer and consumer of one queue. Each runs on a thread of the generator's executor with a descriptor of
 * its own, paced by a {@link Pacer}; every call is non-blocking or timed with {@link TrafficGenerator#CALL_DEADLINE},
 * so a stop is seen within about that long. A worker closes its descriptor when it ends. Start and stop are called
 * under the generator's lock.
 */
final class Lane {
    /** Longest single sleep, so a worker notices stop and rate changes even if nobody wakes it. */
    private static final long MAX_PARK_NANOS = 20_000_000L;
    /** How often a fill-and-drain consumer looks at the queue's depth. */
    private static final long DEPTH_CHECK_NANOS = 100_000_000L;
    /** Salt so the consumer's and producer's random streams differ. */
    private static final long PRODUCER_SALT = 0x5DEECE66DL;

    private final MqBackend backend;
    private volatile LaneSpec spec;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong eagain = new AtomicLong();
    private final AtomicLong etimedout = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile String lastProblem;
    private volatile Run run;

    Lane(MqBackend backend, LaneSpec spec) {
        this.backend = backend;
        this.spec = spec;
    }

    /** One start..stop of the lane; the workers of an old run never see a newer one's stop flag. */
    private static final class Run {
        final long startNanos = System.nanoTime();
        volatile boolean stop;
        volatile Thread producerThread;
        volatile Thread consumerThread;
        Future<?> producer;
        Future<?> consumer;
    }

    LaneSpec spec() {
        return spec;
    }

    /** Takes effect at the workers' next step; non-blocking mode is switched with mq_setattr. */
    void setSpec(LaneSpec next) {
        spec = next;
        Run r = run;
        if (r != null) {
            wake(r);
        }
    }

    boolean running() {
        return run != null;
    }

    /** Opens both descriptors (write-only and read-only, never creating the queue) and starts both workers. */
    void start(ExecutorService executor) throws MqException {
        if (run != null) {
            return;
        }
        LaneSpec s = spec;
        int flags = s.nonBlocking() ? Mq.O_NONBLOCK : 0;
        MqQueue out = backend.open(s.queue(), Mq.O_WRONLY | flags);
        MqQueue in;
        long msgSize;
        try {
            in = backend.open(s.queue(), Mq.O_RDONLY | flags);
            try {
                msgSize = out.getAttributes().messageSize();
            } catch (MqException e) {
                closeQuietly(in);
                throw e;
            }
        } catch (MqException e) {
            closeQuietly(out);
            throw e;
        }
        Run r = new Run();
        run = r;
        // Named for activity timelines: "producer /orders", "consumer /orders".
        r.producer = executor.submit(() -> {
            try (Actor.Scope named = Actor.named("producer " + spec.queue())) {
                produce(r, out, msgSize);
            }
        });
        r.consumer = executor.submit(() -> {
            try (Actor.Scope named = Actor.named("consumer " + spec.queue())) {
                consume(r, in);
            }
        });
    }

    /** Asks the workers to stop; returns at once. */
    void requestStop() {
        Run r = run;
        if (r != null) {
            r.stop = true;
            wake(r);
        }
    }

    /** Waits until both workers have ended (and closed their descriptors), at most until {@code deadlineNanos}. */
    boolean awaitStopped(long deadlineNanos) {
        Run r = run;
        if (r == null) {
            return true;
        }
        boolean done = await(r.producer, deadlineNanos) & await(r.consumer, deadlineNanos);
        run = null;
        return done;
    }

    LaneStats stats() {
        return new LaneStats(spec, run != null, sent.get(), received.get(), eagain.get(), etimedout.get(),
                failures.get(), lastProblem);
    }

    private void produce(Run r, MqQueue q, long msgSize) {
        r.producerThread = Thread.currentThread();
        LaneSpec s = spec;
        Random random = new Random(s.seed() ^ PRODUCER_SALT);
        Payloads payloads = new Payloads(s.payload(), random);
        PayloadKind kind = s.payload();
        boolean nonBlocking = s.nonBlocking();
        Pacer pacer = new Pacer();
        long seq = 0;
        try {
            while (!r.stop) {
                s = spec;
                long now = System.nanoTime();
                double rate = s.producerRate();
                if (rate <= 0 || !s.pattern().producing(TimeUnit.NANOSECONDS.toMillis(now - r.startNanos))) {
                    pacer.reset();
                    park(MAX_PARK_NANOS);
                    continue;
                }
                long wait = pacer.waitNanos(rate, now);
                if (wait > 0) {
                    park(Math.min(wait, MAX_PARK_NANOS));
                    continue;
                }
                pacer.took(rate);
                if (s.payload() != kind) {
                    kind = s.payload();
                    payloads = new Payloads(kind, random);
                }
                nonBlocking = follow(q, nonBlocking, s.nonBlocking());
                byte[] body = payloads.next(seq, msgSize);
                int priority = s.mix().next(random, s.priority());
                try {
                    if (nonBlocking) {
                        q.send(body, priority);
                    } else {
                        q.timedSend(body, priority, deadline());
                    }
                    sent.incrementAndGet();
                    seq++;
                } catch (MqException e) {
                    count(e);
                }
            }
        } finally {
            closeQuietly(q);
        }
    }

    private void consume(Run r, MqQueue q) {
        r.consumerThread = Thread.currentThread();
        boolean nonBlocking = spec.nonBlocking();
        Pacer pacer = new Pacer();
        boolean draining = false;
        long lastCheck = System.nanoTime() - DEPTH_CHECK_NANOS;
        try {
            while (!r.stop) {
                LaneSpec s = spec;
                long now = System.nanoTime();
                double rate = s.consumerRate();
                if (s.pattern() == Pattern.FILL_AND_DRAIN && rate > 0 && now - lastCheck >= DEPTH_CHECK_NANOS) {
                    lastCheck = now;
                    draining = draining(q, draining);
                } else if (s.pattern() != Pattern.FILL_AND_DRAIN) {
                    draining = false;
                }
                if (draining) {
                    rate = Math.min(LaneSpec.MAX_RATE, rate * Pattern.DRAIN_FACTOR);
                }
                if (rate <= 0) {
                    pacer.reset();
                    park(MAX_PARK_NANOS);
                    continue;
                }
                long wait = pacer.waitNanos(rate, now);
                if (wait > 0) {
                    park(Math.min(wait, MAX_PARK_NANOS));
                    continue;
                }
                pacer.took(rate);
                nonBlocking = follow(q, nonBlocking, s.nonBlocking());
                try {
                    if (nonBlocking) {
                        q.receive();
                    } else {
                        q.timedReceive(deadline());
                    }
                    received.incrementAndGet();
                } catch (MqException e) {
                    count(e);
                }
            }
        } finally {
            closeQuietly(q);
        }
    }

    /** Starts a drain at {@link Pattern#DRAIN_ABOVE} full and ends it at {@link Pattern#DRAIN_BELOW}. */
    private boolean draining(MqQueue q, boolean was) {
        try {
            MqAttributes a = q.getAttributes();
            double fill = a.maxMessages() == 0 ? 0 : (double) a.currentMessages() / a.maxMessages();
            return was ? fill > Pattern.DRAIN_BELOW : fill >= Pattern.DRAIN_ABOVE;
        } catch (MqException e) {
            count(e);
            return was;
        }
    }

    /** Switches O_NONBLOCK on the descriptor when the spec asks; returns the mode now in force. */
    private boolean follow(MqQueue q, boolean current, boolean wanted) {
        if (current == wanted) {
            return current;
        }
        try {
            q.setAttributes(MqAttributes.flags(wanted ? Mq.O_NONBLOCK : 0));
            return wanted;
        } catch (MqException e) {
            count(e);
            return current;
        }
    }

    private void count(MqException e) {
        if (e.errno() == Errno.EAGAIN) {
            eagain.incrementAndGet();
        } else if (e.errno() == Errno.ETIMEDOUT) {
            etimedout.incrementAndGet();
        } else if (e.errno() != Errno.EINTR) {
            failures.incrementAndGet();
            lastProblem = e.summary();
        }
    }

    private static Instant deadline() {
        return Instant.now().plus(TrafficGenerator.CALL_DEADLINE);
    }

    private static void park(long nanos) {
        LockSupport.parkNanos(nanos);
    }

    private static void wake(Run r) {
        Thread p = r.producerThread;
        Thread c = r.consumerThread;
        if (p != null) {
            LockSupport.unpark(p);
        }
        if (c != null) {
            LockSupport.unpark(c);
        }
    }

    private static boolean await(Future<?> f, long deadlineNanos) {
        try {
            f.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return f.isDone();
        }
    }

    static void closeQuietly(MqQueue q) {
        try {
            q.close();
        } catch (MqException e) {
            // already closed
        }
    }
}
