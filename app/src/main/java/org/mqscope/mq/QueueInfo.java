package org.mqscope.mq;

/**
 * What {@code ls -l /dev/mqueue} and the queue's status line tell about one queue, without opening it.
 *
 * @param name         with the leading slash, as mq_open(3) takes it
 * @param qsize        bytes of payload currently stored (QSIZE); -1 when the status file cannot be read (another
 *                     user's queue without read permission), in which case the notify fields are 0 as well
 * @param notifyMethod NOTIFY: sigev_notify of the registration, 0 when none (SIGEV_SIGNAL is also 0)
 * @param signo        SIGNO: the signal of a SIGEV_SIGNAL registration, else 0
 * @param notifyPid    NOTIFY_PID: the registered process, 0 when none
 * @param mode         permission bits (07777 part of st_mode)
 */
public record QueueInfo(String name, long qsize, int notifyMethod, int signo, int notifyPid, int mode, int uid,
                        int gid) {

    /** False when the queue's status line could not be read, so QSIZE and the notify fields are unknown. */
    public boolean statusKnown() {
        return qsize >= 0;
    }

    /** True when a process is registered for notification (NOTIFY_PID is the only field that tells). */
    public boolean hasNotification() {
        return notifyPid != 0;
    }
}
