package org.mqscope.monitor.limits;

import java.util.List;
import java.util.Locale;

import org.mqscope.monitor.QueueSample;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqLimits;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.QueueInfo;

/**
 * How much of RLIMIT_MSGQUEUE one user's queues already charge: {@link MqLimits#charge} summed over the listed
 * queues the user owns. Queues unlinked but still open elsewhere are charged too and cannot be listed, so on a busy
 * system the true figure can be higher.
 *
 * @param chargedBytes sum of the charges of the queues counted
 * @param queues       the user's queues counted
 * @param unknown      the user's queues whose attributes could not be read (not counted)
 * @param rlimit       RLIMIT_MSGQUEUE in bytes ({@link MqLimits#RLIM_INFINITY} when unlimited)
 */
public record RlimitUsage(long chargedBytes, int queues, int unknown, long rlimit) {

    /** The kernel's formula (Linux ≥ 3.5, 64-bit), as the user reads it. */
    public static final String FORMULA = "maxmsg × msgsize + 48 × maxmsg + 48 × min(maxmsg, 32768)";

    /** From a sampling pass: the samples already hold each queue's owner and attributes. */
    public static RlimitUsage of(List<QueueSample> samples, int uid, long rlimit) {
        long sum = 0;
        int counted = 0;
        int unknown = 0;
        for (QueueSample s : samples) {
            if (s.info().uid() != uid) {
                continue;
            }
            if (s.attributesKnown()) {
                sum += charge(s.attributes());
                counted++;
            } else {
                unknown++;
            }
        }
        return new RlimitUsage(sum, counted, unknown, rlimit);
    }

    /**
     * Lists the queues and opens each one {@code uid} owns read-only for its attributes. Runs off the EDT; queues
     * that vanish or cannot be opened in between count as unknown.
     */
    public static RlimitUsage measure(MqBackend backend, int uid) throws MqException {
        long rlimit = backend.limits().rlimitMsgqueue();
        long sum = 0;
        int counted = 0;
        int unknown = 0;
        for (QueueInfo info : backend.list()) {
            if (info.uid() != uid) {
                continue;
            }
            try (MqQueue q = backend.open(info.name(), Mq.O_RDONLY | Mq.O_NONBLOCK)) {
                sum += charge(q.getAttributes());
                counted++;
            } catch (MqException e) {
                unknown++;
            }
        }
        return new RlimitUsage(sum, counted, unknown, rlimit);
    }

    private static long charge(MqAttributes a) {
        return MqLimits.charge(a.maxMessages(), a.messageSize());
    }

    public boolean unlimited() {
        return rlimit == MqLimits.RLIM_INFINITY;
    }

    /** Share of the limit charged, 0..100 (more when over it); 0 when unlimited. */
    public long percent() {
        if (unlimited() || rlimit == 0) {
            return unlimited() ? 0 : 100;
        }
        return Math.round(100.0 * chargedBytes / rlimit);
    }

    /** E.g. "412,160 of 819,200 bytes (50 %) charged by your 3 queues"; "… bytes charged by … (no limit)". */
    public String summary() {
        String your = " charged by your " + queues + (queues == 1 ? " queue" : " queues");
        String s = unlimited() ? bytes(chargedBytes) + " bytes" + your + " (no limit)"
                : bytes(chargedBytes) + " of " + bytes(rlimit) + " bytes (" + percent() + " %)" + your;
        return unknown == 0 ? s : s + " (" + unknown + " more not readable, not counted)";
    }

    /** The formula in words, for a tooltip. */
    public static String formulaInWords() {
        return "Each queue charges its creator's RLIMIT_MSGQUEUE " + FORMULA + " bytes: room for every message "
                + "body, a 48-byte header per message and a 48-byte tree node per possible priority level. The "
                + "charge is fixed when the queue is created and held until it is unlinked and its last descriptor "
                + "closed; creating a queue that would pass the limit fails with EMFILE.";
    }

    static String bytes(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
