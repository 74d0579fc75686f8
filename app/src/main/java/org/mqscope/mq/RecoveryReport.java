package org.mqscope.mq;

import java.util.List;

/**
 * What recovering interrupted drain-and-restore peeks did: for each journal left behind by a process that died
 * mid-peek, how many messages went back into their queue and how many are still kept, and why.
 */
public record RecoveryReport(List<Entry> entries) {
    public static final RecoveryReport NOTHING = new RecoveryReport(List.of());

    public RecoveryReport {
        entries = List.copyOf(entries);
    }

    /**
     * @param journal  the journal file
     * @param queue    the queue the messages came from
     * @param restored messages sent back by this recovery
     * @param kept     messages still in the journal (the file is kept while this is above zero)
     * @param problem  why some are kept, in words with the errno and what to do; null when none are
     */
    public record Entry(String journal, String queue, long restored, long kept, String problem) {
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
                    + e.queue() + " from an interrupted peek";
            if (e.problem() == null) {
                return head + ".";
            }
            return head + "; " + e.kept() + " kept in " + e.journal() + ": " + e.problem();
        }).toList();
    }
}
