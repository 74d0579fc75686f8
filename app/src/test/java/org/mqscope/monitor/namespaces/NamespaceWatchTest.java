package org.mqscope.monitor.namespaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.mqscope.monitor.SampleBatch;
import org.mqscope.monitor.namespaces.NamespaceWatch.NamespaceState;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;
import org.mqscope.testing.IpcNamespaceFixture;

/** The watch against a real namespace: bound and sampled, then gone exactly once, and refusing afterwards. */
class NamespaceWatchTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final LinkedBlockingQueue<List<NamespaceState>> scans = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<SampleBatch> batches = new LinkedBlockingQueue<>();
    private final Set<String> threads = ConcurrentHashMap.newKeySet();
    private final List<Long> goneReports = new CopyOnWriteArrayList<>();

    private List<NamespaceState> nextScan(Predicate<List<NamespaceState>> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<NamespaceState> s = scans.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertThat(s).as("a scan within " + WAIT).isNotNull();
            if (wanted.test(s)) {
                return s;
            }
        }
    }

    @Test
    void aNamespaceIsBoundSampledAndThenReportedGoneOnce() throws Exception {
        String name = "/mqscope-namespaces-watch-" + java.util.UUID.randomUUID();
        IpcNamespaceFixture ns = IpcNamespaceFixture.start(true, 0);
        try (MqBackend inside = MqBackends.kernelInNamespaceOf(ns.pid())) {
            inside.open(name, Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(2, 64)).close();
        }
        NamespaceWatch watch = new NamespaceWatch(new NamespaceWatch.Listener() {
            @Override
            public void namespaces(List<NamespaceState> all) {
                threads.add(Thread.currentThread().getName());
                all.stream().filter(s -> s.gone() != null && s.inode() == ns.inode())
                        .findFirst().ifPresent(s -> {
                            if (!goneReports.contains(s.inode())) {
                                goneReports.add(s.inode());
                            }
                        });
                scans.add(all);
            }

            @Override
            public void sampled(long inode, SampleBatch batch) {
                threads.add(Thread.currentThread().getName());
                if (inode == ns.inode()) {
                    batches.add(batch);
                }
            }
        }, Duration.ofMillis(100));
        try {
            watch.start();
            List<NamespaceState> first = nextScan(all -> all.stream().anyMatch(s -> s.inode() == ns.inode()));
            assertThat(first.get(0).info().host()).isTrue();
            NamespaceState bound = first.stream().filter(s -> s.inode() == ns.inode()).findFirst().orElseThrow();
            assertThat(bound.gone()).isNull();
            assertThat(bound.backend()).isNotNull();
            SampleBatch batch = batches.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(batch).isNotNull();
            assertThat(batch.find(name)).as("its queue, sampled in its namespace").isNotNull();

            ns.close();
            List<NamespaceState> after = nextScan(all -> all.stream()
                    .anyMatch(s -> s.inode() == ns.inode() && s.gone() != null));
            NamespaceState gone = after.stream().filter(s -> s.inode() == ns.inode()).findFirst().orElseThrow();
            assertThat(gone.gone().errno()).isEqualTo(Errno.ESRCH);
            assertThatThrownBy(() -> gone.backend().list()).isInstanceOfSatisfying(MqException.class,
                    e -> assertThat(e.errno()).isEqualTo(Errno.ESRCH));
            // a further scan still lists it gone, and it is never bound again
            List<NamespaceState> later = nextScan(all -> true);
            assertThat(later).filteredOn(s -> s.inode() == ns.inode()).singleElement()
                    .satisfies(s -> assertThat(s.gone()).isNotNull());
            assertThat(goneReports).containsExactly(ns.inode());
            assertThat(threads).containsExactly(NamespaceWatch.THREAD_NAME);
        } finally {
            watch.close();
            ns.close();
        }
    }
}
