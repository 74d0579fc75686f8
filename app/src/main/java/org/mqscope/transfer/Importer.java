package org.mqscope.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.mqscope.mq.Errno;
import org.mqscope.mq.ErrnoText;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;

/**
 * Sends a message file's messages into a queue, in file order, after checking that they all fit: sizes against
 * msgsize, count against the free slots. Stops at the first refused send and says at which line, so nothing is
 * lost (the rest stays in the file) and nothing doubled (what was sent is counted).
 */
public final class Importer {
    /** At most this many size problems are listed one by one; the rest are counted. */
    static final int MAX_LISTED = 5;

    /** Told after every message sent. */
    public interface Progress {
        void sent(long done, long total);
    }

    /**
     * What an import did.
     *
     * @param sent        messages sent
     * @param total       messages in the file
     * @param failedLine  the file line whose send failed, or 0
     * @param failure     that send's error, or null
     * @param cancelled   stopped because the caller asked
     */
    public record Result(long sent, long total, long failedLine, MqException failure, boolean cancelled) {
        public boolean complete() {
            return sent == total;
        }

        /** "line 7: EAGAIN: the queue is full ...; 5 of 9 messages were sent (lines 2-6)". */
        public String describe(String queue) {
            String head = failure != null ? "line " + failedLine + ": " + ErrnoText.inWords(failure) + "; "
                    : cancelled ? "cancelled; " : "";
            return head + sent + " of " + total + " messages were sent to " + queue
                    + (sent > 0 && sent < total ? " (the file's first " + sent + ")" : "");
        }
    }

    private Importer() {
    }

    /** Everything that would not fit the queue as it is now; empty when the whole file fits. */
    public static List<String> check(MessageFile file, MqAttributes target, String queue) {
        return check(file, "line ", target, queue);
    }

    /**
     * As {@link #check(MessageFile, MqAttributes, String)}, naming a message by {@code where} and its
     * {@link MessageFile#line} ("line 7", or "message 3" for messages that come from a queue, not a file).
     */
    public static List<String> check(MessageFile file, String where, MqAttributes target, String queue) {
        List<String> problems = new ArrayList<>();
        int tooLarge = 0;
        for (int i = 0; i < file.messages().size(); i++) {
            MqMessage m = file.messages().get(i);
            if (m.size() > target.messageSize()) {
                if (tooLarge++ < MAX_LISTED) {
                    problems.add(where + file.line(i) + ": " + Errno.EMSGSIZE.name() + ": a message of "
                            + m.size() + " bytes; " + queue + " takes at most " + target.messageSize());
                }
            }
        }
        if (tooLarge > MAX_LISTED) {
            problems.add((tooLarge - MAX_LISTED) + " more messages are larger than " + target.messageSize()
                    + " bytes");
        }
        long free = target.maxMessages() - target.currentMessages();
        if (file.messages().size() > free) {
            problems.add(Errno.EAGAIN.name() + ": " + file.messages().size() + " messages and " + queue + " has "
                    + free + " free " + (free == 1 ? "slot" : "slots") + " (maxmsg " + target.maxMessages()
                    + ", " + target.currentMessages() + " queued)");
        }
        return problems;
    }

    /**
     * Checks, then sends. Refused (nothing sent) when the file does not fit; a send that fails midway stops the
     * import and is reported in the result, not thrown.
     */
    public static Result send(MqBackend backend, String queue, MessageFile file, Progress progress,
                              BooleanSupplier cancelled) throws MqException, TransferRefused {
        try (MqQueue q = backend.open(queue, Mq.O_WRONLY | Mq.O_NONBLOCK)) {
            List<String> problems = check(file, q.getAttributes(), queue);
            if (!problems.isEmpty()) {
                throw new TransferRefused(queue, problems);
            }
            return sendChecked(q, file, progress, cancelled);
        }
    }

    /** Sends without checking first (the caller did); stops at the first failure. */
    public static Result sendChecked(MqQueue q, MessageFile file, Progress progress, BooleanSupplier cancelled) {
        List<MqMessage> messages = file.messages();
        long total = messages.size();
        for (int i = 0; i < messages.size(); i++) {
            if (cancelled.getAsBoolean()) {
                return new Result(i, total, 0, null, true);
            }
            MqMessage m = messages.get(i);
            try {
                q.send(m.body(), m.priority());
            } catch (MqException e) {
                return new Result(i, total, file.line(i), e, false);
            }
            progress.sent(i + 1, total);
        }
        return new Result(total, total, 0, null, false);
    }
}
