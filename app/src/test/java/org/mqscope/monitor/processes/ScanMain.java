package org.mqscope.monitor.processes;

/** Scans once for one queue and prints what a user would be shown; run by tests as another user. */
public final class ScanMain {
    private ScanMain() {
    }

    public static void main(String[] args) {
        QueueUsage u = ProcessScanner.of(ProcScanner.system()).scan(args[0]);
        System.out.println("HOLDERS " + u.of(Role.HOLDER).stream().map(h -> Integer.toString(h.pid())).toList());
        System.out.println("COMPLETE " + u.visibility().complete());
        System.out.println("NOTE " + u.visibility().note());
    }
}
