package org.mqscope.mq.kernel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.PeekMethod;
import org.mqscope.mq.PeekResult;
import org.mqscope.mq.PeekResult.DrainReport;
import org.mqscope.mq.PeekRisks;
import org.mqscope.mq.PeekSupport;
import org.mqscope.mq.ProcessRef;
import org.mqscope.mq.StatusLine;
import org.mqscope.mq.kernel.journal.Journal;

/**
 * Peek on a stock kernel: drain every message into a journal on disk and send them back in the same order, on a
 * descriptor of our own (O_RDWR|O_NONBLOCK, reopened from the caller's so it is the same queue). Honest about what
 * it does: the caller learns the risks beforehand and what happened afterwards, and a journal that could not be
 * emptied stays on disk for {@link JournalRestorer} to finish.
 */
final class DrainRestorePeek implements PeekStrategy {
    private final Path journalDirectory;
    private volatile Duration restorePatience = DrainRestore.RESTORE_PATIENCE;
    /** Why the exact peek is not used instead, when this is the fallback; null when chosen on purpose. */
    private volatile String whyNotExact;

    DrainRestorePeek(Path journalDirectory) {
        this.journalDirectory = journalDirectory;
    }

    /** How long a restore waits for room in a queue others keep full; tests shorten it. */
    void restorePatience(Duration patience) {
        restorePatience = patience;
    }

    Duration restorePatience() {
        return restorePatience;
    }

    /** Makes this the fallback of an exact peek that cannot run, for this reason (shown with the method). */
    void fallbackFor(String whyNotExact) {
        this.whyNotExact = whyNotExact;
    }

    @Override
    public PeekMethod method() {
        return PeekMethod.DRAIN_RESTORE;
    }

    @Override
    public PeekSupport support(KernelQueue queue) {
        if (!queue.isOpen()) {
            return PeekSupport.unavailable(method(), "EBADF: the descriptor of " + queue.name() + " is closed");
        }
        if (!Mq.canRead(queue.oflag())) {
            return PeekSupport.unavailable(method(), "EBADF: " + queue.name() + " is open without read access; peek"
                    + " needs it");
        }
        // access(2) on the queue's inode, not a trial open: closing any descriptor of the queue would remove a
        // notification this process registered on it.
        if (!queue.writableByUs()) {
            return PeekSupport.unavailable(method(), "EACCES: you lack write permission on " + queue.name()
                    + "; drain-and-restore needs read+write (O_RDWR)");
        }
        return whyNotExact == null ? PeekSupport.available(method()) : PeekSupport.fallback(method(), whyNotExact);
    }

    @Override
    public PeekRisks risks(KernelQueue queue) throws MqException {
        MqAttributes a = queue.getAttributes();
        StatusLine s = StatusLine.parse(queue.statusText());
        ProcessRef owner = s.notifyPid() != 0 ? ProcessRef.of(s.notifyPid()) : null;
        List<ProcessRef> openers = queue.openers();
        return new PeekRisks(owner, a.currentMessages() >= a.maxMessages(), openers);
    }

    @Override
    public PeekResult snapshot(KernelQueue queue) throws MqException {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        try (PrivateDescriptor d = openFor(queue)) {
            MqAttributes before = d.attributes();
            StatusLine statusBefore = d.status();
            Journal journal = createJournal(d, before, statusBefore);
            DrainRestore engine = new DrainRestore(d, journal);
            long drained = 0;
            long foundBeforeRestore = 0;
            long restored = 0;
            try {
                try {
                    drained = engine.drain(before.currentMessages() + before.maxMessages(), statusBefore.qsize());
                } finally {
                    // Whatever happened in the drain, what was taken goes back.
                    foundBeforeRestore = d.attributes().currentMessages();
                    restored = engine.restore(restorePatience);
                }
                // Drain order is not receive order when a blocked sender slipped a message in mid-drain: the queue
                // now holds what went back, sorted by the kernel as it was sent back in; the rest waits in the journal.
                List<MqMessage> drainedInOrder = journal.messages();
                List<MqMessage> messages = PeekResult.receiveOrder(drainedInOrder.subList(0, (int) restored));
                List<MqMessage> held = drainedInOrder.subList((int) restored, drainedInOrder.size());
                long unrestored = journal.recordCount() - restored;
                StatusLine after = d.status();
                String kept = null;
                if (unrestored == 0) {
                    journal.delete();
                } else {
                    kept = journal.file().toString();
                }
                DrainReport report = new DrainReport(before.currentMessages(), drained, restored,
                        Math.max(0, drained - before.currentMessages()) + foundBeforeRestore,
                        Math.max(0, before.currentMessages() - drained),
                        statusBefore.notifyPid() != 0 && after.notifyPid() == 0, unrestored, kept, held);
                return new PeekResult(messages, method(), before, start, Duration.ofNanos(System.nanoTime() - t0),
                        report);
            } catch (IOException e) {
                throw new MqException(Errno.EIO, "peek", queue.name(), "the journal " + journal.file()
                        + " failed (" + e.getMessage() + "); what it holds is restored by mqscope --recover");
            } finally {
                closeQuietly(journal);
            }
        }
    }

    private PrivateDescriptor openFor(KernelQueue queue) throws MqException {
        PeekSupport s = support(queue);
        if (!s.available()) {
            Errno errno = s.reason().startsWith("EACCES") ? Errno.EACCES : Errno.EBADF;
            throw new MqException(errno, "peek", queue.name(), s.reason());
        }
        return PrivateDescriptor.reopen(queue, "peek");
    }

    private Journal createJournal(PrivateDescriptor d, MqAttributes a, StatusLine s) throws MqException {
        try {
            return Journal.create(journalDirectory, d.name, d.mode(), a.maxMessages(), a.messageSize(),
                    a.currentMessages(), s.qsize());
        } catch (IOException e) {
            throw new MqException(Errno.EIO, "peek", d.name, "cannot write the peek journal in " + journalDirectory
                    + " (" + e.getMessage() + "); nothing was taken from the queue");
        }
    }

    private static void closeQuietly(Journal journal) {
        try {
            journal.close();
        } catch (IOException e) {
            // Every store went into the shared mapping, so the file holds it whether or not the close succeeds.
        }
    }
}
