package org.mqscope.monitor;

import org.mqscope.threads.Workers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.mqscope.mq.Mq;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.PeekMethod;
import org.mqscope.mq.PeekResult;
import org.mqscope.mq.QueueInfo;

/**
 * Samples every queue of one backend on a thread of its own (mq-sampler) without disturbing them: the
 * listing gives names and QSIZE, and curmsgs comes from mq_getattr on a read-only, non-blocking descriptor the
 * sampler holds per queue. A descriptor is closed as soon as its queue leaves the listing or turns out unlinked, so
 * the sampler never keeps a deleted queue alive. Listeners get immutable {@link SampleBatch}es on the sampler
 * thread; Swing code hands them to the EDT. Not reentrant: one pass at a time, on the sampler thread.
 */
public final class QueueSampler implements AutoCloseable {
    public static final String THREAD_NAME = Workers.Intent.SAMPLER.threadName();
    public static final Duration DEFAULT_PERIOD = Duration.ofMillis(500);
    /** A queue that refused to open is tried again after this many passes, not on every one. */
    static final int RETRY_PASSES = 20;

    private final MqBackend backend;
    private final ScheduledExecutorService executor;
    private final boolean ownsExecutor;
    private final List<Consumer<SampleBatch>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, MqQueue> held = new HashMap<>();
    private final Map<String, Refusal> refused = new HashMap<>();
    private ScheduledFuture<?> task;
    private long sequence;
    private volatile SampleBatch latest;
    /** The queue whose messages each pass reads too (exact peeks only), or null. */
    private volatile String focus;
    private PeekResult lastFocus;

    /** A sampler with its own daemon thread. */
    public QueueSampler(MqBackend backend) {
        this(backend, Workers.scheduled(Workers.Intent.SAMPLER), true);
    }

    /**
     * A sampler on a thread someone else owns (several namespaces' samplers share one); {@link #close()} leaves
     * that executor running.
     */
    public QueueSampler(MqBackend backend, ScheduledExecutorService shared) {
        this(backend, shared, false);
    }

    QueueSampler(MqBackend backend, ScheduledExecutorService executor, boolean ownsExecutor) {
        this.backend = backend;
        this.executor = executor;
        this.ownsExecutor = ownsExecutor;
    }

    public MqBackend backend() {
        return backend;
    }

    /** Called on the sampler thread after every pass. */
    public void addListener(Consumer<SampleBatch> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<SampleBatch> listener) {
        listeners.remove(listener);
    }

    /** The last batch taken, or null before the first pass. */
    public SampleBatch latest() {
        return latest;
    }

    /** Samples every {@code period} from now on; null stops periodic sampling (descriptors stay held). */
    public synchronized void setPeriod(Duration period) {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
        if (period != null) {
            long nanos = Math.max(1, period.toNanos());
            task = executor.scheduleWithFixedDelay(this::passQuietly, 0, nanos, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Each pass from now on also reads the messages of {@code nameOrNull} when its backend peeks exactly (never by
     * drain and restore), and makes that queue's sample agree with them: the tree and the message table then show
     * one sample, not two taken apart.
     */
    public void setFocus(String nameOrNull) {
        focus = nameOrNull;
    }

    /** One pass as soon as the sampler thread is free, e.g. right after the user changed a queue. */
    public void sampleSoon() {
        executor.execute(this::passQuietly);
    }

    private void passQuietly() {
        try {
            pass();
        } catch (RuntimeException e) {
            // A listener's bug must not stop the sampling; the next pass tries again.
            Thread t = Thread.currentThread();
            t.getUncaughtExceptionHandler().uncaughtException(t, e);
        }
    }

    /**
     * One pass on the calling thread, by a sampler of its own that closes what it opened before returning: a
     * listing for a one-shot caller such as the command line, which needs no thread.
     */
    public static SampleBatch sampleOnce(MqBackend backend) {
        QueueSampler once = new QueueSampler(backend, null, false);
        try {
            return once.pass();
        } finally {
            once.closeAll();
        }
    }

    /** One sampling pass, on the calling thread; call only on the sampler thread (or in tests, alone). */
    SampleBatch pass() {
        sequence++;
        Instant at = Instant.now();
        List<QueueInfo> infos;
        try {
            infos = backend.list();
        } catch (MqException e) {
            closeAll();
            return publish(new SampleBatch(at, sequence, List.of(), e));
        }
        Set<String> present = new HashSet<>();
        List<QueueSample> samples = new ArrayList<>(infos.size());
        String focused = focus;
        PeekResult peek = null;
        for (QueueInfo info : infos) {
            present.add(info.name());
            QueueSample s = sample(info);
            if (info.name().equals(focused)) {
                peek = focusPeek(info.name());
                if (peek != null) {
                    s = agreeing(s, peek);
                }
            }
            samples.add(s);
        }
        lastFocus = peek;
        held.keySet().removeIf(name -> {
            if (!present.contains(name)) {
                closeQuietly(held.get(name));
                return true;
            }
            return false;
        });
        refused.keySet().retainAll(present);
        return publish(new SampleBatch(at, sequence, samples, null, peek));
    }

    /** The focused queue's messages, exactly (or null): the previous result itself when they did not change. */
    private PeekResult focusPeek(String name) {
        MqQueue q = held.get(name);
        try {
            if (q == null || q.peekSupport().method() != PeekMethod.EXACT || !q.peekSupport().available()) {
                return null;
            }
            PeekResult r = q.snapshot();
            return lastFocus != null && lastFocus.messages().equals(r.messages()) ? lastFocus : r;
        } catch (MqException e) {
            return null; // the queue went meanwhile: the next listing says so
        }
    }

    /** The sample as the messages read tell it: curmsgs their count, QSIZE their bytes. */
    private static QueueSample agreeing(QueueSample s, PeekResult peek) {
        QueueInfo i = s.info();
        QueueInfo info = new QueueInfo(i.name(), peek.payloadBytes(), i.notifyMethod(), i.signo(), i.notifyPid(),
                i.mode(), i.uid(), i.gid());
        MqAttributes a = s.attributes() != null ? s.attributes() : peek.attributes();
        return new QueueSample(info, new MqAttributes(a.flags(), a.maxMessages(), a.messageSize(), peek.size()),
                null);
    }

    private QueueSample sample(QueueInfo info) {
        String name = info.name();
        MqQueue q = held.get(name);
        try {
            if (q != null && q.unlinked()) {
                // Unlinked and re-created under the same name: ours is the old queue; let it go.
                held.remove(name);
                closeQuietly(q);
                q = null;
            }
            if (q == null) {
                Refusal r = refused.get(name);
                if (r != null && sequence - r.pass < RETRY_PASSES) {
                    return new QueueSample(info, null, r.why);
                }
                q = backend.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK);
                held.put(name, q);
                refused.remove(name);
            }
            return new QueueSample(info, q.getAttributes(), null);
        } catch (MqException e) {
            if (q != null) {
                held.remove(name);
                closeQuietly(q);
            }
            String why = e.errno().name() + " (" + e.errno().description() + ")";
            refused.put(name, new Refusal(sequence, why));
            return new QueueSample(info, null, why);
        }
    }

    private SampleBatch publish(SampleBatch batch) {
        latest = batch;
        for (Consumer<SampleBatch> l : listeners) {
            l.accept(batch);
        }
        return batch;
    }

    /** Descriptors held right now (for tests: none may outlive its queue's name). */
    int heldCount() {
        return held.size();
    }

    private void closeAll() {
        held.values().forEach(QueueSampler::closeQuietly);
        held.clear();
    }

    private static void closeQuietly(MqQueue q) {
        try {
            q.close();
        } catch (MqException e) {
            // already closed: nothing held
        }
    }

    /** Stops sampling and closes every descriptor, on the sampler thread after any pass under way. */
    @Override
    public void close() {
        setPeriod(null);
        try {
            executor.submit(this::closeAll).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the executor is gone or stuck in a kernel call: the descriptors go with the process
        }
        if (ownsExecutor) {
            executor.shutdown();
        }
    }

    private record Refusal(long pass, String why) {
    }
}
