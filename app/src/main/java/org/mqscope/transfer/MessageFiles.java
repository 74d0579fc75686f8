package org.mqscope.transfer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqMessage;

/**
 * Writes and reads message files: JSON Lines, a header line then one line per message in receive order.
 * <pre>
 * {"format":"mqscope-messages","version":1,"queue":"/orders","maxmsg":10,"msgsize":8192,"curmsgs":2,
 *  "mode":"0640","time":"2026-12-07T02:40:00Z","read":"exact peek","count":2}
 * {"priority":5,"size":11,"encoding":"utf-8","body":"hello world"}
 * {"priority":0,"size":3,"encoding":"base64","body":"AP8B"}
 * </pre>
 * (the header is one line in a file). Fields a reader does not know are skipped, so a newer writer may add some.
 */
public final class MessageFiles {
    /** A body of 16 MiB (the hard msgsize cap) is 22.4 MB of base64; Jackson's default string limit is 20 MB. */
    private static final int MAX_STRING = 32 * 1024 * 1024;
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING).build())
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();

    private MessageFiles() {
    }

    /** The factory both directions use (the command line's --json output too). */
    public static JsonFactory json() {
        return JSON;
    }

    // ------------------------------------------------------------------------------------------------- writing

    /** Writes the header and the messages; the writer stays open. */
    public static void write(Writer out, MessageFileHeader header, List<MqMessage> messages) throws IOException {
        writeHeader(out, header);
        for (MqMessage m : messages) {
            writeMessage(out, m);
        }
        out.flush();
    }

    /**
     * Writes a whole file: into a temporary file beside it, then renamed over it, so the file is complete or
     * absent (never half-written), and an older file of that name stays until the new one is whole.
     */
    public static void writeFile(Path file, MessageFile f) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                write(w, f.header(), f.messages());
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void writeHeader(Writer out, MessageFileHeader h) throws IOException {
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            g.writeStringField("format", MessageFileHeader.FORMAT);
            g.writeNumberField("version", MessageFileHeader.VERSION);
            g.writeStringField("queue", h.queue());
            g.writeNumberField("maxmsg", h.maxmsg());
            g.writeNumberField("msgsize", h.msgsize());
            g.writeNumberField("curmsgs", h.curmsgs());
            if (h.mode() >= 0) {
                g.writeStringField("mode", String.format("%04o", h.mode()));
            }
            g.writeStringField("time", h.time().toString());
            g.writeStringField("read", h.read());
            g.writeNumberField("count", h.count());
            g.writeEndObject();
        }
        out.write('\n');
    }

    public static void writeMessage(Writer out, MqMessage m) throws IOException {
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            g.writeNumberField("priority", m.priority());
            g.writeNumberField("size", m.size());
            writeBody(g, m.body());
            g.writeEndObject();
        }
        out.write('\n');
    }

    /** The "encoding" and "body" fields of one message (also in the command line's JSON output). */
    public static void writeBody(JsonGenerator g, byte[] body) throws IOException {
        String text = Bodies.printableText(body);
        if (text != null) {
            g.writeStringField("encoding", Bodies.UTF8);
            g.writeStringField("body", text);
        } else {
            g.writeStringField("encoding", Bodies.BASE64);
            g.writeStringField("body", Base64.getEncoder().encodeToString(body));
        }
    }

    private static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator g = JSON.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return g;
    }

    // ------------------------------------------------------------------------------------------------- reading

    /**
     * Reads a whole file. Every problem names its line: not JSON, a missing or wrong field, a priority outside
     * 0..32767, a size that disagrees with the body, fewer or more messages than the header's count.
     */
    public static MessageFile read(Reader in) throws IOException, MessageFileException {
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
        String first = lines.readLine();
        if (first == null || first.isBlank()) {
            throw new MessageFileException(1, "the file is empty; a message file starts with a header line");
        }
        MessageFileHeader header = parseHeader(first);
        List<MqMessage> messages = new ArrayList<>();
        List<Long> lineNumbers = new ArrayList<>();
        long n = 1;
        for (String line; (line = lines.readLine()) != null; ) {
            n++;
            if (line.isBlank()) {
                continue; // a trailing empty line is common after hand edits
            }
            messages.add(parseMessage(line, n));
            lineNumbers.add(n);
        }
        if (messages.size() != header.count()) {
            throw new MessageFileException(n, "the header says " + header.count() + " messages, the file holds "
                    + messages.size() + " (cut short, or edited without updating \"count\")");
        }
        return new MessageFile(header, messages, lineNumbers.stream().mapToLong(Long::longValue).toArray());
    }

    static MessageFileHeader parseHeader(String line) throws MessageFileException {
        Fields f = fields(line, 1);
        if (!MessageFileHeader.FORMAT.equals(f.text("format"))) {
            throw new MessageFileException(1, "not an mqscope message file (\"format\" is not \""
                    + MessageFileHeader.FORMAT + "\")");
        }
        long version = f.number("version");
        if (version != MessageFileHeader.VERSION) {
            throw new MessageFileException(1, "format version " + version + "; this mqscope reads version "
                    + MessageFileHeader.VERSION);
        }
        String queue = f.text("queue");
        if (queue == null || !queue.startsWith("/")) {
            throw new MessageFileException(1, "\"queue\" must be a queue name starting with '/'");
        }
        int mode = -1;
        String modeText = f.text("mode");
        if (modeText != null) {
            try {
                mode = Integer.parseInt(modeText, 8);
            } catch (NumberFormatException e) {
                throw new MessageFileException(1, "\"mode\" must be octal like \"0640\", not \"" + modeText + "\"");
            }
            if (mode < 0 || mode > 07777) {
                throw new MessageFileException(1, "\"mode\" " + modeText + " is above 07777");
            }
        }
        Instant time;
        try {
            time = Instant.parse(f.required("time"));
        } catch (DateTimeParseException e) {
            throw new MessageFileException(1, "\"time\" must be an ISO-8601 instant like 2026-12-07T02:40:00Z");
        }
        long count = f.number("count");
        if (count < 0) {
            throw new MessageFileException(1, "\"count\" must not be negative");
        }
        return new MessageFileHeader(queue, f.positive("maxmsg"), f.positive("msgsize"), f.number("curmsgs"), mode,
                time, f.required("read"), count);
    }

    static MqMessage parseMessage(String line, long n) throws MessageFileException {
        Fields f = fields(line, n);
        long priority = f.number("priority");
        if (priority < 0 || priority >= Mq.PRIO_MAX) {
            throw new MessageFileException(n, "priority " + priority + " is outside 0.." + (Mq.PRIO_MAX - 1)
                    + " (mq_send would fail with EINVAL)");
        }
        String encoding = f.required("encoding");
        String body = f.required("body");
        byte[] bytes;
        try {
            bytes = Bodies.decode(encoding, body);
        } catch (IllegalArgumentException e) {
            throw new MessageFileException(n, e.getMessage());
        }
        long size = f.number("size");
        if (size != bytes.length) {
            throw new MessageFileException(n, "\"size\" is " + size + " but the body holds " + bytes.length
                    + " bytes");
        }
        return new MqMessage(bytes, (int) priority);
    }

    /** The top-level fields of one line's object: strings and whole numbers (nested values are skipped). */
    private static Fields fields(String line, long n) throws MessageFileException {
        Fields f = new Fields(n);
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MessageFileException(n, "not a JSON object");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (v) {
                    case VALUE_STRING -> f.strings.put(name, p.getText());
                    case VALUE_NUMBER_INT -> f.numbers.put(name, p.getLongValue());
                    case START_OBJECT, START_ARRAY -> p.skipChildren();
                    default -> { } // true, false, null: no field of this format is one, so a required one goes missing
                }
            }
            if (p.nextToken() != null) {
                throw new MessageFileException(n, "more than one JSON value on the line");
            }
        } catch (JsonProcessingException e) {
            throw new MessageFileException(n, "not valid JSON at column " + e.getLocation().getColumnNr() + ": "
                    + jacksonWords(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new MessageFileException(n, "not valid JSON: " + e.getMessage());
        }
        return f;
    }

    /** Jackson's message without the location details it appends (the line and column are said already). */
    public static String jacksonWords(String message) {
        int cut = message.indexOf(" (start marker at");
        if (cut < 0) {
            cut = message.indexOf("\n at [Source");
        }
        return cut < 0 ? message : message.substring(0, cut);
    }

    private static final class Fields {
        final long line;
        final Map<String, String> strings = new HashMap<>();
        final Map<String, Long> numbers = new HashMap<>();

        Fields(long line) {
            this.line = line;
        }

        String text(String name) {
            return strings.get(name);
        }

        String required(String name) throws MessageFileException {
            String s = strings.get(name);
            if (s == null) {
                throw new MessageFileException(line, "\"" + name + "\" is missing or not a string");
            }
            return s;
        }

        long number(String name) throws MessageFileException {
            Long v = numbers.get(name);
            if (v == null) {
                throw new MessageFileException(line, "\"" + name + "\" is missing or not a whole number");
            }
            return v;
        }

        long positive(String name) throws MessageFileException {
            long v = number(name);
            if (v <= 0) {
                throw new MessageFileException(line, "\"" + name + "\" must be at least 1, not " + v);
            }
            return v;
        }
    }
}
