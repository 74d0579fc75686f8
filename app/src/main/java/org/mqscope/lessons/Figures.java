package org.mqscope.lessons;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mqscope.mq.MqLimits;

/**
 * The {@code {...}} figures a {@code say:} line may hold, filled in when the step has run, so an explanation can
 * show the arithmetic behind a limit: {@code {charge 10 8192}} (the RLIMIT_MSGQUEUE bytes a queue of that size is
 * charged, with the sum written out), {@code {charged}} (bytes the lesson's user is charged now), {@code {rlimit}},
 * {@code {queues}} (queues counted against queues_max now), {@code {queues_max}}, {@code {msg_max}},
 * {@code {msgsize_max}}.
 */
final class Figures {
    private static final Pattern FIGURE = Pattern.compile("\\{([a-z_]+)((?: \\d+)*)}");

    /** What the figures are read from. */
    interface State {
        long charged();

        long queues();

        MqLimits limits();
    }

    private Figures() {
    }

    static String fill(String text, State state) {
        Matcher m = FIGURE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), m.group(2).strip(), state,
                    m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String value(String name, String args, State s, String whole) {
        MqLimits l = s.limits();
        return switch (name) {
            case "charged" -> s.charged() + " B";
            case "rlimit" -> l.rlimitMsgqueue() + " B";
            case "queues" -> Long.toString(s.queues());
            case "queues_max" -> Long.toString(l.queuesMax());
            case "msg_max" -> Long.toString(l.msgMax());
            case "msgsize_max" -> Long.toString(l.msgsizeMax());
            case "charge" -> charge(args, whole);
            default -> whole; // not a figure: left as written (the parser's tests catch typos in built-in lessons)
        };
    }

    /** "10 × 8192 + 48 × 10 + 48 × 10 = 82880 B" for {@code {charge 10 8192}}. */
    static String charge(String args, String whole) {
        String[] a = args.split(" ");
        if (a.length != 2) {
            return whole;
        }
        long maxmsg = Long.parseLong(a[0]);
        long msgsize = Long.parseLong(a[1]);
        long nodes = Math.min(maxmsg, org.mqscope.mq.Mq.PRIO_MAX);
        return maxmsg + " × " + msgsize + " + 48 × " + maxmsg + " + 48 × " + nodes + " = "
                + MqLimits.charge(maxmsg, msgsize) + " B";
    }
}
