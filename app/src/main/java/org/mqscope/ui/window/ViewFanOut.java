package org.mqscope.ui.window;

import org.mqscope.monitor.SampleBatch;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.QueueView;

import javax.swing.SwingUtilities;
import java.util.ArrayList;
import java.util.List;

/**
 * The window's events (backend, mode, selection, samples) passed on to everything that follows them, in the order
 * they joined: the inspector first, then the tool panels. Made before the controllers, so each is built complete
 * with what it talks to, instead of being handed its partners later. EDT only.
 */
final class ViewFanOut implements QueueView {
    private final List<QueueView> views = new ArrayList<>();

    void add(QueueView view) {
        assert SwingUtilities.isEventDispatchThread();
        views.add(view);
    }

    @Override
    public void backendChanged(BackendKind kind) {
        views.forEach(v -> v.backendChanged(kind));
    }

    @Override
    public void readOnlyChanged(boolean readOnly) {
        views.forEach(v -> v.readOnlyChanged(readOnly));
    }

    @Override
    public void queueSelected(String nameOrNull) {
        views.forEach(v -> v.queueSelected(nameOrNull));
    }

    @Override
    public void sampled(SampleBatch batch) {
        views.forEach(v -> v.sampled(batch));
    }
}
