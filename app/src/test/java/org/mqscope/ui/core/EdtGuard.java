package org.mqscope.ui.core;

import org.mqscope.mq.Mq;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqQueue;

import javax.swing.SwingUtilities;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test-only: a backend whose every call (and every call on a queue it opened) fails when made on the EDT, since
 * a kernel call there can freeze the window; and a send or receive without a deadline on a descriptor in blocking
 * mode fails too, since nothing could end it. A dynamic proxy over every interface the backend implements (so
 * {@code instanceof JournalRecovery} still holds, and a method the contract gains later is guarded too). The
 * failure is thrown to the caller and also kept, so a caller that swallows it still fails the test.
 */
public final class EdtGuard {
    private static final Set<String> UNTIMED = Set.of("send", "receive");
    private final List<String> violations = new CopyOnWriteArrayList<>();

    /** {@code backend}, guarded. */
    public MqBackend wrap(MqBackend backend) {
        return (MqBackend) guard(backend);
    }

    /** A factory whose backends are guarded. */
    public BackendFactory wrap(BackendFactory factory) {
        return kind -> wrap(factory.create(kind));
    }

    /** Calls made on the EDT so far: "MqBackend.list", "MqQueue.snapshot"... */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    private Object guard(Object target) {
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            interfaces.addAll(List.of(c.getInterfaces()));
        }
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() != Object.class && SwingUtilities.isEventDispatchThread()) {
                String call = method.getDeclaringClass().getSimpleName() + "." + method.getName();
                violations.add(call);
                throw new AssertionError(call + " called on the EDT: backend calls belong on a worker thread");
            }
            if (target instanceof MqQueue q && UNTIMED.contains(method.getName())
                    && (q.getAttributes().flags() & Mq.O_NONBLOCK) == 0) {
                String call = "MqQueue." + method.getName() + " without a deadline on a blocking descriptor";
                violations.add(call);
                throw new AssertionError(call + ": it could wait forever; use the timed call or O_NONBLOCK");
            }
            try {
                Object result = method.invoke(target, args);
                return result instanceof MqQueue || result instanceof MqBackend ? guard(result) : result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return Proxy.newProxyInstance(EdtGuard.class.getClassLoader(), new ArrayList<>(interfaces)
                .toArray(Class<?>[]::new), handler);
    }
}
