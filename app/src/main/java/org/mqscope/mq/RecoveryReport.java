package org.mqscope.mq;

import java.util.List;

/**
 * What recovering journals did: for each journal left behind (by a process that died mid-peek, mid-move or
 * mid-recreate, or by an operation whose queue others refilled), what it was kept for, how many messages went
 * back into their queue and how many are still kept, and why.
 */
public record RecoveryReport(List<Entry> entries) {
    public static final RecoveryReport NOTHING = new RecoveryReport(List.of());

    public RecoveryReport {
        entries = List.copyOf(entries);
    }

    /**
     * What a journal was kept for, as far as the journal tells: the operation and its queues.
     *
     * @param kind   the operation, {@link Kind#UNKNOWN} when the journal could not be read
     * @param source the queue the messages were taken from (null when unknown)
     * @param target where they were going: a move's or selection move's other queue, else null
     */
    public record Origin(Kind kind, String source, String target) {
        public enum Kind { PEEK, RECREATE, MOVE, SELECTION_MOVE, UNKNOWN }

        public static final Origin UNKNOWN = new Origin(Kind.UNKNOWN, null, null);

        public static Origin peek(String queue) {
            return new Origin(Kind.PEEK, queue, null);
        }

        public static Origin recreate(String queue) {
            return new Origin(Kind.RECREATE, queue, null);
        }

        public static Origin move(String source, String target) {
            return new Origin(Kind.MOVE, source, target);
        }

        public static Origin selectionMove(String source, String target) {
            return new Origin(Kind.SELECTION_MOVE, source, target);
        }

        /** "the journal of a move from /a to /b", or "a journal" where the journal did not say. */
        public String journalWords() {
            return switch (kind) {
                case PEEK -> "the journal of a peek of " + source;
                case RECREATE -> "the journal of a recreate of " + source;
                case MOVE -> "the journal of a move from " + source + " to " + target;
                case SELECTION_MOVE -> "the journal of a move of selected messages from " + source + " to " + target;
                case UNKNOWN -> "a journal";
            };
        }
    }

    /**
     * @param journal  the journal file
     * @param origin   what the journal was kept for
     * @param queue    the queue the messages go back (or on) into
     * @param restored messages that were missing from the queue and this recovery sent back
     * @param kept     messages still in the journal (the file is kept while this is above zero)
     * @param problem  why some are kept, in words with the errno and what to do; null when none are
     * @param requeued messages that were still in the queue (or that other programs sent meanwhile), which the
     *                 recovery took out and sent back after the missing ones so that the order stays as it was;
     *                 those not back yet are among {@code kept}
     */
    public record Entry(String journal, Origin origin, String queue, long restored, long kept, String problem,
                        long requeued) {
        public Entry {
            origin = origin == null ? Origin.UNKNOWN : origin;
        }

        /** An entry of a journal whose recovery took nothing out of the queue. */
        public Entry(String journal, Origin origin, String queue, long restored, long kept, String problem) {
            this(journal, origin, queue, restored, kept, problem, 0);
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
                    + e.queue() + " from " + e.origin().journalWords();
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
