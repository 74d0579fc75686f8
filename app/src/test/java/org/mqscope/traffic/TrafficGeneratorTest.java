package org.mqscope.traffic;

import org.mqscope.Eventually;

import org.mqscope.demo.ClassroomScenario;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mqscope.demo.DemoQueues;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;

/** The generator on a private emulated namespace: rates, priorities, counters, stopping. */
class TrafficGeneratorTest {
    private MqBackend backend;
    private TrafficGenerator generator;

    @BeforeEach
    void namespace() {
        backend = MqBackends.emulated(DemoQueues.LIMITS);
        generator = new TrafficGenerator(backend);
    }

    @AfterEach
    void closeAll() {
        generator.close();
        backend.close();
    }

    private void create(String name, long maxMsg) throws MqException {
        backend.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600, MqAttributes.of(maxMsg, 256)).close();
    }

    private long depth(String name) throws MqException {
        try (MqQueue q = backend.open(name, Mq.O_RDONLY)) {
            return q.getAttributes().currentMessages();
        }
    }

    /** Everything in the queue, taken out, as priorities in receive order. */
    private List<Integer> drainPriorities(String name) throws MqException {
        List<Integer> out = new ArrayList<>();
        try (MqQueue q = backend.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
            while (q.getAttributes().currentMessages() > 0) {
                out.add(q.receive().priority());
            }
        }
        return out;
    }

    static List<String> trafficThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(TrafficGenerator.THREAD_PREFIX)).toList();
    }

    static void awaitNoTrafficThreads() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (!trafficThreads().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(trafficThreads()).as("threads left after close").isEmpty();
    }

    @Test
    void aProducerAt200PerSecondNeverRunsAhead() throws Exception {
        // A loaded machine can only slow the producer; running ahead of its rate is the fault this catches. That
        // it keeps up when it can is PacerTest's (with its own clock).
        create("/rate", 10_000);
        generator.configure(LaneSpec.of("/rate").withRates(200, 0));
        long t0 = System.nanoTime();
        generator.start("/rate");
        Eventually.until("200 sent", () -> generator.snapshot().find("/rate").sent() >= 200);
        double seconds = (System.nanoTime() - t0) / 1e9;
        generator.stop("/rate");
        long sent = generator.snapshot().find("/rate").sent();
        // The bucket may start with up to 100 ms of backlog (20 messages) and lets one more through per stop.
        assertThat(sent).as("sent in %.2f s", seconds).isLessThanOrEqualTo((long) (200 * seconds) + 21);
        assertThat(depth("/rate")).isEqualTo(sent);
    }

    @Test
    void aConsumerIsPacedToo() throws Exception {
        create("/drain", 10_000);
        try (MqQueue q = backend.open("/drain", Mq.O_WRONLY)) {
            for (int i = 0; i < 1000; i++) {
                q.send(new byte[] {1}, 0);
            }
        }
        generator.configure(LaneSpec.of("/drain").withRates(0, 100));
        long t0 = System.nanoTime();
        generator.start("/drain");
        Eventually.until("100 received", () -> generator.snapshot().find("/drain").received() >= 100);
        double seconds = (System.nanoTime() - t0) / 1e9;
        generator.stop("/drain");
        long received = generator.snapshot().find("/drain").received();
        assertThat(received).as("received in %.2f s, not all 1,000 at once", seconds)
                .isLessThanOrEqualTo((long) (100 * seconds) + 11);
        assertThat(depth("/drain")).isEqualTo(1000 - received);
    }

    @Test
    void everyMixGivesTheClaimedPriorities() throws Exception {
        for (PriorityMix mix : PriorityMix.values()) {
            String name = "/mix-" + mix.name().toLowerCase();
            create(name, 10_000);
            generator.configure(LaneSpec.of(name).withRates(2000, 0).withMix(mix, 7));
        }
        generator.startAll();
        Eventually.until("200 sent to every mix", () -> generator.snapshot().lanes().stream()
                .allMatch(l -> l.sent() >= 200));
        generator.stopAll();

        List<Integer> constant = drainPriorities("/mix-constant");
        assertThat(constant).hasSizeGreaterThan(100).containsOnly(7);

        List<Integer> spread = drainPriorities("/mix-spread");
        assertThat(spread).hasSizeGreaterThan(100).allMatch(p -> p >= 0 && p <= 31);
        assertThat(new HashSet<>(spread)).hasSizeGreaterThan(25);

        List<Integer> bands = drainPriorities("/mix-bands");
        assertThat(bands).hasSizeGreaterThan(100).containsOnly(1, 5, 9);
        long low = bands.stream().filter(p -> p == 1).count();
        assertThat(low).as("mostly low").isGreaterThan(bands.size() * 7L / 10);
        assertThat(bands).contains(9);

        List<Integer> extremes = drainPriorities("/mix-extremes");
        assertThat(extremes).hasSizeGreaterThan(100);
        assertThat(new HashSet<>(extremes)).isEqualTo(Set.of(0, Mq.PRIO_MAX - 1));
        // Receive order: the high ones first.
        assertThat(extremes.get(0)).isEqualTo(Mq.PRIO_MAX - 1);
    }

    @Test
    void sentMinusReceivedIsWhatTheQueueHolds() throws Exception {
        create("/count", 10_000);
        generator.configure(LaneSpec.of("/count").withRates(500, 200));
        generator.start("/count");
        Eventually.until("101 sent and 41 received", () -> {
            LaneStats now = generator.snapshot().find("/count");
            return now.sent() > 100 && now.received() > 40;
        });
        generator.stop("/count");
        LaneStats s = generator.snapshot().find("/count");
        assertThat(s.sent()).isGreaterThan(100);
        assertThat(s.received()).isGreaterThan(40);
        assertThat(s.failures()).isZero();
        assertThat(depth("/count")).isEqualTo(s.sent() - s.received());
        assertThat(s.running()).isFalse();
    }

    @Test
    void stopReturnsQuicklyWithAProducerOnAFullQueueAndAConsumerOnAnEmptyOne() throws Exception {
        create("/full", 1);
        create("/empty", 4);
        try (MqQueue q = backend.open("/full", Mq.O_WRONLY)) {
            q.send(new byte[] {1}, 0);
        }
        generator.configure(LaneSpec.of("/full").withRates(100, 0));
        generator.configure(LaneSpec.of("/empty").withRates(0, 100));
        generator.startAll();
        Eventually.until("a timed send and a timed receive ran out", () -> {
            TrafficSnapshot now = generator.snapshot();
            return now.find("/full").etimedout() > 0 && now.find("/empty").etimedout() > 0;
        });
        long t0 = System.nanoTime();
        generator.close();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(millis).as("close took ms").isLessThan(500);

        TrafficSnapshot s = generator.snapshot();
        assertThat(s.find("/full").etimedout()).as("timed sends on the full queue").isGreaterThan(0);
        assertThat(s.find("/full").sent()).isZero();
        assertThat(s.find("/empty").etimedout()).as("timed receives on the empty queue").isGreaterThan(0);
        assertThat(s.find("/empty").received()).isZero();
        assertThat(s.anyRunning()).isFalse();
        awaitNoTrafficThreads();
    }

    @Test
    void nonBlockingCallsCountEagain() throws Exception {
        create("/nb", 2);
        generator.configure(LaneSpec.of("/nb").withRates(100, 0).withNonBlocking(true));
        generator.start("/nb");
        Eventually.until("6 EAGAIN", () -> generator.snapshot().find("/nb").eagain() > 5);
        generator.stop("/nb");
        LaneStats s = generator.snapshot().find("/nb");
        assertThat(s.sent()).isEqualTo(2);
        assertThat(s.eagain()).isGreaterThan(5);
        assertThat(s.etimedout()).isZero();
    }

    @Test
    void rateChangesApplyWhileRunning() throws Exception {
        create("/change", 10_000);
        generator.configure(LaneSpec.of("/change").withRates(0, 0));
        generator.start("/change");
        Eventually.until("the lane running", () -> generator.snapshot().find("/change").running());
        assertThat(generator.snapshot().find("/change").sent()).as("rate 0 sends nothing").isZero();
        generator.configure(LaneSpec.of("/change").withRates(300, 0));
        Eventually.until("sends at the new rate", () -> generator.snapshot().find("/change").sent() >= 30);
        generator.stop("/change");
    }

    @Test
    void fillAndDrainClimbsToNinetyPercentThenDrains() throws Exception {
        create("/fill", 20);
        generator.configure(LaneSpec.of("/fill").withRates(60, 5).withPattern(Pattern.FILL_AND_DRAIN));
        generator.start("/fill");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long max = 0;
        boolean drainedAfterPeak = false;
        while (System.nanoTime() < deadline && !drainedAfterPeak) {
            long d = depth("/fill");
            max = Math.max(max, d);
            drainedAfterPeak = max >= 18 && d <= 8;
            Thread.sleep(20);
        }
        assertThat(max).as("peak depth").isGreaterThanOrEqualTo(18);
        assertThat(drainedAfterPeak).as("drained after the peak").isTrue();
    }

    @Test
    void aMissingQueueIsEnoentAndNeverCreated() throws Exception {
        generator.configure(LaneSpec.of("/nowhere"));
        try {
            generator.start("/nowhere");
            org.assertj.core.api.Assertions.fail("started on a missing queue");
        } catch (MqException e) {
            assertThat(e.errno()).isEqualTo(Errno.ENOENT);
        }
        assertThat(backend.list()).isEmpty();
        assertThat(generator.snapshot().find("/nowhere").running()).isFalse();
    }

    @Test
    void theClassroomScenarioRunsOnTheDemoQueues() throws Exception {
        generator.close();
        backend.close();
        backend = DemoQueues.newBackend();
        generator = new TrafficGenerator(backend);
        assertThat(generator.realQueues()).isFalse();
        ClassroomScenario.start(generator);
        Eventually.until("some telemetry and 3 orders", () -> generator.snapshot().find("/telemetry").sent() >= 10
                && generator.snapshot().find("/orders").sent() > 2);
        TrafficSnapshot s = generator.snapshot();
        assertThat(s.lanes()).allMatch(LaneStats::running);
        assertThat(s.lanes()).extracting(LaneStats::queue).isSubsetOf(DemoQueues.NAMES);
        assertThat(s.lanes()).allMatch(l -> l.failures() == 0);
        assertThat(trafficThreads()).isNotEmpty();
        generator.close();
        awaitNoTrafficThreads();
    }
}
