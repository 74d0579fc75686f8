package org.mqscope.ui;

import org.mqscope.mq.MqBackend;
import org.mqscope.mq.QueueInfo;
import org.mqscope.ui.ErrorText.Explanation;
import org.mqscope.ui.notice.NoticeBar;
import org.mqscope.ui.queues.QueueListPanel;
import org.mqscope.ui.status.StatusBar;
import org.mqscope.ui.toolbar.MainToolBar;

import javax.swing.SwingUtilities;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts and switches backends and lists their queues. Its own fields belong to the EDT; backend calls go to
 * mq-io and come back with a generation number, so a late answer from a backend no longer shown is dropped.
 */
final class MainController {
    private final IoExecutor io;
    private final BackendFactory factory;
    private final MainToolBar toolbar;
    private final QueueListPanel queues;
    private final StatusBar status;
    private final NoticeBar notice;

    /** Backends started so far, kept so switching back finds the same emulated namespace. mq-io only. */
    private final Map<BackendKind, MqBackend> started = new EnumMap<>(BackendKind.class);

    private BackendKind currentKind;
    private MqBackend current;
    private int generation;
    private boolean switching;
    /** Why the kernel did not start, while the emulation is being tried in its place. */
    private String fallbackReason;

    MainController(IoExecutor io, BackendFactory factory, MainToolBar toolbar, QueueListPanel queues,
                   StatusBar status, NoticeBar notice) {
        this.io = io;
        this.factory = factory;
        this.toolbar = toolbar;
        this.queues = queues;
        this.status = status;
        this.notice = notice;
    }

    /** First start: the backend asked for, or the kernel; the emulation when the kernel will not start. */
    void start(Optional<BackendKind> requested) {
        assert SwingUtilities.isEventDispatchThread();
        activate(requested.orElse(BackendKind.KERNEL));
    }

    /** The user picked a backend in the chooser. */
    void switchTo(BackendKind kind) {
        assert SwingUtilities.isEventDispatchThread();
        if (kind != currentKind && !switching) {
            activate(kind);
        }
    }

    /** Lists the queues again; with no backend in use, tries to start one again. */
    void refresh() {
        assert SwingUtilities.isEventDispatchThread();
        if (switching) {
            return;
        }
        if (current == null) {
            activate(BackendKind.KERNEL);
            return;
        }
        int gen = generation;
        MqBackend backend = current;
        BackendKind kind = currentKind;
        io.run(backend::list, list -> {
            if (gen == generation) {
                showQueues(kind, list);
            }
        }, failure -> {
            if (gen == generation) {
                queues.showFailure("Cannot list the queues", ErrorText.explain(failure));
                status.setQueueCount(-1);
            }
        });
    }

    /** Closes every backend started, on mq-io after whatever is queued there. */
    void close() {
        assert SwingUtilities.isEventDispatchThread();
        generation++;
        current = null;
        io.run(() -> {
            started.values().forEach(MqBackend::close);
            started.clear();
            return null;
        }, ignored -> { }, failure -> { });
    }

    BackendKind currentKind() {
        return currentKind;
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
        current = backend;
        currentKind = kind;
        generation++;
        toolbar.showBackend(kind);
        status.setBackend(kind);
        queues.showHint("Listing the queues…");
        refresh();
    }

    private void failed(BackendKind kind, Throwable failure) {
        Explanation why = ErrorText.explain(failure);
        String headline = "The " + kind.id() + " backend did not start. " + why.headline();
        String detail = joinLines(why.call(), why.detail());
        if (current != null) {
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
            queues.showFailure("No backend", why);
        }
    }

    private void showQueues(BackendKind kind, List<QueueInfo> list) {
        queues.showQueues(list, kind.emptyText());
        status.setQueueCount(list.size());
    }

    private static String joinLines(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + "\n" + b;
    }
}
