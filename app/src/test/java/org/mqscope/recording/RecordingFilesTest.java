package org.mqscope.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.RecordedEvent;
import org.mqscope.transfer.MessageFileException;

/** Recording files: written as the events come, read back equal, and every malformed line named. */
class RecordingFilesTest {
    static final Instant T0 = Instant.parse("2026-12-07T05:40:00.123456789Z");

    static RecordingHeader header(QueueSnapshot snapshot) {
        return new RecordingHeader(T0, 16, "kernel", "ipc:[4026531839]",
                new HostFacts("box", "6.1.0-28-amd64", "amd64", "0b0c-boot", 4242, 2),
                List.of(new RecordedQueue("/orders", 10, 64, snapshot == null ? 0 : snapshot.messages().size(), 0600,
                                snapshot, ""),
                        new RecordedQueue("/other", 5, 128, 0, -1, null, "no exact peek here: the helper is missing")));
    }

    static QueueSnapshot snapshot() {
        return new QueueSnapshot("exact peek", T0, 1_000, 2_000, List.of(new MqMessage(
                "first".getBytes(StandardCharsets.UTF_8), 7), new MqMessage(new byte[]{0, (byte) 0xff, 1}, 0)));
    }

    @Test
    void aRecordingRoundTripsWithBinaryEmptyInvalidUtf8AndCutPayloads() throws Exception {
        List<RecordedEvent> events = List.of(
                Events.send(1, "/orders", 100, 7, "hello wörld"),
                Events.send(2, "/orders", 100, 0, new byte[]{0, 1, 2, (byte) 0xff}), // binary
                Events.send(3, "/orders", 100, 3, new byte[0]), // an empty message
                Events.send(4, "/orders", 100, 3, new byte[]{(byte) 0xc3, 0x28}), // invalid UTF-8
                Events.cut(5, "/orders", 100, 1, "0123456789abcdef", 300), // longer than the payload limit
                Events.failedReceive(6, "/orders", 200, Errno.EAGAIN),
                Events.failedSend(7, "/other", 100, 2, "full", Errno.EAGAIN),
                Events.receive(8, "/orders", 200, 7, "hello wörld"),
                opened(9, "/orders", 210)); // the recorder stamps no entry for it: enter 0
        StringWriter out = new StringWriter();
        RecordingWriter w = new RecordingWriter(out, header(snapshot()));
        for (int i = 0; i < events.size(); i++) {
            w.event(events.get(i));
            if (i == 4) {
                w.lost(12);
                w.lost(12); // no growth, no line
            }
        }
        RecordingEnd end = w.end(RecordingEnd.How.CANCELLED, "", T0.plusSeconds(60));
        assertThat(end.events()).isEqualTo(9);
        assertThat(end.lost()).isEqualTo(12);
        String text = out.toString();
        assertThat(text.lines()).hasSize(1 + 9 + 1 + 1);
        assertThat(text.lines().findFirst().orElseThrow())
                .startsWith("{\"format\":\"mqscope-recording\",\"version\":1,\"kind\":\"recording\"");
        assertThat(text.lines().skip(2).findFirst().orElseThrow()).contains("\"encoding\":\"base64\",\"body\":\"AAEC/w==\"");
        assertThat(text.lines().skip(5).findFirst().orElseThrow())
                .contains("\"size\":300", "\"body\":\"0123456789abcdef\"", "\"complete\":false");
        assertThat(text).contains("{\"kind\":\"lost\",\"total\":12}\n");
        assertThat(text.lines().skip(10).findFirst().orElseThrow()).doesNotContain("\"enter\"")
                .contains("\"call\":\"mq_open\"", "\"detail\":\"O_RDONLY, fd 3\"").doesNotContain("priority", "body");
        assertThat(text).endsWith("{\"kind\":\"end\",\"events\":9,\"lost\":12,\"how\":\"cancelled\","
                + "\"time\":\"2026-12-07T05:41:00.123456789Z\"}\n");

        Recording r = Recording.read(new StringReader(text));
        assertThat(r.header()).isEqualTo(header(snapshot()));
        assertThat(r.events()).containsExactlyElementsOf(events);
        assertThat(r.events().get(4).complete()).isFalse();
        assertThat(r.events().get(0).event().bodyHash()).isEqualTo(events.get(0).event().bodyHash()).isNotZero();
        assertThat(r.losses()).containsExactly(new Recording.Loss(5, 12));
        assertThat(r.end()).isEqualTo(end);
        assertThat(r.line(0)).isEqualTo(2);
        assertThat(r.line(5)).isEqualTo(8); // after the lost line

        StringWriter again = new StringWriter();
        r.write(again);
        assertThat(again.toString()).isEqualTo(text);
    }

    private static RecordedEvent opened(long seq, String queue, long at) {
        org.mqscope.mq.QueueEvent e = new org.mqscope.mq.QueueEvent(seq, T0.plusNanos(at * 1000), "opener", 7, 7,
                org.mqscope.mq.QueueEvent.Kind.CALL, "mq_open", queue, -1, -1, 0, null, "O_RDONLY, fd 3");
        return new RecordedEvent(e, new byte[0], 0, at * 1000);
    }

    @Test
    void aFileCutShortIsReadableAndSaysSo() throws Exception {
        StringWriter out = new StringWriter();
        RecordingWriter w = new RecordingWriter(out, header(null));
        w.event(Events.send(1, "/orders", 100, 1, "a"));
        w.flush();
        Recording r = Recording.read(new StringReader(out.toString()));
        assertThat(r.events()).hasSize(1);
        assertThat(r.end()).isNull();
        assertThat(r.header().queue("/orders").snapshot()).isNull();
        assertThat(r.header().queue("/other").why()).isEqualTo("no exact peek here: the helper is missing");
    }

    @Test
    void nothingMayFollowTheEndLine() throws Exception {
        RecordingWriter w = new RecordingWriter(new StringWriter(), header(null));
        w.end(RecordingEnd.How.DURATION, "", T0);
        assertThatThrownBy(() -> w.event(Events.send(1, "/orders", 1, 1, "x")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMalformedLine17IsNamedWithItsColumn() throws Exception {
        List<String> lines = validLines(20);
        lines.set(16, lines.get(16).replace("\"pid\":", "\"pid\"")); // line 17: a colon missing
        MessageFileException e = readFails(lines);
        assertThat(e.line()).isEqualTo(17);
        assertThat(e.getMessage()).startsWith("line 17: not valid JSON at column ")
                .doesNotContain("Source", "start marker");
        int column = lines.get(16).indexOf("\"pid\"") + "\"pid\"".length() + 1;
        assertThat(e.getMessage()).contains("column " + column + ":");
    }

    @Test
    void wrongFieldsAreNamedWithTheirLine() throws Exception {
        assertThat(readFails(edit(5, "\"priority\":", "\"priority\":40000,\"x\":")).getMessage())
                .isEqualTo("line 5: \"priority\" is 40000, outside 0..32767");
        assertThat(readFails(edit(3, "\"result\":\"ok\"", "\"result\":\"EWHAT\"")).getMessage())
                .startsWith("line 3: \"result\" is \"EWHAT\"");
        assertThat(readFails(edit(4, "\"encoding\":\"utf-8\"", "\"encoding\":\"base64\"")).getMessage())
                .startsWith("line 4: \"body\" is not valid base64");
        assertThat(readFails(edit(6, "\"seq\":5", "\"seq\":1")).getMessage())
                .isEqualTo("line 6: \"seq\" is 1, not after the previous event's 4");
        assertThat(readFails(edit(2, "\"complete\":true", "\"complete\":false")).getMessage())
                .startsWith("line 2: \"complete\" says false but the body holds");
        assertThat(readFails(edit(7, "\"kind\":\"event\"", "\"kind\":\"note\"")).getMessage())
                .startsWith("line 7: \"kind\" is \"note\"");
        assertThat(readFails(edit(1, "\"start\":1000", "\"start\":\"soon\"")).getMessage())
                .isEqualTo("line 1: \"queues[0].snapshot.start\" is missing or not a whole number");
        assertThat(readFails(edit(1, "\"version\":1", "\"version\":2")).getMessage())
                .isEqualTo("line 1: format version 2; this mqscope reads version 1");
        assertThat(readFails(edit(1, "mqscope-recording", "mqscope-messages")).getMessage())
                .startsWith("line 1: not an mqscope recording");
        List<String> end = validLines(4);
        end.add("{\"kind\":\"end\",\"events\":9,\"lost\":0,\"how\":\"duration\",\"time\":\"2026-12-07T05:41:00Z\"}");
        assertThat(readFails(end).getMessage()).startsWith("line 5: \"events\" says 9 events; the file holds 3");
        List<String> after = validLines(4);
        after.add("{\"kind\":\"end\",\"events\":3,\"lost\":0,\"how\":\"duration\",\"time\":\"2026-12-07T05:41:00Z\"}");
        after.add(after.get(1));
        assertThat(readFails(after).getMessage()).isEqualTo("line 6: more lines after the end line");
        assertThat(readFails(List.of()).getMessage()).startsWith("line 1: the file is empty");
    }

    private static List<String> edit(int line, String from, String to) throws IOException {
        List<String> lines = validLines(8);
        assertThat(lines.get(line - 1)).contains(from);
        lines.set(line - 1, lines.get(line - 1).replace(from, to));
        return lines;
    }

    /** A header and {@code count - 1} event lines. */
    private static List<String> validLines(int count) throws IOException {
        StringWriter out = new StringWriter();
        RecordingWriter w = new RecordingWriter(out, header(snapshot()));
        for (int i = 1; i < count; i++) {
            w.event(Events.send(i, "/orders", i * 10L, i % 4, "message " + i));
        }
        w.flush();
        return new ArrayList<>(out.toString().lines().toList());
    }

    private static MessageFileException readFails(List<String> lines) {
        String text = String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");
        try {
            Recording.read(new StringReader(text));
        } catch (MessageFileException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("read without complaint:\n" + text);
    }
}
