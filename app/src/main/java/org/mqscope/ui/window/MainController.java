package org.mqscope.ui.window;

import org.mqscope.ui.core.UiPrefs;
import org.mqscope.ui.core.IoExecutor;
import org.mqscope.ui.core.ErrorText;
import org.mqscope.ui.core.QueueView;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.BackendFactory;
import org.mqscope.monitor.QueueSampler;
import org.mqscope.monitor.SampleBatch;
import org.mqscope.mq.JournalRecovery;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.ReadOnlyBackend;
import org.mqscope.ui.core.ErrorText.Explanation;
import org.mqscope.ui.actions.ActionSet;
import org.mqscope.ui.notice.NoticeBar;
import org.mqscope.ui.queues.QueueTreePanel;
import org.mqscope.ui.status.StatusBar;
import org.mqscope.ui.toolbar.MainToolBar;

import javax.swing.SwingUtilities;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Starts and switches backends, samples their queues into the tree, and keeps read-only mode. Its fields belong
 * to the EDT; backend calls go to mq-io (or the sampler's own thread) and come back with a generation number, so
 * a late answer from a backend no longer shown is dropped.
 */
final class MainController {
    /** How often the tree's depth badges are refreshed. */
    static final Duration SAMPLE_PERIOD = QueueSampler.DEFAULT_PERIOD;

    private final IoExecutor io;
    private final BackendFactory factory;
    private final UiPrefs prefs;
    private final MainToolBar toolbar;
    private final QueueTreePanel queues;
    private final StatusBar status;
    private final NoticeBar notice;
    private final ActionSet actions;
    private final Consumer<Boolean> onReadOnly;
    /** The inspector and the tool panels, told of every backend, mode and sampling pass. */
    private final QueueView followers;
    /** The other IPC namespaces (containers) and the one the selection is in. */
    private final NamespaceController namespaces;
    private Duration samplePeriod = SAMPLE_PERIOD;

    /**
     * Backends started so far, kept so switching back finds the same emulated namespace. Filled on mq-io, emptied
     * by the close on mq-slow.
     */
    private final Map<BackendKind, MqBackend> started = new ConcurrentHashMap<>();

    private BackendKind currentKind;
    private MqBackend raw;
    private boolean readOnly;
    private QueueSampler sampler;
    private int generation;
    private boolean switching;
    /** Why the kernel did not start, while the emulation is being tried in its place. */
    private String fallbackReason;
    /** A queue to select once the first listing shows it (--demo), or null. */
    private String initialQueue;
    /** What journals hold: restored on start, on leaving read-only mode, on request, once there is room. */
    private final HeldMessages held;
    private String focus;
    /** The names of the last successful listing, to notice a queue that another program deleted. */
    private java.util.Set<String> listed = java.util.Set.of();
    /** Queues this window unlinked itself: their going is no news. */
    private final java.util.Set<String> unlinkedHere = new java.util.HashSet<>();

    MainController(IoExecutor io, BackendFactory factory, UiPrefs prefs, MainToolBar toolbar, QueueTreePanel queues,
                   StatusBar status, NoticeBar notice, ActionSet actions, Consumer<Boolean> onReadOnly,
                   QueueView followers) {
        this.io = io;
        this.factory = factory;
        this.prefs = prefs;
        this.toolbar = toolbar;
        this.queues = queues;
        this.status = status;
        this.notice = notice;
        this.actions = actions;
        this.onReadOnly = onReadOnly;
        this.followers = followers;
        this.held = new HeldMessages(io, status, notice, this::sampleSoon);
        this.namespaces = new NamespaceController(io, queues, notice, samplePeriod, this::namespaceSwitched,
                this::namespaceSampled);
        queues.onNamespaceSelected(namespaces::selected);
    }

    /** The selection moved to another IPC namespace (or back): the panels start over with its backend. */
    private void namespaceSwitched() {
        if (currentKind == null) {
            return;
        }
        status.setNamespace(namespaces.selectedLabel());
        followers.backendChanged(currentKind);
    }

    /** A sampling pass of the namespace the selection is in: the panels follow it instead of the host's. */
    private void namespaceSampled(SampleBatch batch) {
        followers.sampled(batch);
    }

    /**
     * A queue's name as panel titles show it: with its IPC namespace when that is not the host's, e.g.
     * "/orders — in docker 0123456789ab (ipc:[4026532177])".
     */
    String titled(String queue) {
        String ns = namespaces.selectedLabel();
        return queue == null || ns == null ? queue : queue + " — in " + ns;
    }

    Duration samplePeriod() {
        return samplePeriod;
    }

    /** Samples every {@code period} from now on (charts ask for more than the tree needs). */
    void setSamplePeriod(Duration period) {
        assert SwingUtilities.isEventDispatchThread();
        if (!period.equals(samplePeriod)) {
            samplePeriod = period;
            if (sampler != null) {
                sampler.setPeriod(period);
            }
            namespaces.setSamplePeriod(period);
        }
    }

    /**
     * A queue opened by name while the selection is in another IPC namespace: shown (and selected) under that
     * namespace's root even when it cannot be listed. False when the selection is not in another namespace.
     */
    boolean pinInNamespace(String name) {
        return namespaces.pin(name);
    }

    /** Selects {@code name} in the tree as soon as a listing shows it, and samples soon. */
    void selectWhenListed(String name) {
        assert SwingUtilities.isEventDispatchThread();
        if (namespaces.selectedNamespace() != 0) {
            namespaces.selectWhenListed(name);
            return;
        }
        initialQueue = name;
        sampleSoon();
    }

    /** First start: the backend asked for, else the last one used, else the kernel (the emulation if it fails). */
    void start(Optional<BackendKind> requested, boolean startReadOnly, String initialQueueOrNull) {
        assert SwingUtilities.isEventDispatchThread();
        initialQueue = initialQueueOrNull;
        readOnly = startReadOnly;
        onReadOnly.accept(readOnly);
        // Started read-only is a lock, not a default: nothing in the window turns it off.
        actions.update(startReadOnly ? actions.state().lockedReadOnly() : actions.state().withReadOnly(false));
        activate(requested.or(prefs::backend).orElse(BackendKind.KERNEL));
    }

    /** The user picked a backend in the chooser. */
    void switchTo(BackendKind kind) {
        assert SwingUtilities.isEventDispatchThread();
        if (kind != currentKind && !switching) {
            activate(kind);
        }
    }

    /** Samples the queues again now; with no backend in use, tries to start one again. */
    void refresh() {
        assert SwingUtilities.isEventDispatchThread();
        if (switching) {
            return;
        }
        if (raw == null) {
            activate(BackendKind.KERNEL);
            return;
        }
        sampler.sampleSoon();
        namespaces.refresh();
    }

    /** Turns read-only mode on or off; leaving it on the kernel restores what journals hold. */
    void setReadOnly(boolean on) {
        assert SwingUtilities.isEventDispatchThread();
        if (on == readOnly || actions.state().readOnlyLocked()) {
            return;
        }
        readOnly = on;
        onReadOnly.accept(on);
        actions.update(actions.state().withReadOnly(on));
        if (currentKind != null) {
            status.setBackend(currentKind, on);
            followers.readOnlyChanged(on);
            if (!on && currentKind == BackendKind.KERNEL) {
                held.recover(raw);
            } else if (on && currentKind == BackendKind.KERNEL) {
                held.count(raw);
            }
        }
    }

    boolean readOnly() {
        return readOnly;
    }

    /** The backend calls go through: the raw backend, or its read-only guard. Null before one has started. */
    MqBackend backend() {
        MqBackend b = rawBackend();
        return b == null ? null : readOnly ? new ReadOnlyBackend(b) : b;
    }

    /** The backend without the read-only guard (for read-only descriptors the guard cannot pass through). */
    MqBackend rawBackend() {
        MqBackend inNamespace = raw == null ? null : namespaces.selectedBackend();
        return inNamespace != null ? inNamespace : raw;
    }

    BackendKind currentKind() {
        return currentKind;
    }

    int generation() {
        return generation;
    }

    /** The queue whose messages each sampling pass reads with it (exact peeks), or null: one sample for both views. */
    void focusSampler(String queueOrNull) {
        focus = queueOrNull;
        if (sampler != null) {
            sampler.setFocus(queueOrNull);
        }
    }

    /** One sampling pass soon, e.g. after the user changed a queue. */
    void sampleSoon() {
        if (sampler != null) {
            sampler.sampleSoon();
        }
    }

    /** Stops sampling and closes every backend started, on mq-slow after whatever long work is queued there. */
    void close() {
        assert SwingUtilities.isEventDispatchThread();
        generation++;
        raw = null;
        namespaces.close();
        QueueSampler s = sampler;
        sampler = null;
        // On the long lane: after any drain-and-restore or traffic stop still running, which use the backends.
        io.runSlow(() -> {
            if (s != null) {
                s.close();
            }
            started.values().forEach(MqBackend::close);
            started.clear();
            return null;
        }, ignored -> { }, failure -> { });
    }

    private void activate(BackendKind kind) {
        switching = true;
        toolbar.setSwitching(true);
        io.run(() -> obtain(kind), backend -> {
            switching = false;
            toolbar.setSwitching(false);
            use(kind, backend);
        }, failure -> {
            switching = false;
            toolbar.setSwitching(false);
            failed(kind, failure);
        });
    }

    /** mq-io only. */
    private MqBackend obtain(BackendKind kind) throws Exception {
        MqBackend b = started.get(kind);
        if (b == null) {
            b = factory.create(kind);
            started.put(kind, b);
        }
        return b;
    }

    private void use(BackendKind kind, MqBackend backend) {
        fallbackReason = null;
        stopSampler();
        raw = backend;
        currentKind = kind;
        generation++;
        listed = java.util.Set.of();
        prefs.setBackend(kind);
        toolbar.showBackend(kind);
        status.setBackend(kind, readOnly);
        queues.clearProblem();
        queues.model().setActive(kind, "Listing the queues…");
        actions.update(actions.state().withBackend(kind));
        followers.backendChanged(kind);
        startSampler(backend);
        namespaces.backendChanged(kind);
        if (kind == BackendKind.KERNEL) {
            if (readOnly) {
                held.count(backend);
            } else {
                held.recover(backend);
            }
        }
    }

    private void startSampler(MqBackend backend) {
        int gen = generation;
        // The sampler only reads: give it the read-only guard whatever the mode, so it never opens for writing.
        QueueSampler s = new QueueSampler(new ReadOnlyBackend(backend));
        s.setFocus(focus);
        s.addListener(batch -> SwingUtilities.invokeLater(() -> {
            if (gen == generation) {
                sampled(batch);
            }
        }));
        sampler = s;
        s.setPeriod(samplePeriod);
    }

    private void stopSampler() {
        QueueSampler s = sampler;
        sampler = null;
        if (s != null) {
            io.runSlow(() -> { // waits for a pass in progress: not in front of quick reads
                s.close();
                return null;
            }, ignored -> { }, failure -> { });
        }
    }

    private void sampled(SampleBatch batch) {
        if (batch.failure() != null) {
            Explanation why = ErrorText.explain(batch.failure());
            queues.model().apply(batch, "Cannot list the queues: " + why.headline());
            queues.showProblem("Cannot list the queues", why);
            status.setQueueCount(-1);
        } else {
            String selectedBefore = queues.selectedQueue();
            queues.clearProblem();
            queues.model().apply(batch, null);
            status.setQueueCount(batch.queues().size());
            noticeDeleted(batch, selectedBefore);
        }
        if (namespaces.selectedNamespace() == 0) {
            followers.sampled(batch);
        }
        held.sampled(batch, raw, !readOnly && currentKind == BackendKind.KERNEL);
        if (initialQueue != null && batch.find(initialQueue) != null) {
            queues.select(initialQueue);
            initialQueue = null;
        }
    }

    /**
     * For --demo: says prominently where the demo's limits go beyond this machine's (msg_max, msgsize_max, and the
     * demo queues the kernel would refuse), read from the kernel backend on mq-io.
     */
    void explainDemoLimits() {
        assert SwingUtilities.isEventDispatchThread();
        io.run(() -> org.mqscope.demo.DemoQueues.beyond(obtain(BackendKind.KERNEL).limits()), lines -> {
            if (!lines.isEmpty()) {
                notice.show("The demo runs with larger limits than this machine: what works here may fail with "
                        + "EINVAL on the kernel.", String.join("\n", lines));
            }
        }, failure -> notice.show("The demo's limits could not be compared with this machine's: "
                + ErrorText.explain(failure).headline(), "The demo allows msg_max 65,536 and msgsize_max 16 MiB;"
                + " a machine allows 10 and 8,192 unless its administrator raised them."));
    }

    /** This window unlinks {@code name}: when it disappears from the listing, that needs no notice. */
    void unlinkedHere(String name) {
        unlinkedHere.add(name);
    }

    /** The selected queue (or one a notice is about) vanished from the listing without this window's doing. */
    private void noticeDeleted(SampleBatch batch, String selected) {
        java.util.Set<String> now = new java.util.HashSet<>();
        batch.queues().forEach(q -> now.add(q.name()));
        String noticed = notice.about();
        for (String gone : listed) {
            if (now.contains(gone) || unlinkedHere.remove(gone)) {
                continue;
            }
            if (gone.equals(noticed)) {
                notice.dismissUnlessAbout(null);
            }
            if (gone.equals(selected)) {
                notice.show(gone + " no longer exists: another program unlinked it.",
                        "Its messages went with it once no program held it open any more.");
            }
        }
        listed = now;
    }

    /** A peek left messages of {@code queue} in its journal (the queue was full): put them back once it has room. */
    void heldIn(String queue) {
        held.heldIn(queue);
    }

    /** Queue → Restore Held Messages: put back now whatever journals hold. */
    void restoreHeld() {
        assert SwingUtilities.isEventDispatchThread();
        if (readOnly || currentKind != BackendKind.KERNEL || !(raw instanceof JournalRecovery)) {
            status.setMessage("Only the kernel backend outside read-only mode keeps and restores held messages.");
            return;
        }
        held.recover(raw);
    }

    private void failed(BackendKind kind, Throwable failure) {
        Explanation why = ErrorText.explain(failure);
        String headline = "The " + kind.id() + " backend did not start. " + why.headline();
        String detail = joinLines(why.call(), why.detail());
        if (raw != null) {
            notice.show(headline, joinLines(detail, "Still showing the " + currentKind.id() + " backend."));
            toolbar.showBackend(currentKind);
        } else if (kind != BackendKind.EMULATED) {
            fallbackReason = joinLines(headline, detail);
            notice.show(headline, joinLines(detail, "Showing the emulated backend instead: an in-process "
                    + "namespace, not this machine's queues."));
            activate(BackendKind.EMULATED);
        } else {
            // Neither backend: say both reasons, the kernel's first, since that was tried first.
            notice.show("No backend could start. " + why.headline(),
                    joinLines(fallbackReason, joinLines(headline, detail)));
            toolbar.showBackend(null);
            status.setNoBackend(why.headline());
            queues.showProblem("No backend", why);
        }
    }

    static String joinLines(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + "\n" + b;
    }
}
