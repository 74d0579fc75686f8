package org.mqscope.mq.kernel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.RecreateResult;
import org.mqscope.mq.RecreateRules;
import org.mqscope.mq.StatusLine;
import org.mqscope.mq.kernel.journal.Journal;

/**
 * Recreate on the kernel: drain the messages into a journal, check they fit the new attributes (else put them
 * back and refuse), mark the journal RECREATING with the new attributes, unlink, create, and restore into the new
 * queue. A creation the kernel refuses is answered by creating the queue again as it was. From the moment of the
 * unlink, a crash leaves a journal that recovery turns into the new queue (or the old one) with every message.
 */
final class Recreator {
    private final IpcTarget namespace;
    private final Path journalDirectory;
    private final Duration patience;

    Recreator(IpcTarget namespace, Path journalDirectory, Duration patience) {
        this.namespace = namespace;
        this.journalDirectory = journalDirectory;
        this.patience = patience;
    }

    RecreateResult recreate(String name, MqAttributes newAttrs) throws MqException {
        MqAttributes before;
        int mode;
        Journal journal;
        try (PrivateDescriptor d = PrivateDescriptor.open(namespace, name, "recreate")) {
            before = d.attributes();
            StatusLine status = d.status();
            mode = d.mode();
            journal = createJournal(name, mode, before, status, newAttrs);
            try {
                new DrainRestore(d, journal).drain(before.currentMessages(), status.qsize());
                MqException refusal = RecreateRules.refusal(name, journal.messages(), newAttrs);
                if (refusal != null) {
                    finish(journal, new DrainRestore(d, journal).restore(patience));
                    throw refusal;
                }
                journal.beginRecreate(newAttrs.maxMessages(), newAttrs.messageSize());
            } catch (IOException e) {
                throw journalFailure(name, journal, e);
            }
        } // our descriptor of the old queue is closed before the unlink, so it holds no RLIMIT charge
        try (journal) {
            try {
                namespace.unlink(name);
            } catch (MqException e) {
                putBack(name, journal);
                throw e;
            }
            PrivateDescriptor created;
            try {
                created = PrivateDescriptor.create(namespace, name, mode, newAttrs.maxMessages(), newAttrs.messageSize(),
                        "mq_open");
            } catch (MqException refused) {
                restoreAsItWas(name, mode, before, journal, refused);
                throw refused; // not reached: restoreAsItWas throws
            }
            try (created) {
                long restored = new DrainRestore(created, journal).restore(patience);
                long kept = finish(journal, restored);
                if (kept > 0) {
                    throw new MqException(Errno.EAGAIN, "recreate", name, kept + " messages could not go back"
                            + " (the new queue filled up) and wait in " + journal.file() + "; mqscope --recover"
                            + " sends them once there is room");
                }
                return new RecreateResult(restored, before, created.attributes());
            }
        } catch (IOException e) {
            throw journalFailure(name, journal, e);
        }
    }

    /** The kernel refused the new queue: create the old one again, give it its messages, report the refusal. */
    private void restoreAsItWas(String name, int mode, MqAttributes before, Journal journal, MqException refused)
            throws MqException, IOException {
        PrivateDescriptor again;
        try {
            again = PrivateDescriptor.create(namespace, name, mode, before.maxMessages(), before.messageSize(), "mq_open");
        } catch (MqException failedToo) {
            throw new MqException(refused.errno(), refused.operation(), name, "the kernel refused the new queue, "
                    + "and creating it again as it was failed too (" + failedToo.errno().name() + "); its "
                    + journal.recordCount() + " messages are safe in " + journal.file()
                    + "; mqscope --recover puts them back once the queue can be created");
        }
        long kept;
        try (again) {
            kept = finish(journal, new DrainRestore(again, journal).restore(patience));
        }
        throw new MqException(refused.errno(), refused.operation(), name, "the kernel refused the new queue ("
                + refused.errno().description() + "); " + name + " was created again as it was"
                + (kept == 0 ? ", with all its messages" : ", and " + kept + " messages wait in " + journal.file()
                + " for mqscope --recover"));
    }

    /** The unlink was refused: the old queue is still there, so its messages go back into it. */
    private void putBack(String name, Journal journal) throws MqException, IOException {
        try (PrivateDescriptor d = PrivateDescriptor.open(namespace, name, "recreate")) {
            finish(journal, new DrainRestore(d, journal).restore(patience));
        }
    }

    /** Deletes the journal when everything is back; returns how many messages it still holds. */
    private static long finish(Journal journal, long restored) throws IOException {
        long kept = journal.recordCount() - restored;
        if (kept == 0) {
            journal.delete();
        }
        return kept;
    }

    private Journal createJournal(String name, int mode, MqAttributes a, StatusLine s, MqAttributes newAttrs)
            throws MqException {
        try {
            return Journal.createRecreate(journalDirectory, name, mode, a.maxMessages(), a.messageSize(),
                    a.currentMessages(), s.qsize(), newAttrs.maxMessages(), newAttrs.messageSize());
        } catch (IOException e) {
            throw new MqException(Errno.EIO, "recreate", name, "cannot write the journal in " + journalDirectory
                    + " (" + e.getMessage() + "); nothing was changed");
        }
    }

    private static MqException journalFailure(String name, Journal journal, IOException e) {
        return new MqException(Errno.EIO, "recreate", name, "the journal " + journal.file() + " failed ("
                + e.getMessage() + "); what it holds is restored by mqscope --recover");
    }
}
