package org.mqscope.cli;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.mqscope.mq.QueueEvent;
import org.mqscope.mq.RecordedEvent;
import org.mqscope.recording.QueueSummary;
import org.mqscope.transfer.Bodies;

/** How record prints for a person: one line per event while it runs, and the figures at the end. */
final class RecordingText {
    private static final int PREVIEW_CHARS = 40;
    private static final int PREVIEW_BYTES = 16;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS", Locale.ROOT);

    private final ZoneId zone;

    RecordingText(ZoneId zone) {
        this.zone = zone;
    }

    /** "05:40:00.123456  4242/4243 producer  mq_timedsend    /orders  prio 3   40 B  ok      order 17..." */
    String line(RecordedEvent r) {
        QueueEvent e = r.event();
        String what = e.hasMessage() ? String.format(Locale.ROOT, "prio %-5d %6d B", e.priority(), e.size())
                : String.format(Locale.ROOT, "%-16s", "");
        String result = e.errno() == null ? "ok" : e.errno().name();
        String line = String.format(Locale.ROOT, "%s %7d/%-7d %-15s %-15s %s %s %-9s %s",
                TIME.format(LocalTime.ofInstant(e.time(), zone)), e.pid(), e.tid(), e.actor(), e.call(), e.queue(),
                what, result, preview(r));
        return line.stripTrailing();
    }

    /** The payload's first characters as text, escaped on one line, else its first bytes in hex. */
    static String preview(RecordedEvent r) {
        byte[] p = r.payload();
        if (p.length == 0) {
            return "";
        }
        String text = Bodies.printableText(p);
        boolean more = !r.complete() && r.event().size() > p.length;
        if (text != null) {
            String escaped = text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
            boolean cut = escaped.length() > PREVIEW_CHARS;
            return "\"" + (cut ? escaped.substring(0, PREVIEW_CHARS) : escaped) + "\"" + (cut || more ? "…" : "");
        }
        StringBuilder hex = new StringBuilder("hex ");
        for (int i = 0; i < Math.min(p.length, PREVIEW_BYTES); i++) {
            hex.append(String.format("%02x", p[i] & 0xff));
        }
        return hex + (p.length > PREVIEW_BYTES || more ? "…" : "");
    }

    /** "/orders: 10000 sends, 10000 receives (20.1/s each), time in queue p50 12 µs, p99 80 µs, max 1.2 ms". */
    static String summary(QueueSummary s) {
        StringBuilder b = new StringBuilder(s.queue()).append(": ").append(s.sends()).append(" sends, ")
                .append(s.receives()).append(" receives");
        if (s.spanNanos() > 0) {
            b.append(String.format(Locale.ROOT, " (%.1f/s, %.1f/s)", s.sendsPerSecond(), s.receivesPerSecond()));
        }
        s.failures().forEach((what, n) -> b.append(", ").append(n).append(" × ").append(what));
        if (s.withLatency() > 0) {
            b.append(", time in queue p50 ").append(duration(s.p50Nanos())).append(", p99 ")
                    .append(duration(s.p99Nanos())).append(", max ").append(duration(s.maxNanos()));
        } else {
            b.append(", no time in queue (no receive of a recorded send)");
        }
        if (s.queuedAtStart() > 0) {
            b.append(", ").append(s.queuedAtStart()).append(" received from before the start");
        }
        if (s.notFound() > 0) {
            b.append(", ").append(s.notFound()).append(" received without a known send");
        }
        if (s.uncertain() > 0) {
            b.append(", ").append(s.uncertain()).append(" matched uncertainly");
        }
        return b.toString();
    }

    /** Who sent to whom through the queue, most messages first: "  4242 producer → 5151 consumer: 10000 (20.1/s)". */
    static java.util.List<String> talks(QueueSummary s, int most) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (QueueSummary.Talk t : s.talks().subList(0, Math.min(most, s.talks().size()))) {
            String from = t.senderPid() < 0 ? "(queued before the start)" : t.senderPid() + " " + t.senderComm();
            lines.add("  " + from + " → " + t.receiverPid() + " " + t.receiverComm() + ": " + t.messages()
                    + (s.spanNanos() > 0 ? String.format(Locale.ROOT, " (%.1f/s)", t.perSecond()) : ""));
        }
        if (s.talks().size() > most) {
            lines.add("  and " + (s.talks().size() - most) + " more pairs");
        }
        return lines;
    }

    /** "<1 µs", "12 µs", "1.25 ms", "3.40 s". */
    static String duration(long nanos) {
        if (nanos < 1_000) {
            return "<1 µs";
        }
        if (nanos < 1_000_000) {
            return nanos / 1_000 + " µs";
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
