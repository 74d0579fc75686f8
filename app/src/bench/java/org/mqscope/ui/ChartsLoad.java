package org.mqscope.ui;

import java.awt.Component;
import java.lang.reflect.Constructor;
import java.time.Duration;
import java.util.prefs.Preferences;
import javax.swing.JPanel;
import org.mqscope.mq.MqBackend;

/**
 * The charts panel, found by name so that the benchmarks build before it exists: {@code
 * org.mqscope.ui.charts.ChartsPanel}, a JPanel and a {@link QueueView}, made with a {@code (QueueContext)} or a
 * no-argument constructor. When the panel's constructor is different, this is the one place to change.
 */
final class ChartsLoad {
    static final String CLASS = "org.mqscope.ui.charts.ChartsPanel";

    private ChartsLoad() {
    }

    /** Null when the class is not on the class path (the charts have not been merged). */
    static Class<?> find() {
        try {
            return Class.forName(CLASS);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** A new panel, on the EDT. */
    static JPanel create(Class<?> type, QueueContext context) throws ReflectiveOperationException {
        for (Constructor<?> c : type.getConstructors()) {
            Class<?>[] p = c.getParameterTypes();
            if (p.length == 1 && p[0] == QueueContext.class) {
                return (JPanel) c.newInstance(context);
            }
        }
        return (JPanel) type.getConstructor().newInstance();
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
