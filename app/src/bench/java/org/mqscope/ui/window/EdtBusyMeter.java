package org.mqscope.ui.window;

import java.awt.AWTEvent;
import java.awt.EventQueue;
import java.awt.Toolkit;

/**
 * Time the event dispatch thread spends dispatching events (painting included: repaints are events too), as a
 * share of wall-clock time between {@link #start()} and {@link #busyPercent()}. Installed once, for the whole JVM.
 */
final class EdtBusyMeter extends EventQueue {
    private volatile long busyNanos;
    private volatile long startedNanos;
    private volatile long startBusy;

    static EdtBusyMeter install() {
        EdtBusyMeter meter = new EdtBusyMeter();
        Toolkit.getDefaultToolkit().getSystemEventQueue().push(meter);
        return meter;
    }

    @Override
    protected void dispatchEvent(AWTEvent event) {
        long t0 = System.nanoTime();
        try {
            super.dispatchEvent(event);
        } finally {
            busyNanos += System.nanoTime() - t0; // written by the EDT only
        }
    }

    void start() {
        startBusy = busyNanos;
        startedNanos = System.nanoTime();
    }

    double busyPercent() {
        return 100.0 * (busyNanos - startBusy) / (System.nanoTime() - startedNanos);
    }
}
