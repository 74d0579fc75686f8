package org.mqscope.ui.window;

import org.mqscope.ui.core.QueueView;
import org.mqscope.ui.core.QueueContext;
import org.mqscope.ui.core.IoExecutor;
import org.mqscope.ui.core.ErrorText;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.monitor.SampleBatch;
import org.mqscope.mq.MqBackend;
import org.mqscope.ui.core.ErrorText.Explanation;
import org.mqscope.ui.notice.NoticeBar;
import org.mqscope.ui.queues.QueueTreePanel;
import org.mqscope.ui.status.StatusBar;

import javax.swing.SwingUtilities;
import java.awt.Component;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.prefs.Preferences;

/**
 * The window as the queue panels see it ({@link QueueContext}); panels join the window's events through
 * {@link #add}, which first tells a late joiner what it missed. EDT only.
 */
final class QueueTools implements QueueContext, QueueView {
    private final IoExecutor io;
    private final MainController main;
    private final InspectorController inspector;
    private final QueueTreePanel queues;
    private final NoticeBar notice;
    private final StatusBar status;
    private final Preferences prefs;
    private final Component window;
    private final ViewFanOut followers;
    private final Map<Object, Duration> periodRequests = new IdentityHashMap<>();
    /** The last sampling pass of the backend in use, for views that join late; null before the first. */
    private SampleBatch lastBatch;

    QueueTools(IoExecutor io, MainController main, InspectorController inspector, QueueTreePanel queues,
               NoticeBar notice, StatusBar status, Preferences prefs, Component window, ViewFanOut followers) {
        this.io = io;
        this.main = main;
        this.inspector = inspector;
        this.queues = queues;
        this.notice = notice;
        this.status = status;
        this.prefs = prefs;
        this.window = window;
        this.followers = followers;
    }

    /**
     * {@code view} follows the window from now on. A view that joins late (a tab built when first shown) is told
     * the state it missed first: the backend in use, the mode, the selection and the last sampling pass.
     */
    void add(QueueView view) {
        assert SwingUtilities.isEventDispatchThread();
        followers.add(view);
        BackendKind kind = main.currentKind();
        if (kind != null) {
            view.backendChanged(kind);
        }
        view.readOnlyChanged(main.readOnly());
        String selected = inspector.queue();
        if (selected != null) {
            view.queueSelected(selected);
        }
        if (lastBatch != null) {
            view.sampled(lastBatch);
        }
    }

    // --- events from the window: only the last pass is kept, for views that join late ---------------------------

    @Override
    public void backendChanged(BackendKind kind) {
        lastBatch = null;
    }

    @Override
    public void sampled(SampleBatch batch) {
        lastBatch = batch;
    }

    // --- QueueContext -------------------------------------------------------------------------------------------

    @Override
    public IoExecutor io() {
        return io;
    }

    @Override
    public BackendKind kind() {
        return main.currentKind();
    }

    @Override
    public MqBackend backend() {
        return main.backend();
    }

    @Override
    public String titled(String queue) {
        return main.titled(queue);
    }

    @Override
    public boolean readOnly() {
        return main.readOnly();
    }

    @Override
    public String queue() {
        return inspector.queue();
    }

    @Override
    public void selectQueue(String name) {
        main.selectWhenListed(name);
    }

    @Override
    public void selectMessage(String queue, java.util.function.Predicate<org.mqscope.mq.MqMessage> which) {
        assert SwingUtilities.isEventDispatchThread();
        inspector.selectMessageWhenShown(queue, which);
        if (!queue.equals(inspector.queue())) {
            main.selectWhenListed(queue);
        }
    }

    @Override
    public void queueChanged(String name) {
        assert SwingUtilities.isEventDispatchThread();
        inspector.queueChanged(name);
        main.sampleSoon();
    }

    @Override
    public void failed(String operation, Throwable failure) {
        Explanation why = ErrorText.explain(failure);
        notice.show(operation + " failed. " + why.headline(), MainController.joinLines(why.call(), why.detail()));
    }

    @Override
    public void info(String message) {
        status.setMessage(message);
    }

    @Override
    public Component window() {
        return window;
    }

    @Override
    public Preferences prefs(String panel) {
        return prefs.node(panel);
    }

    @Override
    public void requestSamplePeriod(Object asker, Duration periodOrNull) {
        assert SwingUtilities.isEventDispatchThread();
        if (periodOrNull == null) {
            periodRequests.remove(asker);
        } else {
            periodRequests.put(asker, periodOrNull);
        }
        Duration fastest = MainController.SAMPLE_PERIOD;
        for (Duration d : periodRequests.values()) {
            if (d.compareTo(fastest) < 0) {
                fastest = d;
            }
        }
        main.setSamplePeriod(fastest);
    }

    QueueTreePanel tree() {
        return queues;
    }
}
