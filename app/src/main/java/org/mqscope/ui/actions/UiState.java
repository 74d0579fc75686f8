package org.mqscope.ui.actions;

import org.mqscope.mq.PeekMethod;
import org.mqscope.ui.core.BackendKind;

/**
 * What the enabled rules of the actions look at. Immutable; the controller publishes a new one on every change.
 *
 * @param backend       the backend in use, or null before one has started
 * @param readOnly      read-only mode is on
 * @param queue         the selected queue's name, or null
 * @param peekMethod    how the selected queue is peeked (from its peekSupport()), or null while unknown
 * @param messageShown  the detail pane shows a message (something to copy)
 * @param readOnlyLocked started with --read-only: read-only mode stays on until the program ends
 */
public record UiState(BackendKind backend, boolean readOnly, String queue, PeekMethod peekMethod,
                      boolean messageShown, boolean readOnlyLocked) {
    public static final UiState INITIAL = new UiState(null, false, null, null, false, false);

    public boolean queueSelected() {
        return backend != null && queue != null;
    }

    /** Changing a queue is allowed: a queue is selected and read-only mode is off. */
    public boolean mayChange() {
        return queueSelected() && !readOnly;
    }

    /** A peek of the selected queue is possible: exact anywhere, drain-and-restore only outside read-only mode. */
    public boolean mayPeek() {
        return queueSelected() && (peekMethod == PeekMethod.EXACT || !readOnly);
    }

    public UiState withBackend(BackendKind b) {
        return new UiState(b, readOnly, null, null, false, readOnlyLocked);
    }

    public UiState withReadOnly(boolean r) {
        return new UiState(backend, r, queue, peekMethod, messageShown, readOnlyLocked);
    }

    public UiState withQueue(String q, PeekMethod m) {
        return new UiState(backend, readOnly, q, m, false, readOnlyLocked);
    }

    public UiState withPeekMethod(PeekMethod m) {
        return new UiState(backend, readOnly, queue, m, messageShown, readOnlyLocked);
    }

    public UiState withMessageShown(boolean shown) {
        return new UiState(backend, readOnly, queue, peekMethod, shown, readOnlyLocked);
    }

    /** Read-only mode for good (--read-only): on, and the toggle off. */
    public UiState lockedReadOnly() {
        return new UiState(backend, true, queue, peekMethod, messageShown, true);
    }
}
