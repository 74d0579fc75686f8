package org.mqscope.ui.charts;

import java.awt.Component;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.prefs.Preferences;

import org.mqscope.mq.MqBackend;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.IoExecutor;
import org.mqscope.ui.core.QueueContext;

/**
 * A window that only remembers what the panel asked of it. No backend, window or selected queue unless given: the
 * benchmarks in src/bench (test sources under the {@code bench} profile) give theirs.
 */
public final class StubContext implements QueueContext {
    final Preferences prefs;
    final Map<Object, Duration> requests = new IdentityHashMap<>();
    private final IoExecutor io;
    private final MqBackend backend;
    private final Component window;
    private final String queue;

    public StubContext(Preferences prefs) {
        this(prefs, null, null, null, null);
    }

    /** On {@code backend} through {@code io}, {@code queue} selected; nulls for what the panel does not use. */
    public StubContext(Preferences prefs, IoExecutor io, MqBackend backend, Component window, String queue) {
        this.prefs = prefs;
        this.io = io;
        this.backend = backend;
        this.window = window;
        this.queue = queue;
    }

    @Override
    public IoExecutor io() {
        if (io == null) {
            throw new UnsupportedOperationException("the charts make no backend calls");
        }
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
        throw new AssertionError(operation, failure);
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
        if (periodOrNull == null) {
            requests.remove(asker);
        } else {
            requests.put(asker, periodOrNull);
        }
    }
}
