package org.mqscope.traffic;

import java.util.concurrent.ExecutorService;
import org.mqscope.mq.MqBackends;
import org.mqscope.threads.Workers;

import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Producers and consumers on chosen queues of one backend, so that tables and charts move: per queue a
 * {@link LaneSpec} (rates, priorities, payloads, pattern) and a producer and a consumer on threads named
 * mq-traffic-N (daemon), paced by token buckets, every call non-blocking or timed with
 * {@link #CALL_DEADLINE}. It opens only the queues it is given, never creates, unlinks or empties one on its own,
 * and closes its descriptors when stopped. On the kernel ({@link #realQueues()}) it changes real queues that other
 * programs may use. Starting and stopping block briefly (opening queues, waiting for workers to end): not on the
 * EDT; {@link #configure} and {@link #snapshot} never block and may be called from any thread.
 */
public final class TrafficGenerator implements AutoCloseable {
    public static final String THREAD_PREFIX = Workers.Intent.TRAFFIC.threadName() + "-";
    /** Deadline of every timed send and receive: a worker sees a stop within about this long. */
    public static final Duration CALL_DEADLINE = Duration.ofMillis(50);
    /** The longest {@link #stop}, {@link #stopAll} or {@link #close} waits for workers to end. */
    public static final Duration STOP_WAIT = Duration.ofMillis(300);

    private final MqBackend backend;
    private final ExecutorService executor;
    /** In the order added; changed under this object's lock, read without it. */
    private final List<Lane> lanes = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public TrafficGenerator(MqBackend backend) {
        this.backend = backend;
        executor = Workers.pool(Workers.Intent.TRAFFIC);
    }

    public MqBackend backend() {
        return backend;
    }

    /** True when the traffic goes to real queues of this machine (the kernel), not to an emulation. */
    public boolean realQueues() {
        return !MqBackends.EMULATED.equals(backend.id());
    }

    /** Adds a lane for {@code spec.queue()}, or changes the one there (a running lane follows at once). */
    public void configure(LaneSpec spec) {
        synchronized (lanes) {
            Lane lane = lane(spec.queue());
            if (lane == null) {
                lanes.add(new Lane(backend, spec));
            } else {
                lane.setSpec(spec);
            }
        }
    }

    /** Stops the lane on {@code queue} and forgets it. */
    public synchronized void remove(String queue) {
        stop(queue);
        synchronized (lanes) {
            lanes.remove(lane(queue));
        }
    }

    private Lane lane(String queue) {
        for (Lane l : lanes) {
            if (l.spec().queue().equals(queue)) {
                return l;
            }
        }
        return null;
    }

    /** Starts the lane on {@code queue}: opens the queue (ENOENT if it is gone, EACCES...) and starts the workers. */
    public synchronized void start(String queue) throws MqException {
        if (closed) {
            throw new IllegalStateException("traffic generator closed");
        }
        Lane lane = lane(queue);
        if (lane == null) {
            throw new IllegalArgumentException("no traffic configured for " + queue);
        }
        lane.start(executor);
    }

    /** Starts every lane not running; tries them all, then throws the first failure. */
    public synchronized void startAll() throws MqException {
        MqException first = null;
        for (Lane lane : lanes) {
            try {
                start(lane.spec().queue());
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
        Lane lane = lane(queue);
        if (lane != null) {
            lane.requestStop();
            lane.awaitStopped(System.nanoTime() + STOP_WAIT.toNanos());
        }
    }

    /** Stops every lane, all at once; returns within about {@link #STOP_WAIT}. */
    public synchronized void stopAll() {
        lanes.forEach(Lane::requestStop);
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        lanes.forEach(l -> l.awaitStopped(deadline));
    }

    /** Every lane's counters now. */
    public TrafficSnapshot snapshot() {
        List<LaneStats> stats = new ArrayList<>(lanes.size());
        lanes.forEach(l -> stats.add(l.stats()));
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
