package org.mqscope.transfer;

import java.util.List;
import java.util.Objects;
import org.mqscope.mq.MqMessage;

/**
 * A queue's messages as a file holds them: the header, then the messages in receive order (highest priority
 * first, first in first out within a priority), each with the line it was read from.
 *
 * @param lines the 1-based line of each message in the file (the header is line 1), for error messages
 */
public record MessageFile(MessageFileHeader header, List<MqMessage> messages, long[] lines) {

    public MessageFile {
        Objects.requireNonNull(header, "header");
        messages = List.copyOf(messages);
        if (lines.length != messages.size()) {
            throw new IllegalArgumentException(lines.length + " line numbers for " + messages.size() + " messages");
        }
    }

    /** Messages as a queue snapshot gives them; line numbers follow the writer's layout (header, then one each). */
    public static MessageFile of(MessageFileHeader header, List<MqMessage> messages) {
        long[] lines = new long[messages.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = i + 2L;
        }
        return new MessageFile(header, messages, lines);
    }

    /** The line message {@code i} came from. */
    public long line(int i) {
        return lines[i];
    }
}
