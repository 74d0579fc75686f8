package org.mqscope.mq;

/**
 * A backend that journals messages to disk while it holds them (the kernel's drain-and-restore peek, recreate and
 * move) and can put back what a process killed mid-way left in its journals. Recovery is idempotent: a message is never restored twice.
 */
public interface JournalRecovery {

    /**
     * Restores every journal of this user that no running peek holds. A send that was under way when the peek
     * died is counted as done or not from the queue's curmsgs and QSIZE; when the queue has changed too much to
     * tell, the message stays in the journal unless {@code includeInDoubt} says to send it anyway.
     */
    RecoveryReport recover(boolean includeInDoubt);

    /** Journals of this user waiting to be recovered (including any a running peek holds). */
    int pendingJournals();
}
