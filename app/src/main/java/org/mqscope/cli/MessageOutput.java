package org.mqscope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Base64;
import java.util.List;
import org.mqscope.mq.MqMessage;
import org.mqscope.transfer.Bodies;
import org.mqscope.transfer.MessageFiles;

/** How peek and recv print messages: --format=text|hex|json|jsonl. */
final class MessageOutput {
    enum Format { text, hex, json, jsonl }

    private static final int HEX_PER_LINE = 16;

    private MessageOutput() {
    }

    /**
     * @param firstIndex the index (in receive order) of the first message, shown in text and hex and in JSON
     * @param how        "exact peek", "drain and restore" or "receive": in JSON's envelope
     */
    static void print(CliCommand c, Format format, String queue, String how, long firstIndex,
                      List<MqMessage> messages) throws IOException {
        switch (format) {
            case text -> {
                for (int i = 0; i < messages.size(); i++) {
                    MqMessage m = messages.get(i);
                    String text = Bodies.printableText(m.body());
                    c.out().println("#" + (firstIndex + i) + " priority " + m.priority() + ", " + m.size()
                            + (m.size() == 1 ? " byte" : " bytes") + (text != null ? "" : ", base64") + ": "
                            + (text != null ? escape(text) : Base64.getEncoder().encodeToString(m.body())));
                }
            }
            case hex -> {
                for (int i = 0; i < messages.size(); i++) {
                    MqMessage m = messages.get(i);
                    c.out().println("#" + (firstIndex + i) + " priority " + m.priority() + ", " + m.size()
                            + (m.size() == 1 ? " byte" : " bytes"));
                    hexDump(c, m.body());
                }
            }
            case jsonl -> {
                StringWriter w = new StringWriter();
                for (MqMessage m : messages) {
                    MessageFiles.writeMessage(w, m);
                }
                c.out().print(w);
            }
            case json -> {
                try (JsonGenerator g = c.json()) {
                    g.writeStartObject();
                    g.writeStringField("queue", queue);
                    g.writeStringField("read", how);
                    g.writeArrayFieldStart("messages");
                    for (int i = 0; i < messages.size(); i++) {
                        MqMessage m = messages.get(i);
                        g.writeStartObject();
                        g.writeNumberField("index", firstIndex + i);
                        g.writeNumberField("priority", m.priority());
                        g.writeNumberField("size", m.size());
                        MessageFiles.writeBody(g, m.body());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                c.out().println();
            }
        }
    }

    /** One line per message: newlines and backslashes escaped. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    private static void hexDump(CliCommand c, byte[] body) {
        for (int off = 0; off < body.length; off += HEX_PER_LINE) {
            StringBuilder hex = new StringBuilder();
            StringBuilder ascii = new StringBuilder();
            for (int i = 0; i < HEX_PER_LINE; i++) {
                if (off + i < body.length) {
                    int b = body[off + i] & 0xff;
                    hex.append(String.format("%02x ", b));
                    ascii.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
                } else {
                    hex.append("   ");
                }
                if (i == 7) {
                    hex.append(' ');
                }
            }
            c.out().println(String.format("  %08x  %s |%s|", off, hex, ascii));
        }
    }
}
