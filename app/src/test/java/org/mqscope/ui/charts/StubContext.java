package org.mqscope.ui.charts;

import java.awt.Component;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.prefs.Preferences;

import org.mqscope.mq.MqBackend;
import org.mqscope.ui.BackendKind;
import org.mqscope.ui.IoExecutor;
import org.mqscope.ui.QueueContext;

/** A window that only remembers what the panel asked of it. */
final class StubContext implements QueueContext {
    final Preferences prefs;
    final Map<Object, Duration> requests = new IdentityHashMap<>();

    StubContext(Preferences prefs) {
        this.prefs = prefs;
    }

    @Override
    public IoExecutor io() {
        throw new UnsupportedOperationException("the charts make no backend calls");
    }

    @Override
    public BackendKind kind() {
        return BackendKind.EMULATED;
    }

    @Override
    public MqBackend backend() {
        return null;
    }

    @Override
    public boolean readOnly() {
        return false;
    }

    @Override
    public String queue() {
        return null;
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
        return null;
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
