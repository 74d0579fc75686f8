package org.mqscope.ui.charts;

import org.mqscope.ui.core.Numbers;

import org.mqscope.monitor.series.SeriesPoints;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The values under the chart cursor in words: time, curmsgs, QSIZE. */
final class CursorText {
    static final String HINT = "Point at a chart to read its values at that time.";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.S")
            .withZone(ZoneId.systemDefault());
    /** The overview names this many queues at most; the legend has the rest. */
    private static final int MAX_LISTED = 8;

    private CursorText() {
    }

    /** "10:42:07.3 · /orders: 7 of 10 messages · QSIZE 1.2 KiB". */
    static String selected(SeriesPoints p, long timeMillis) {
        String at = TIME.format(Instant.ofEpochMilli(timeMillis));
        int i = p == null ? -1 : p.indexAtOrBefore(timeMillis);
        if (i < 0) {
            return at + " · no sample yet";
        }
        return at + " · " + p.name() + ": " + depth(p.curmsgs(i), p.maxMessages()) + " · QSIZE "
                + (p.qsize(i) < 0 ? "unknown" : Numbers.bytes(p.qsize(i)));
    }

    /** "10:42:07.3 · /a 3 · /b 7". */
    static String overview(List<SeriesPoints> queues, long timeMillis) {
        StringBuilder sb = new StringBuilder(TIME.format(Instant.ofEpochMilli(timeMillis)));
        int listed = 0;
        for (SeriesPoints p : queues) {
            if (listed++ == MAX_LISTED) {
                return sb.append(" · …").toString();
            }
            int i = p.indexAtOrBefore(timeMillis);
            sb.append(" · ").append(p.name()).append(' ')
                    .append(i < 0 ? "–" : p.curmsgs(i) < 0 ? "?" : String.valueOf(p.curmsgs(i)));
        }
        return sb.toString();
    }

    private static String depth(long curmsgs, long maxmsg) {
        if (curmsgs < 0) {
            return "depth unknown";
        }
        return curmsgs + (maxmsg > 0 ? " of " + maxmsg : "") + (curmsgs == 1 ? " message" : " messages");
    }
}
