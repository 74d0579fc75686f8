package org.mqscope.monitor.processes;

import java.util.Comparator;

/**
 * One process or thread using a queue, in one {@link Role}. A process holding two descriptors is two holders; a
 * thread blocked in a call is a waiter besides its process's holder row.
 *
 * @param role        what it is to the queue
 * @param pid         the process (thread-group) id
 * @param tid         the blocked thread's id for a waiter, else 0
 * @param command     /proc/PID/comm (the emulation: the thread's name), null when gone or unreadable
 * @param commandLine /proc/PID/cmdline with spaces between the arguments, null when unreadable or empty
 * @param uid         real uid of the process, -1 when unknown
 * @param user        "1000 (alice)", or "1000" when the uid has no name, or null when unknown
 * @param fd          the descriptor number (the waiter's descriptor, the holder's), -1 when none or unknown
 * @param mode        the descriptor's open mode, null for a notify owner
 * @param size        for a blocked sender the message length; for a blocked receiver its buffer length; else -1
 * @param priority    for a blocked sender the message priority, else -1
 * @param timed       for a waiter: it has a deadline (mq_timedsend/mq_timedreceive with a timeout)
 * @param self        mqscope's own watching: on the kernel this process (its sampler holds every queue open), in the
 *                    emulation the sampler's descriptors; shown, but not counted as someone else using the queue
 */
public record QueueUser(Role role, int pid, int tid, String command, String commandLine, int uid, String user,
                        int fd, OpenMode mode, long size, int priority, boolean timed, boolean self) {

    /** Holders first, then blocked senders, blocked receivers and the notify owner; by pid, tid and fd within. */
    public static final Comparator<QueueUser> ORDER = Comparator.comparing(QueueUser::role)
            .thenComparingInt(QueueUser::pid).thenComparingInt(QueueUser::tid).thenComparingInt(QueueUser::fd);

    /** This JVM's pid: on the kernel its descriptors are mqscope's own. */
    static final int SELF_PID = (int) ProcessHandle.current().pid();

    static QueueUser holder(ProcessInfo p, int fd, OpenMode mode) {
        return new QueueUser(Role.HOLDER, p.pid(), 0, p.command(), p.commandLine(), p.uid(), p.user(), fd, mode,
                -1, -1, false, p.pid() == SELF_PID);
    }

    /** The command, or "pid N" when it could not be read. */
    public String commandOrPid() {
        return command == null ? "pid " + pid : command;
    }
}
