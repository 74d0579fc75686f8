package org.mqscope.mq.emulated;

/**
 * What a SIGEV_SIGNAL notification would deliver in the emulation (siginfo with si_code SI_MESGQ).
 *
 * @param queue     the queue that went from empty to non-empty
 * @param signo     the registered signal
 * @param value     sigev_value
 * @param senderPid si_pid: the process whose send fired the notification
 * @param senderUid si_uid: its real uid
 */
public record DeliveredSignal(String queue, int signo, int value, int senderPid, int senderUid) {
}
