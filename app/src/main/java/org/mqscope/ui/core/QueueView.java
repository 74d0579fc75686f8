package org.mqscope.ui.core;

import org.mqscope.monitor.SampleBatch;

/** A panel that follows the window: backend, read-only mode, selected queue, samples. Every call on the EDT. */
public interface QueueView {

    /** Another backend is in use (or the first one started); nothing is selected yet. */
    default void backendChanged(BackendKind kind) {
    }

    default void readOnlyChanged(boolean readOnly) {
    }

    /** The tree's selection changed; null: no queue selected. */
    default void queueSelected(String nameOrNull) {
    }

    /** A sampling pass of the backend in use. */
    default void sampled(SampleBatch batch) {
    }
}
