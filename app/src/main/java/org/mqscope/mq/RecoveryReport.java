package org.mqscope.mq;

import java.util.List;

/**
 * What recovering drain-and-restore journals did: for each journal left behind (by a process that died mid-peek,
 * or by a peek whose queue others refilled), how many messages went back into their queue and how many are still
 * kept, and why.
 */
public record RecoveryReport(List<Entry> entries) {
    public static final RecoveryReport NOTHING = new RecoveryReport(List.of());

    public RecoveryReport {
        entries = List.copyOf(entries);
    }

    /**
     * @param journal  the journal file
     * @param queue    the queue the messages came from
     * @param restored messages that were missing from the queue and this recovery sent back
     * @param kept     messages still in the journal (the file is kept while this is above zero)
     * @param problem  why some are kept, in words with the errno and what to do; null when none are
     * @param requeued messages that were still in the queue (or that other programs sent meanwhile), which the
     *                 recovery took out and sent back after the missing ones so that the order stays as it was;
     *                 those not back yet are among {@code kept}
     */
    public record Entry(String journal, String queue, long restored, long kept, String problem, long requeued) {
        /** An entry of a journal whose recovery took nothing out of the queue. */
        public Entry(String journal, String queue, long restored, long kept, String problem) {
            this(journal, queue, restored, kept, problem, 0);
        }
    }

    /** True when every journal found was emptied. */
    public boolean complete() {
        return entries.stream().allMatch(e -> e.kept() == 0 && e.problem() == null);
    }

    public long restored() {
        return entries.stream().mapToLong(Entry::restored).sum();
    }

    public long kept() {
        return entries.stream().mapToLong(Entry::kept).sum();
    }

    /** Lines for a person: one per journal. */
    public List<String> describe() {
        return entries.stream().map(e -> {
            String head = "Restored " + e.restored() + (e.restored() == 1 ? " message" : " messages") + " into "
                    + e.queue() + " from a peek journal";
            if (e.requeued() > 0) {
                head += " (" + e.requeued() + (e.requeued() == 1 ? " message that was" : " messages that were")
                        + " still in the queue or sent meanwhile went out and back behind them, to keep the order)";
            }
            if (e.problem() == null) {
                return head + ".";
            }
            return head + "; " + e.kept() + " kept in " + e.journal() + ": " + e.problem();
        }).toList();
    }
}
