package org.mqscope.recording;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.QueueEvent;
import org.mqscope.mq.RecordedEvent;
import org.mqscope.transfer.MessageFileException;

/**
 * Reads a recording file line by line, so a long one need not fit in memory: the header when opened, then each
 * event, loss and the end as {@link #next()} reaches them. Every problem is a {@link MessageFileException} naming
 * the line (1 is the header), the column where the JSON breaks or the field that is wrong.
 */
public final class RecordingReader implements Closeable {

    /** One line after the header. */
    public sealed interface Item permits EventLine, LostLine, EndLine {
        /** The 1-based line in the file. */
        long line();
    }

    /** A recorded call. */
    public record EventLine(RecordedEvent event, long line) implements Item {
    }

    /** The recorder had lost {@code total} events by this point of the stream. */
    public record LostLine(long total, long line) implements Item {
    }

    /** The end of the recording. */
    public record EndLine(RecordingEnd end, long line) implements Item {
    }

    private final BufferedReader in;
    private final RecordingHeader header;
    private long lineNumber = 1;
    private long events;
    private long lost;
    private long lastSeq;
    private boolean ended;

    private RecordingReader(BufferedReader in, RecordingHeader header) {
        this.in = in;
        this.header = header;
    }

    /** Reads the header; the reader then gives the lines after it. */
    public static RecordingReader open(Reader reader) throws IOException, MessageFileException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String first = in.readLine();
        if (first == null || first.isBlank()) {
            throw new MessageFileException(1, "the file is empty; a recording starts with a header line");
        }
        return new RecordingReader(in, parseHeader(JsonLine.parse(first, 1)));
    }

    public RecordingHeader header() {
        return header;
    }

    /** The next line's item, or null at the end of the file. */
    public Item next() throws IOException, MessageFileException {
        for (String text; (text = in.readLine()) != null; ) {
            lineNumber++;
            if (text.isBlank()) {
                continue; // a trailing empty line is common after hand edits
            }
            if (ended) {
                throw new MessageFileException(lineNumber, "more lines after the end line");
            }
            JsonLine j = JsonLine.parse(text, lineNumber);
            String kind = j.text(RecordingWriter.KIND);
            switch (kind) {
                case RecordingWriter.EVENT -> {
                    RecordedEvent e = parseEvent(j);
                    if (e.event().seq() <= lastSeq) {
                        throw j.problem("seq", "is " + e.event().seq() + ", not after the previous event's "
                                + lastSeq);
                    }
                    lastSeq = e.event().seq();
                    events++;
                    return new EventLine(e, lineNumber);
                }
                case RecordingWriter.LOST -> {
                    long total = j.atLeast("total", 1);
                    if (total < lost) {
                        throw j.problem("total", "is " + total + ", less than the " + lost + " lost before");
                    }
                    lost = total;
                    return new LostLine(total, lineNumber);
                }
                case RecordingWriter.END -> {
                    RecordingEnd end = parseEnd(j);
                    ended = true;
                    return new EndLine(end, lineNumber);
                }
                default -> throw j.problem(RecordingWriter.KIND, "is \"" + kind + "\"; a line after the header is"
                        + " \"event\", \"lost\" or \"end\"");
            }
        }
        return null;
    }

    /** The line last read. */
    public long line() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    // ------------------------------------------------------------------------------------------------- parsing

    private static RecordingHeader parseHeader(JsonLine j) throws MessageFileException {
        if (!RecordingHeader.FORMAT.equals(j.text("format", ""))) {
            throw new MessageFileException(1, "not an mqscope recording (\"format\" is not \""
                    + RecordingHeader.FORMAT + "\")");
        }
        long version = j.number("version");
        if (version != RecordingHeader.VERSION) {
            throw new MessageFileException(1, "format version " + version + "; this mqscope reads version "
                    + RecordingHeader.VERSION);
        }
        if (!RecordingWriter.RECORDING.equals(j.text(RecordingWriter.KIND))) {
            throw j.problem(RecordingWriter.KIND, "must be \"" + RecordingWriter.RECORDING + "\" on the header");
        }
        long payload = j.atLeast("payload", 1);
        if (payload > Integer.MAX_VALUE) {
            throw j.problem("payload", "is too large");
        }
        JsonLine h = j.object("host");
        HostFacts host = new HostFacts(h.text("hostname", ""), h.text("kernel", ""), h.text("arch", ""),
                h.text("boot_id", ""), h.number("pid", 0), (int) h.number("cpus", 0));
        List<RecordedQueue> queues = new ArrayList<>();
        for (JsonLine q : j.objects("queues")) {
            queues.add(parseQueue(q));
        }
        return new RecordingHeader(j.instant("time"), (int) payload, j.text("backend"), j.text("namespace", ""),
                host, queues);
    }

    private static RecordedQueue parseQueue(JsonLine q) throws MessageFileException {
        String name = q.text("queue");
        if (!name.startsWith("/")) {
            throw q.problem("queue", "must be a queue name starting with '/', not \"" + name + "\"");
        }
        QueueSnapshot snapshot = null;
        if (q.has("snapshot")) {
            JsonLine s = q.object("snapshot");
            List<MqMessage> messages = new ArrayList<>();
            for (JsonLine m : s.objects("messages")) {
                messages.add(parseMessage(m));
            }
            long start = s.number("start");
            long end = s.number("end");
            if (end < start) {
                throw s.problem("end", "is before \"start\"");
            }
            snapshot = new QueueSnapshot(s.text("read"), s.instant("time"), start, end, messages);
        }
        return new RecordedQueue(name, q.atLeast("maxmsg", 1), q.atLeast("msgsize", 1), q.atLeast("curmsgs", 0),
                q.mode("mode"), snapshot, snapshot == null ? q.text("no_snapshot", "") : "");
    }

    private static MqMessage parseMessage(JsonLine m) throws MessageFileException {
        int priority = priority(m);
        byte[] body = m.body();
        long size = m.number("size");
        if (size != body.length) {
            throw m.problem("size", "is " + size + " but the body holds " + body.length + " bytes");
        }
        return new MqMessage(body, priority);
    }

    private static int priority(JsonLine j) throws MessageFileException {
        long p = j.number("priority");
        if (p < 0 || p >= Mq.PRIO_MAX) {
            throw j.problem("priority", "is " + p + ", outside 0.." + (Mq.PRIO_MAX - 1));
        }
        return (int) p;
    }

    private static RecordedEvent parseEvent(JsonLine j) throws MessageFileException {
        String result = j.text("result");
        Errno errno = null;
        if (!RecordingWriter.OK.equals(result)) {
            try {
                errno = Errno.valueOf(result);
            } catch (IllegalArgumentException e) {
                throw j.problem("result", "is \"" + result + "\"; it is \"ok\" or an errno name like \"EAGAIN\"");
            }
        }
        int priority = j.has("priority") ? priority(j) : -1;
        long size = j.has("size") ? j.atLeast("size", 0) : -1;
        byte[] payload = j.has("body") ? j.body() : new byte[0];
        if (size >= 0 && payload.length > size) {
            throw j.problem("body", "holds " + payload.length + " bytes, more than the message's \"size\" " + size);
        }
        long enter = j.number("enter", 0); // absent: the recorder stamped no entry
        long exit = j.number("exit");
        if (enter != 0 && exit < enter) {
            throw j.problem("exit", "is before \"enter\"");
        }
        boolean complete = size >= 0 && priority >= 0 && payload.length == size;
        if (j.has("complete") && j.bool("complete") != complete) {
            throw j.problem("complete", "says " + j.bool("complete") + " but the body holds " + payload.length
                    + " of " + size + " bytes");
        }
        QueueEvent e = new QueueEvent(j.atLeast("seq", 1), j.instant("time"), j.text("comm"), j.atLeast("pid", 0),
                j.atLeast("tid", 0), QueueEvent.Kind.CALL, j.text("call"), queueName(j), priority, size,
                complete ? Arrays.hashCode(payload) : 0, errno, j.text("detail", ""));
        return new RecordedEvent(e, payload, enter, exit);
    }

    private static String queueName(JsonLine j) throws MessageFileException {
        String q = j.text("queue");
        if (!q.startsWith("/")) {
            throw j.problem("queue", "must start with '/', not \"" + q + "\"");
        }
        return q;
    }

    private RecordingEnd parseEnd(JsonLine j) throws MessageFileException {
        long n = j.atLeast("events", 0);
        if (n != events) {
            throw j.problem("events", "says " + n + " events; the file holds " + events
                    + " (cut, or edited without updating the end line)");
        }
        long lostTotal = j.atLeast("lost", 0);
        if (lostTotal < lost) {
            throw j.problem("lost", "says " + lostTotal + "; the file's lost lines say " + lost);
        }
        String how = j.text("how");
        RecordingEnd.How h;
        try {
            h = RecordingEnd.How.valueOf(how.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw j.problem("how", "is \"" + how + "\"; it is \"duration\", \"cancelled\" or \"failed\"");
        }
        return new RecordingEnd(n, lostTotal, h, j.text("reason", ""), j.instant("time"));
    }
}
