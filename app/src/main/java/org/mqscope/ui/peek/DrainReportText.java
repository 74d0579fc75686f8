package org.mqscope.ui.peek;

import org.mqscope.mq.PeekResult;
import org.mqscope.mq.PeekResult.DrainReport;

import java.util.ArrayList;
import java.util.List;

/** A drain-and-restore peek's side effects in words, for the notice shown after a kernel peek. */
public final class DrainReportText {
    private DrainReportText() {
    }

    /** One headline sentence. */
    public static String headline(String queue, PeekResult r) {
        DrainReport d = r.drain();
        if (!d.complete()) {
            return "Peeked " + queue + " by drain and restore: " + count(d.unrestored())
                    + " could not be put back yet and " + (d.unrestored() == 1 ? "is" : "are") + " held in a journal.";
        }
        return "Peeked " + queue + " by drain and restore: " + count(d.drained()) + " drained and "
                + d.restored() + " restored.";
    }

    /** The details: arrivals, departures, a consumed notification, and what to do about a journal. */
    public static List<String> details(PeekResult r) {
        DrainReport d = r.drain();
        List<String> out = new ArrayList<>();
        out.add("The queue held " + count(d.countBefore()) + " when the peek began; it took "
                + r.elapsed().toMillis() + " ms.");
        if (d.arrived() > 0) {
            out.add(count(d.arrived()) + " arrived from other processes meanwhile and "
                    + (d.arrived() == 1 ? "is" : "are") + " among the restored ones (the order within a priority "
                    + "may have changed).");
        }
        if (d.departed() > 0) {
            out.add(count(d.departed()) + " left through other receivers while the queue was drained.");
        }
        if (d.notificationConsumed()) {
            out.add("A registered notification fired during the restore and its registration is gone; the "
                    + "registered process must call mq_notify again.");
        }
        if (!d.complete()) {
            out.add(count(d.unrestored()) + " could not be put back (others refilled the queue) and "
                    + (d.unrestored() == 1 ? "is" : "are") + " kept in " + d.journal()
                    + ". mqscope puts " + (d.unrestored() == 1 ? "it" : "them") + " back once the queue has room; "
                    + "Queue → Restore Held Messages tries at once. The table lists only what is in the queue.");
        }
        if (out.size() == 1 && d.complete()) {
            out.add("Nothing else changed as far as the peek could see.");
        }
        return out;
    }

    /** Something the user should act on or know disturbed others: a journal left, arrivals, a lost notification. */
    public static boolean worrying(PeekResult r) {
        DrainReport d = r.drain();
        return !d.complete() || d.arrived() > 0 || d.departed() > 0 || d.notificationConsumed();
    }

    static String count(long n) {
        return n + (n == 1 ? " message" : " messages");
    }
}
