package org.mqscope.ui.core;

import org.mqscope.mq.MqBackend;

import java.awt.Component;
import java.time.Duration;
import java.util.prefs.Preferences;

/**
 * What a panel about queues (composer, attributes, charts, traffic) may ask of the window. EDT only; backend calls
 * go through {@link #io()}.
 */
public interface QueueContext {

    /** The one executor for backend calls (mq-io); its follow-ups run on the EDT. */
    IoExecutor io();

    /** The backend in use, or null before one has started. */
    BackendKind kind();

    /** The backend calls go through: in read-only mode its guard, which refuses every change with EROFS. */
    MqBackend backend();

    /** Read-only mode is on: panels disable what would change a queue. */
    boolean readOnly();

    /** The queue selected in the tree, or null. */
    String queue();

    /**
     * A queue's name as a panel's title shows it: with the IPC namespace it is in when that is not the host's
     * ("/orders — in docker 0123456789ab (ipc:[4026532177])").
     */
    default String titled(String queue) {
        return queue;
    }

    /** Selects {@code name} in the tree once the listing shows it (e.g. a queue just created). */
    void selectQueue(String name);

    /** The user changed {@code name}: sample again soon, and peek again where peeks are live. */
    void queueChanged(String name);

    /** A non-modal notice: "{@code operation} failed", the errno in words and what to do. */
    void failed(String operation, Throwable failure);

    /** A line in the status bar. */
    void info(String message);

    /** Parent for dialogs. */
    Component window();

    /** Where a panel keeps its settings between runs (a node of its own under the window's preferences). */
    Preferences prefs(String panel);

    /**
     * Shows {@code queue} in the message table (selecting it in the tree) and selects the first message there that
     * {@code which} accepts, once a peek shows it; a message no longer queued selects nothing. For panels that
     * point at a message, such as the activity timeline.
     */
    default void selectMessage(String queue, java.util.function.Predicate<org.mqscope.mq.MqMessage> which) {
    }

    /**
     * Samples every queue at least every {@code period} while the asker needs it (charts shown); null gives the
     * request back. The tree's own rate applies when nobody asks for more.
     */
    void requestSamplePeriod(Object asker, Duration periodOrNull);
}
