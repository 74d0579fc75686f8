package org.mqscope.ui.window;

import org.mqscope.ui.core.UiPrefs;
import org.mqscope.ui.core.IoExecutor;
import org.mqscope.ui.core.ErrorText;
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
import java.util.EnumMap;
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
    private InspectorController inspector;
    private QueueTools tools;
    /** The other IPC namespaces (containers) and the one the selection is in. */
    private final NamespaceController namespaces;
    private Duration samplePeriod = SAMPLE_PERIOD;

    /** Backends started so far, kept so switching back finds the same emulated namespace. mq-io only. */
    private final Map<BackendKind, MqBackend> started = new EnumMap<>(BackendKind.class);

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

    MainController(IoExecutor io, BackendFactory factory, UiPrefs prefs, MainToolBar toolbar, QueueTreePanel queues,
                   StatusBar status, NoticeBar notice, ActionSet actions, Consumer<Boolean> onReadOnly) {
        this.io = io;
        this.factory = factory;
        this.prefs = prefs;
        this.toolbar = toolbar;
        this.queues = queues;
        this.status = status;
        this.notice = notice;
        this.actions = actions;
        this.onReadOnly = onReadOnly;
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
        inspector.backendChanged();
        if (tools != null) {
            tools.backendChanged(currentKind);
        }
    }

    /** A sampling pass of the namespace the selection is in: the panels follow it instead of the host's. */
    private void namespaceSampled(SampleBatch batch) {
        inspector.sampled(batch);
        if (tools != null) {
            tools.sampled(batch);
        }
    }

    /**
     * A queue's name as panel titles show it: with its IPC namespace when that is not the host's, e.g.
     * "/orders — in docker 0123456789ab (ipc:[4026532177])".
     */
    String titled(String queue) {
        String ns = namespaces.selectedLabel();
        return queue == null || ns == null ? queue : queue + " — in " + ns;
    }

    void setInspector(InspectorController inspector) {
        this.inspector = inspector;
    }

    /** The panels below the message table; none in tests that build the controller alone. */
    void setTools(QueueTools tools) {
        this.tools = tools;
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
        actions.update(actions.state().withReadOnly(readOnly));
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

    /** Turns read-only mode on or off; leaving it on the kernel restores what interrupted peeks left behind. */
    void setReadOnly(boolean on) {
        assert SwingUtilities.isEventDispatchThread();
        if (on == readOnly) {
            return;
        }
        readOnly = on;
        onReadOnly.accept(on);
        actions.update(actions.state().withReadOnly(on));
        if (currentKind != null) {
            status.setBackend(currentKind, on);
            inspector.readOnlyChanged();
            if (tools != null) {
                tools.readOnlyChanged(on);
            }
            if (!on && currentKind == BackendKind.KERNEL) {
                recoverJournals(raw);
            } else if (on && currentKind == BackendKind.KERNEL) {
                countJournals(raw);
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

    /** One sampling pass soon, e.g. after the user changed a queue. */
    void sampleSoon() {
        if (sampler != null) {
            sampler.sampleSoon();
        }
    }

    /** Stops sampling and closes every backend started, on mq-io after whatever is queued there. */
    void close() {
        assert SwingUtilities.isEventDispatchThread();
        generation++;
        raw = null;
        namespaces.close();
        QueueSampler s = sampler;
        sampler = null;
        io.run(() -> {
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
        prefs.setBackend(kind);
        toolbar.showBackend(kind);
        status.setBackend(kind, readOnly);
        queues.clearProblem();
        queues.model().setActive(kind, "Listing the queues…");
        actions.update(actions.state().withBackend(kind));
        inspector.backendChanged();
        if (tools != null) {
            tools.backendChanged(kind);
        }
        startSampler(backend);
        namespaces.backendChanged(kind);
        if (kind == BackendKind.KERNEL) {
            if (readOnly) {
                countJournals(backend);
            } else {
                recoverJournals(backend);
            }
        }
    }

    private void startSampler(MqBackend backend) {
        int gen = generation;
        // The sampler only reads: give it the read-only guard whatever the mode, so it never opens for writing.
        QueueSampler s = new QueueSampler(new ReadOnlyBackend(backend));
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
            io.run(() -> {
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
            queues.clearProblem();
            queues.model().apply(batch, null);
            status.setQueueCount(batch.queues().size());
        }
        if (namespaces.selectedNamespace() == 0) {
            inspector.sampled(batch);
            if (tools != null) {
                tools.sampled(batch);
            }
        }
        if (initialQueue != null && batch.find(initialQueue) != null) {
            queues.select(initialQueue);
            inspector.selectFirstMessageOnce();
            initialQueue = null;
        }
    }

    /** Puts back what kernel peeks interrupted by a crash left in their journals, and says so. */
    private void recoverJournals(MqBackend backend) {
        if (!(backend instanceof JournalRecovery recovery)) {
            return;
        }
        io.run(() -> recovery.recover(false), report -> {
            if (!report.entries().isEmpty() && report.complete()) {
                notice.showInfo("Restored messages from interrupted peeks.", String.join("\n", report.describe()));
            } else if (!report.entries().isEmpty()) {
                notice.show(report.complete() ? "Restored messages from interrupted peeks."
                        : "Some messages from interrupted peeks are still kept.", String.join("\n",
                        report.describe()));
            }
            if (report.restored() > 0) {
                sampleSoon();
            }
        }, failure -> notice.show("Recovering interrupted peeks failed. " + ErrorText.explain(failure).headline(),
                ErrorText.explain(failure).fullText()));
    }

    private void countJournals(MqBackend backend) {
        if (!(backend instanceof JournalRecovery recovery)) {
            return;
        }
        io.run(recovery::pendingJournals, pending -> {
            if (pending > 0) {
                notice.show(pending + (pending == 1 ? " journal" : " journals")
                        + " of interrupted kernel peeks wait to be restored.",
                        "Read-only mode sends nothing back. Run `mqscope --recover`, or leave read-only mode, to "
                                + "put the messages back into their queues.");
            }
        }, failure -> { });
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
