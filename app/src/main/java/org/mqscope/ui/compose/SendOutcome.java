package org.mqscope.ui.compose;

import org.mqscope.ui.core.Numbers;

import org.mqscope.mq.Errno;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.ui.core.ErrorText;

import java.time.Duration;

/**
 * How a send ended: how many of how many went, and why it stopped early (cancelled, refused before the first
 * send, or the errno of the send that failed, with the queue's fill at that moment where known).
 *
 * @param refusal   why nothing was sent before trying (payload too big, file unreadable), or null
 * @param failure   the call that failed (mq_open, mq_send, mq_timedsend), or null
 * @param fillOrNull the queue's attributes just after a failed send, when they could be read
 */
public record SendOutcome(String queue, long sent, long total, Duration elapsed, boolean cancelled, String refusal,
                          MqException failure, MqAttributes fillOrNull, Duration timeout) {

    public boolean complete() {
        return sent == total;
    }

    /** The queue was full: EAGAIN (O_NONBLOCK) or ETIMEDOUT (no room before the deadline). Normal outcomes. */
    public boolean queueFull() {
        return failure != null && (failure.errno() == Errno.EAGAIN || failure.errno() == Errno.ETIMEDOUT);
    }

    /** One line for the composer and the status bar. */
    public String summary() {
        if (refusal != null) {
            return refusal;
        }
        if (cancelled) {
            return "Cancelled: sent " + Numbers.grouped(sent) + " of " + Numbers.grouped(total) + " to " + queue
                    + ".";
        }
        if (failure == null) {
            return total == 1 ? "Sent 1 message to " + queue + "."
                    : "Sent " + Numbers.grouped(total) + " messages to " + queue + " in " + seconds(elapsed) + ".";
        }
        String head = "Sent " + Numbers.grouped(sent) + " of " + Numbers.grouped(total);
        if (!failure.operation().startsWith("mq_send") && !failure.operation().startsWith("mq_timedsend")) {
            return head + ": " + failure.operation() + " " + reason();
        }
        return head + "; the " + ordinal(sent + 1) + ": " + reason();
    }

    private String reason() {
        Errno e = failure.errno();
        String fill = fillOrNull == null ? ""
                : " (" + Numbers.grouped(fillOrNull.currentMessages()) + " of "
                        + Numbers.grouped(fillOrNull.maxMessages()) + ")";
        if (e == Errno.EAGAIN) {
            return "EAGAIN — the queue is full" + fill;
        }
        if (e == Errno.ETIMEDOUT) {
            return "ETIMEDOUT — the queue stayed full for " + Numbers.grouped(timeout.toMillis()) + " ms" + fill;
        }
        return ErrorText.inWords(e, failure.code()).replaceFirst(": ", " — ");
    }

    static String ordinal(long n) {
        long mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th"
                : switch ((int) (n % 10)) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return Numbers.grouped(n) + suffix;
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
