package org.mqscope.demo.traffic;

import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Producers and consumers on chosen queues of one backend, so that tables and charts move: per queue a
 * {@link LaneSpec} (rates, priorities, payloads, pattern) and a producer and a consumer on threads named
 * {@value #THREAD_PREFIX}N (daemon), paced by token buckets, every call non-blocking or timed with
 * {@link #CALL_DEADLINE}. It opens only the queues it is given, never creates, unlinks or empties one on its own,
 * and closes its descriptors when stopped. On the kernel ({@link #realQueues()}) it changes real queues that other
 * programs may use. Methods may block briefly (opening queues, waiting for workers to end): not on the EDT.
 */
public final class TrafficGenerator implements AutoCloseable {
    public static final String THREAD_PREFIX = "mq-traffic-";
    /** Deadline of every timed send and receive: a worker sees a stop within about this long. */
    public static final Duration CALL_DEADLINE = Duration.ofMillis(50);
    /** The longest {@link #stop}, {@link #stopAll} or {@link #close} waits for workers to end. */
    public static final Duration STOP_WAIT = Duration.ofMillis(300);
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    private static final long IDLE_THREAD_SECONDS = 2;

    private final MqBackend backend;
    private final ThreadPoolExecutor executor;
    private final Map<String, Lane> lanes = new LinkedHashMap<>();
    private boolean closed;

    public TrafficGenerator(MqBackend backend) {
        this.backend = backend;
        executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_THREAD_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, THREAD_PREFIX + THREAD_NUMBER.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    public MqBackend backend() {
        return backend;
    }

    /** True when the traffic goes to real queues of this machine (the kernel), not to an emulation. */
    public boolean realQueues() {
        return !"emulated".equals(backend.id());
    }

    /** Adds a lane for {@code spec.queue()}, or changes the one there (a running lane follows at once). */
    public synchronized void configure(LaneSpec spec) {
        Lane lane = lanes.get(spec.queue());
        if (lane == null) {
            lanes.put(spec.queue(), new Lane(backend, spec));
        } else {
            lane.setSpec(spec);
        }
    }

    /** Stops the lane on {@code queue} and forgets it. */
    public synchronized void remove(String queue) {
        stop(queue);
        lanes.remove(queue);
    }

    /** Starts the lane on {@code queue}: opens the queue (ENOENT if it is gone, EACCES...) and starts the workers. */
    public synchronized void start(String queue) throws MqException {
        if (closed) {
            throw new IllegalStateException("traffic generator closed");
        }
        Lane lane = lanes.get(queue);
        if (lane == null) {
            throw new IllegalArgumentException("no traffic configured for " + queue);
        }
        lane.start(executor);
    }

    /** Starts every lane not running; tries them all, then throws the first failure. */
    public synchronized void startAll() throws MqException {
        MqException first = null;
        for (String queue : new ArrayList<>(lanes.keySet())) {
            try {
                start(queue);
            } catch (MqException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Stops the lane on {@code queue}; returns once its workers ended, or after {@link #STOP_WAIT}. */
    public synchronized void stop(String queue) {
        Lane lane = lanes.get(queue);
        if (lane != null) {
            lane.requestStop();
            lane.awaitStopped(System.nanoTime() + STOP_WAIT.toNanos());
        }
    }

    /** Stops every lane, all at once; returns within about {@link #STOP_WAIT}. */
    public synchronized void stopAll() {
        lanes.values().forEach(Lane::requestStop);
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        lanes.values().forEach(l -> l.awaitStopped(deadline));
    }

    /** Every lane's counters now. */
    public synchronized TrafficSnapshot snapshot() {
        List<LaneStats> stats = new ArrayList<>(lanes.size());
        lanes.values().forEach(l -> stats.add(l.stats()));
        return new TrafficSnapshot(System.nanoTime(), stats);
    }

    /** Stops every lane and ends the threads; the generator cannot start again. Returns within STOP_WAIT or so. */
    @Override
    public synchronized void close() {
        closed = true;
        stopAll();
        executor.shutdownNow();
        try {
            executor.awaitTermination(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
