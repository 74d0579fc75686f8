package org.mqscope.ui.window;

import org.mqscope.monitor.SampleBatch;
import org.mqscope.monitor.namespaces.NamespaceWatch;
import org.mqscope.monitor.namespaces.NamespaceWatch.NamespaceState;
import org.mqscope.mq.MqBackend;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.ErrorText;
import org.mqscope.ui.core.ErrorText.Explanation;
import org.mqscope.ui.notice.NoticeBar;
import org.mqscope.ui.queues.NamespaceRoots;
import org.mqscope.ui.queues.QueueTreePanel;

import javax.swing.SwingUtilities;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The machine's other IPC namespaces while the kernel backend is in use: a root per namespace in the queue tree
 * (after the kernel's, which is the host's), fed by a {@link NamespaceWatch}, and the backend of the namespace the
 * selection is in, which every panel then works on. A namespace that goes away is marked gone with one notice.
 * EDT-owned; the watch runs on its own thread and answers through invokeLater.
 */
final class NamespaceController {
    private final org.mqscope.ui.core.IoExecutor io;
    private final QueueTreePanel queues;
    private final NoticeBar notice;
    private final Runnable onSelectedBackendChanged;
    private final java.util.function.Consumer<SampleBatch> onSelectedSampled;
    private NamespaceWatch watch;
    /** Bumped when the watch stops, so late answers of an old one are dropped. */
    private int generation;
    private Duration samplePeriod;
    private final Map<Long, NamespaceState> states = new HashMap<>();
    private final Set<Long> announcedGone = new HashSet<>();
    private long selected;
    /** A queue of the selected namespace to select once its listing shows it (just created), or null. */
    private String pendingSelection;

    NamespaceController(org.mqscope.ui.core.IoExecutor io, QueueTreePanel queues, NoticeBar notice, Duration samplePeriod,
                        Runnable onSelectedBackendChanged,
                        java.util.function.Consumer<SampleBatch> onSelectedSampled) {
        this.onSelectedSampled = onSelectedSampled;
        this.io = io;
        this.queues = queues;
        this.notice = notice;
        this.samplePeriod = samplePeriod;
        this.onSelectedBackendChanged = onSelectedBackendChanged;
    }

    /** Watches namespaces while the kernel is in use; the emulation has none. */
    void backendChanged(BackendKind kind) {
        assert SwingUtilities.isEventDispatchThread();
        if (kind == BackendKind.KERNEL) {
            start();
        } else {
            stop();
        }
    }

    private void start() {
        if (watch != null) {
            return;
        }
        int gen = ++generation;
        watch = new NamespaceWatch(new NamespaceWatch.Listener() {
            @Override
            public void namespaces(List<NamespaceState> all) {
                SwingUtilities.invokeLater(() -> {
                    if (gen == generation) {
                        shown(all);
                    }
                });
            }

            @Override
            public void sampled(long inode, SampleBatch batch) {
                SwingUtilities.invokeLater(() -> {
                    if (gen == generation) {
                        NamespaceController.this.sampled(inode, batch);
                    }
                });
            }
        }, samplePeriod);
        watch.start();
    }

    private void stop() {
        generation++;
        NamespaceWatch w = watch;
        watch = null;
        if (w != null) {
            // closing waits for the watch's thread: not on the EDT
            io.run(() -> {
                w.close();
                return null;
            }, ignored -> { }, failure -> { });
        }
        states.clear();
        queues.model().namespaces().set(List.of());
        if (selected != 0) {
            selected = 0;
            onSelectedBackendChanged.run();
        }
    }

    void close() {
        stop();
    }

    void refresh() {
        if (watch != null) {
            watch.refresh();
        }
    }

    void setSamplePeriod(Duration period) {
        samplePeriod = period;
        if (watch != null) {
            watch.setSamplePeriod(period);
        }
    }

    /** The tree's selection moved into namespace {@code inode} (0: back to the backend roots). */
    void selected(long inode) {
        assert SwingUtilities.isEventDispatchThread();
        if (inode != selected) {
            selected = inode;
            onSelectedBackendChanged.run();
        }
    }

    /** Shows and selects a queue of the selected namespace opened by name; false when none is selected. */
    boolean pin(String name) {
        if (selected == 0) {
            return false;
        }
        queues.model().namespaces().pin(selected, name);
        queues.selectInNamespace(selected, name);
        return true;
    }

    /** Selects {@code name} in the selected namespace as soon as its listing shows it. */
    void selectWhenListed(String name) {
        pendingSelection = name;
        refresh();
    }

    long selectedNamespace() {
        return selected;
    }

    /** The backend of the selected namespace, or null when the selection is not in another namespace. */
    MqBackend selectedBackend() {
        NamespaceState s = selected == 0 ? null : states.get(selected);
        return s == null ? null : s.backend();
    }

    /** "docker 0123456789ab (ipc:[4026532177])" for the selected namespace, or null. */
    String selectedLabel() {
        NamespaceState s = selected == 0 ? null : states.get(selected);
        return s == null ? null : s.info().label() + (s.gone() != null ? " — gone" : "");
    }

    private void shown(List<NamespaceState> all) {
        List<NamespaceRoots.View> views = new ArrayList<>();
        boolean selectedChanged = false;
        for (NamespaceState s : all) {
            if (s.info().host()) {
                continue;
            }
            NamespaceState before = states.put(s.inode(), s);
            // selected is 0 while the host is: an entry without an inode (processes whose namespace could not be
            // read) must not count as the selection changing its backend.
            if (selected != 0 && s.inode() == selected && (before == null || before.backend() != s.backend())) {
                selectedChanged = true;
            }
            views.add(new NamespaceRoots.View(s.inode(), s.info().label(), s.gone() != null, s.problem()));
            if (s.gone() == null) {
                announcedGone.remove(s.inode()); // a new namespace under a reused inode number
            } else if (announcedGone.add(s.inode()) && selected != 0 && s.inode() == selected) {
                Explanation why = ErrorText.explain(s.gone());
                notice.show("The namespace " + s.info().label() + " is gone: its last process exited.",
                        why.fullText());
            }
        }
        queues.model().namespaces().set(views);
        if (selectedChanged) {
            onSelectedBackendChanged.run();
        }
    }

    private void sampled(long inode, SampleBatch batch) {
        String failure = batch.failure() == null ? null
                : "Cannot list the queues: " + ErrorText.explain(batch.failure()).headline();
        queues.model().namespaces().apply(inode, batch, failure);
        if (inode == selected) {
            onSelectedSampled.accept(batch);
            if (pendingSelection != null && batch.find(pendingSelection) != null) {
                queues.selectInNamespace(inode, pendingSelection);
                pendingSelection = null;
            }
        }
    }
}
