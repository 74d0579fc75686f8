package org.mqscope.ui.window;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import javax.swing.SwingUtilities;
import org.mqscope.monitor.QueueSample;
import org.mqscope.monitor.SampleBatch;
import org.mqscope.mq.JournalRecovery;
import org.mqscope.mq.MqBackend;
import org.mqscope.ui.core.ErrorText;
import org.mqscope.ui.core.IoExecutor;
import org.mqscope.ui.notice.NoticeBar;
import org.mqscope.ui.status.StatusBar;

/**
 * Messages the kernel backend's peeks, moves and recreates keep in journals (a crash, or a queue others refilled
 * while a drain and restore held its messages): put back when the window starts on the kernel or leaves read-only mode, on request,
 * and by themselves once a sampling pass shows their queue has room (at most every {@link #RETRY_PERIOD}); counted
 * and announced, never restored, in read-only mode. EDT only; the restores run on mq-io.
 */
final class HeldMessages {
    /** At most one automatic restore of held messages this often (each may wait for room on mq-io). */
    static final Duration RETRY_PERIOD = Duration.ofSeconds(10);

    private final IoExecutor io;
    private final StatusBar status;
    private final NoticeBar notice;
    private final Runnable sampleSoon;
    /** Queues whose messages wait in a journal (of a peek, move or recreate) because the queue was full. */
    private final Set<String> held = new HashSet<>();
    private boolean restoring;
    private long nextAutomaticRestore;

    HeldMessages(IoExecutor io, StatusBar status, NoticeBar notice, Runnable sampleSoon) {
        this.io = io;
        this.status = status;
        this.notice = notice;
        this.sampleSoon = sampleSoon;
    }

    /** A peek left messages of {@code queue} in its journal (the queue was full): put them back once it has room. */
    void heldIn(String queue) {
        assert SwingUtilities.isEventDispatchThread();
        held.add(queue);
    }

    /**
     * A sampling pass of {@code backend}, which may restore ({@code mayRestore}: the kernel, not read-only): when a
     * held queue now has room, and no restore ran in the last {@link #RETRY_PERIOD}, restore.
     */
    void sampled(SampleBatch batch, MqBackend backend, boolean mayRestore) {
        if (!mayRestore || held.isEmpty() || restoring || System.nanoTime() - nextAutomaticRestore < 0) {
            return;
        }
        for (String q : held) {
            QueueSample s = batch.find(q);
            if (s != null && s.attributesKnown() && s.currentMessages() < s.maxMessages()) {
                nextAutomaticRestore = System.nanoTime() + RETRY_PERIOD.toNanos();
                recover(backend);
                return;
            }
        }
    }

    /** Puts back what journals hold, and says so. */
    void recover(MqBackend backend) {
        if (!(backend instanceof JournalRecovery recovery) || restoring) {
            return;
        }
        restoring = true;
        io.run(() -> recovery.recover(false), report -> {
            restoring = false;
            held.clear();
            report.entries().stream().filter(e -> e.kept() > 0).forEach(e -> held.add(e.queue()));
            if (report.entries().isEmpty()) {
                status.setMessage("No held messages: no journal of a peek, move or recreate holds any.");
            } else if (report.complete()) {
                notice.showInfo("Restored messages kept in journals.", String.join("\n", report.describe()));
            } else {
                notice.show("Some messages are still held in journals; mqscope puts them back once their "
                        + "queue has room.", String.join("\n", report.describe()));
            }
            if (report.restored() + report.entries().stream().mapToLong(e -> e.requeued()).sum() > 0) {
                sampleSoon.run();
            }
        }, failure -> {
            restoring = false;
            notice.show("Restoring held messages failed. " + ErrorText.explain(failure).headline(),
                    ErrorText.explain(failure).fullText());
        });
    }

    /** Read-only mode sends nothing back: says how many journals wait instead. */
    void count(MqBackend backend) {
        if (!(backend instanceof JournalRecovery recovery)) {
            return;
        }
        io.run(recovery::pendingJournals, pending -> {
            if (pending > 0) {
                notice.show(pending + (pending == 1 ? " journal" : " journals")
                        + " of kernel peeks, moves or recreates hold messages to be restored.",
                        "Read-only mode sends nothing back. Run `mqscope --recover`, or leave read-only mode, to "
                                + "put the messages back into their queues.");
            }
        }, failure -> { });
    }
}
