package org.mqscope.ui;

import java.awt.Component;
import java.time.Duration;
import java.util.prefs.Preferences;
import java.util.List;
import java.util.prefs.BackingStoreException;
import org.mqscope.mq.MqBackend;
import org.mqscope.ui.charts.ChartsPanel;

/** The charts panel as the benchmark runs it: a bare context on one backend, sampled by the benchmark at 10 Hz. */
final class ChartsLoad {

    private ChartsLoad() {
    }

    /**
     * A new panel drawing at 10 Hz, on the EDT: the overview of {@code queues}, or the selected queue. The settings go
     * in through the panel's preferences, as a user's would.
     */
    static ChartsPanel create(QueueContext context, boolean overview, List<String> queues)
            throws BackingStoreException {
        Preferences prefs = context.prefs("charts");
        prefs.clear();
        prefs.putInt("rate", 10);
        prefs.put("view", overview ? "overview" : "selected");
        prefs.put("queues", String.join("\n", queues));
        return new ChartsPanel(context);
    }

    /** What a panel under test may ask of the window: a bare context on one backend, sampled by the benchmark. */
    static QueueContext context(IoExecutor io, MqBackend backend, Component window, String queue) {
        Preferences prefs = Preferences.userRoot().node("org/mqscope/bench/" + ProcessHandle.current().pid());
        return new QueueContext() {
            @Override
            public IoExecutor io() {
                return io;
            }

            @Override
            public BackendKind kind() {
                return BackendKind.EMULATED;
            }

            @Override
            public MqBackend backend() {
                return backend;
            }

            @Override
            public boolean readOnly() {
                return false;
            }

            @Override
            public String queue() {
                return queue;
            }

            @Override
            public void selectQueue(String name) {
            }

            @Override
            public void queueChanged(String name) {
            }

            @Override
            public void failed(String operation, Throwable failure) {
                System.err.println("charts: " + operation + " failed: " + failure);
            }

            @Override
            public void info(String message) {
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
                // the benchmark samples at 10 Hz whatever the panel asks
            }
        };
    }
}
