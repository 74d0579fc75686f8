package org.mqscope.ui.core;

import javax.swing.JComponent;
import javax.swing.RepaintManager;
import javax.swing.SwingUtilities;
import java.util.ArrayList;
import java.util.List;

/**
 * Catches Swing components touched off the EDT: every invalidate or dirty region Swing reports outside the EDT is
 * recorded and thrown. Recording matters because the offending thread may swallow the exception (mq-io hands
 * failures to the UI), so tests assert {@link #violations()} is empty at the end.
 * <p>
 * {@code repaint()} called directly (not from inside Swing) is allowed: Swing documents it as thread-safe.
 */
public final class ThreadCheckingRepaintManager extends RepaintManager {
    private final List<IllegalStateException> violations = new ArrayList<>();

    private ThreadCheckingRepaintManager() {
    }

    /** Installs a fresh checker as the current RepaintManager (for every thread). */
    public static ThreadCheckingRepaintManager install() {
        ThreadCheckingRepaintManager m = new ThreadCheckingRepaintManager();
        RepaintManager.setCurrentManager(m);
        return m;
    }

    /** Puts back Swing's own manager. */
    public static void uninstall() {
        RepaintManager.setCurrentManager(null);
    }

    public synchronized List<IllegalStateException> violations() {
        return List.copyOf(violations);
    }

    public synchronized void clear() {
        violations.clear();
    }

    @Override
    public synchronized void addInvalidComponent(JComponent c) {
        check(c);
        super.addInvalidComponent(c);
    }

    @Override
    public void addDirtyRegion(JComponent c, int x, int y, int w, int h) {
        check(c);
        super.addDirtyRegion(c, x, y, w, h);
    }

    private void check(JComponent c) {
        if (SwingUtilities.isEventDispatchThread() || isDirectRepaint()) {
            return;
        }
        IllegalStateException e = new IllegalStateException("Swing touched off the EDT on thread '"
                + Thread.currentThread().getName() + "': " + c.getClass().getName() + " " + c.getName());
        synchronized (this) {
            violations.add(e);
        }
        throw e;
    }

    /** True when the nearest repaint() on the stack was called by code outside Swing and AWT. */
    private static boolean isDirectRepaint() {
        StackTraceElement[] stack = Thread.currentThread().getStackTrace();
        for (int i = 0; i < stack.length; i++) {
            if ("repaint".equals(stack[i].getMethodName())) {
                int caller = i;
                while (caller < stack.length && "repaint".equals(stack[caller].getMethodName())) {
                    caller++; // repaint overloads call each other; the caller is the first other frame
                }
                if (caller == stack.length) {
                    return false;
                }
                String name = stack[caller].getClassName();
                return !name.startsWith("javax.swing.") && !name.startsWith("java.awt.");
            }
        }
        return false;
    }
}
