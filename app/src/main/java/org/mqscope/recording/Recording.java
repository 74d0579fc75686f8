package org.mqscope.recording;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mqscope.mq.RecordedEvent;
import org.mqscope.transfer.MessageFileException;

/**
 * A whole recording in memory (for the window, replay and tests; a long recording is better streamed with
 * {@link RecordingReader}).
 *
 * @param events the events in file order, each with its line in {@code lines}
 * @param losses where the recorder reported losses: after how many events, and the total lost by then
 * @param end    the end line, or null when the file was cut short
 */
public record Recording(RecordingHeader header, List<RecordedEvent> events, long[] lines, List<Loss> losses,
                        RecordingEnd end) {

    /** The recorder had lost {@code total} events when the stream held {@code afterEvents}. */
    public record Loss(long afterEvents, long total) {
    }

    public Recording {
        Objects.requireNonNull(header, "header");
        events = List.copyOf(events);
        losses = List.copyOf(losses);
        if (lines.length != events.size()) {
            throw new IllegalArgumentException(lines.length + " line numbers for " + events.size() + " events");
        }
    }

    /** Events lost in total (by the end line, or the last loss line of a cut file). */
    public long lost() {
        return end != null ? end.lost() : losses.isEmpty() ? 0 : losses.get(losses.size() - 1).total();
    }

    /**
     * How long the recording ran: from the header's time to the end line's when it has one, else from the first
     * call's return to the last's.
     */
    public long spanNanos() {
        if (end != null) {
            return Math.max(0, java.time.Duration.between(header.time(), end.time()).toNanos());
        }
        if (events.isEmpty()) {
            return 0;
        }
        return events.get(events.size() - 1).exitNanos() - events.get(0).exitNanos();
    }

    /** The file line of event {@code i}. */
    public long line(int i) {
        return lines[i];
    }

    public static Recording read(Reader in) throws IOException, MessageFileException {
        try (RecordingReader r = RecordingReader.open(in)) {
            List<RecordedEvent> events = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            List<Loss> losses = new ArrayList<>();
            RecordingEnd end = null;
            for (RecordingReader.Item item; (item = r.next()) != null; ) {
                if (item instanceof RecordingReader.EventLine e) {
                    events.add(e.event());
                    lines.add(e.line());
                } else if (item instanceof RecordingReader.LostLine l) {
                    losses.add(new Loss(events.size(), l.total()));
                } else if (item instanceof RecordingReader.EndLine e) {
                    end = e.end();
                }
            }
            return new Recording(r.header(), events, lines.stream().mapToLong(Long::longValue).toArray(), losses,
                    end);
        }
    }

    /** Writes it whole (the same lines a streaming writer writes); a cut recording gets no end line. */
    public void write(Writer out) throws IOException {
        RecordingWriter w = new RecordingWriter(out, header);
        int next = 0;
        for (int i = 0; i <= events.size(); i++) {
            while (next < losses.size() && losses.get(next).afterEvents() == i) {
                w.lost(losses.get(next++).total());
            }
            if (i < events.size()) {
                w.event(events.get(i));
            }
        }
        if (end != null) {
            w.end(end.how(), end.reason(), end.time());
        }
        w.flush();
    }
}
