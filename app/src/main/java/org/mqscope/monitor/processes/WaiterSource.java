package org.mqscope.monitor.processes;

/**
 * Where the blocked senders and receivers came from. A reader that walks the kernel's own wait lists (exact, and
 * in wake-up order) would be one more source; the scanner takes whichever {@link WaiterReader} it is given.
 */
public enum WaiterSource {
    /**
     * Each thread's /proc/PID/task/TID/syscall: a thread sitting in mq_timedsend/mq_timedreceive on a descriptor
     * of the queue. Sees only processes whose /proc this user may read; says nothing about wake-up order.
     */
    PROC_SYSCALL("/proc/PID/task/TID/syscall", false),
    /** The emulation's own wait lists: exact, and in wake-up order. */
    EMULATION("the emulation's wait lists", true);

    private final String description;
    private final boolean wakeUpOrder;

    WaiterSource(String description, boolean wakeUpOrder) {
        this.description = description;
        this.wakeUpOrder = wakeUpOrder;
    }

    public String description() {
        return description;
    }

    /** True when the waiters are listed in the order the queue will serve them. */
    public boolean wakeUpOrder() {
        return wakeUpOrder;
    }
}
