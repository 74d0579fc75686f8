package org.mqscope.recording;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.QueueEvent;
import org.mqscope.mq.RecordedEvent;
import org.mqscope.transfer.MessageFiles;

/**
 * Writes a recording file as the recording goes: the header at once, then each event as it arrives, then the end
 * line; nothing is held back beyond the writer's buffer, so a recording of any length takes no memory and what was
 * recorded before a crash is on disk up to the last {@link #flush()}.
 * <pre>
 * {"format":"mqscope-recording","version":1,"kind":"recording","time":"2026-12-07T05:40:00.123Z","payload":256,
 *  "backend":"kernel","namespace":"ipc:[4026531839]","host":{"hostname":"box","kernel":"6.1.0-28-amd64",...},
 *  "queues":[{"queue":"/orders","maxmsg":10,"msgsize":64,"curmsgs":1,"mode":"0600","snapshot":{"read":"exact peek",
 *  "time":"...","start":81234000,"end":81299000,"messages":[{"priority":3,"size":5,"encoding":"utf-8","body":"hello"}]}}]}
 * {"kind":"event","seq":1,"time":"2026-12-07T05:40:00.200000123Z","enter":81400000,"exit":81401200,"pid":4242,
 *  "tid":4242,"comm":"producer","call":"mq_timedsend","queue":"/orders","priority":3,"size":40,"result":"ok",
 *  "encoding":"utf-8","body":"order 17 ...","complete":true}
 * {"kind":"lost","total":12}
 * {"kind":"end","events":1,"lost":12,"how":"cancelled","time":"2026-12-07T05:41:00Z"}
 * </pre>
 * (each object is one line in a file). Fields a reader does not know are skipped, so a newer writer may add some.
 */
public final class RecordingWriter implements Closeable {
    static final String KIND = "kind";
    static final String RECORDING = "recording";
    static final String EVENT = "event";
    static final String LOST = "lost";
    static final String END = "end";
    static final String OK = "ok";

    private final Writer out;
    private long events;
    private long lost;
    private boolean ended;

    /** Writes the header line; the events follow through {@link #event}. */
    public RecordingWriter(Writer out, RecordingHeader header) throws IOException {
        this.out = out;
        line(g -> writeHeader(g, header));
    }

    /** One recorded call. */
    public void event(RecordedEvent e) throws IOException {
        checkOpen();
        line(g -> writeEvent(g, e));
        events++;
    }

    /** The recorder has lost {@code total} events so far (its buffer was full); written only when it grew. */
    public void lost(long total) throws IOException {
        checkOpen();
        if (total <= lost) {
            return;
        }
        lost = total;
        line(g -> {
            g.writeStartObject();
            g.writeStringField(KIND, LOST);
            g.writeNumberField("total", total);
            g.writeEndObject();
        });
    }

    /** The end line, with the events written and the loss count; after it nothing more may be written. */
    public RecordingEnd end(RecordingEnd.How how, String reason, Instant time) throws IOException {
        checkOpen();
        RecordingEnd end = new RecordingEnd(events, lost, how, reason, time);
        line(g -> {
            g.writeStartObject();
            g.writeStringField(KIND, END);
            g.writeNumberField("events", end.events());
            g.writeNumberField("lost", end.lost());
            g.writeStringField("how", how.word());
            if (!reason.isEmpty()) {
                g.writeStringField("reason", reason);
            }
            g.writeStringField("time", time.toString());
            g.writeEndObject();
        });
        ended = true;
        out.flush();
        return end;
    }

    /** Events written so far. */
    public long events() {
        return events;
    }

    public void flush() throws IOException {
        out.flush();
    }

    /** Flushes and closes the underlying writer (an unended file stays readable, as cut short). */
    @Override
    public void close() throws IOException {
        out.close();
    }

    private void checkOpen() {
        if (ended) {
            throw new IllegalStateException("the recording's end line is written; nothing may follow it");
        }
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private void line(Body body) throws IOException {
        try (JsonGenerator g = MessageFiles.json().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            // the caller flushes (a file now and then): a flush per line was a write(2) per event, and at 200,000
            // events/s the command line could not keep up and the recorder lost events
            g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
            body.write(g);
        }
        out.write('\n');
    }

    private static void writeHeader(JsonGenerator g, RecordingHeader h) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", RecordingHeader.FORMAT);
        g.writeNumberField("version", RecordingHeader.VERSION);
        g.writeStringField(KIND, RECORDING);
        g.writeStringField("time", h.time().toString());
        g.writeNumberField("payload", h.payload());
        g.writeStringField("backend", h.backend());
        g.writeStringField("namespace", h.namespace());
        HostFacts host = h.host();
        g.writeObjectFieldStart("host");
        g.writeStringField("hostname", host.hostname());
        g.writeStringField("kernel", host.kernel());
        g.writeStringField("arch", host.arch());
        g.writeStringField("boot_id", host.bootId());
        g.writeNumberField("pid", host.pid());
        g.writeNumberField("cpus", host.cpus());
        g.writeEndObject();
        g.writeArrayFieldStart("queues");
        for (RecordedQueue q : h.queues()) {
            writeQueue(g, q);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeQueue(JsonGenerator g, RecordedQueue q) throws IOException {
        g.writeStartObject();
        g.writeStringField("queue", q.name());
        g.writeNumberField("maxmsg", q.maxmsg());
        g.writeNumberField("msgsize", q.msgsize());
        g.writeNumberField("curmsgs", q.curmsgs());
        if (q.mode() >= 0) {
            g.writeStringField("mode", String.format("%04o", q.mode()));
        }
        QueueSnapshot s = q.snapshot();
        if (s == null) {
            g.writeStringField("no_snapshot", q.why());
        } else {
            g.writeObjectFieldStart("snapshot");
            g.writeStringField("read", s.read());
            g.writeStringField("time", s.time().toString());
            g.writeNumberField("start", s.startNanos());
            g.writeNumberField("end", s.endNanos());
            g.writeArrayFieldStart("messages");
            for (MqMessage m : s.messages()) {
                g.writeStartObject();
                g.writeNumberField("priority", m.priority());
                g.writeNumberField("size", m.size());
                MessageFiles.writeBody(g, m.body());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeEvent(JsonGenerator g, RecordedEvent r) throws IOException {
        QueueEvent e = r.event();
        g.writeStartObject();
        g.writeStringField(KIND, EVENT);
        g.writeNumberField("seq", e.seq());
        g.writeStringField("time", e.time().toString());
        if (r.hasEnterTime()) { // the kernel recorder stamps no entries (it would cost every syscall of the machine)
            g.writeNumberField("enter", r.enterNanos());
        }
        g.writeNumberField("exit", r.exitNanos());
        g.writeNumberField("pid", e.pid());
        g.writeNumberField("tid", e.tid());
        g.writeStringField("comm", e.actor());
        g.writeStringField("call", e.call());
        g.writeStringField("queue", e.queue());
        if (e.priority() >= 0) {
            g.writeNumberField("priority", e.priority());
        }
        if (e.size() >= 0) {
            g.writeNumberField("size", e.size());
        }
        g.writeStringField("result", e.errno() == null ? OK : e.errno().name());
        if (e.errno() != null) {
            g.writeNumberField("errno", e.errno().code());
        }
        if (!e.detail().isEmpty()) {
            g.writeStringField("detail", e.detail());
        }
        if (r.payloadLength() > 0 || e.hasMessage()) {
            MessageFiles.writeBody(g, r.payload());
            g.writeBooleanField("complete", r.complete());
        }
        g.writeEndObject();
    }
}
