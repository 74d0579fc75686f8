package org.mqscope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mqscope send QUEUE TEXT...}: one message (or --count copies of it). */
@Command(name = "send", description = {"Send a message: the TEXT arguments joined by spaces, --hex bytes, a file's "
        + "bytes, or (with none of these) standard input.",
        "Blocks while the queue is full, unless --nonblock (fail at once with EAGAIN) or --timeout."})
final class SendCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "QUEUE", description = "The queue, e.g. /orders.")
    String queue;

    @Parameters(index = "1..*", paramLabel = "TEXT", description = "The message as text (UTF-8).")
    List<String> text;

    @Option(names = "--priority", paramLabel = "P", defaultValue = "0", description = "0..32767 (default 0).")
    int priority;

    @Option(names = "--hex", paramLabel = "HEX", description = "The message as hex digits, e.g. 00ff10.")
    String hex;

    @Option(names = "--file", paramLabel = "FILE", description = "The message is this file's bytes.")
    Path file;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1", description = "Send it N times (default 1).")
    long count;

    @ArgGroup(exclusive = true)
    Waiting waiting = new Waiting();

    @Option(names = "--json", description = "Report as JSON: {\"queue\":..., \"sent\": N, \"bytes\": B}.")
    boolean json;

    /** --timeout and --nonblock exclude each other; without either a call waits as long as it must. */
    static final class Waiting {
        @Option(names = "--timeout", paramLabel = "DUR", converter = Durations.class,
                description = "Give up with ETIMEDOUT after DUR in all (e.g. 500ms, 2s).")
        Duration timeout;

        @Option(names = "--nonblock", description = "Fail with EAGAIN at once instead of waiting (send: the queue "
                + "is full; recv: it is empty).")
        boolean nonblock;
    }

    @Override
    protected String subject() {
        return queue;
    }

    @Override
    protected int run(MqBackend backend) throws MqException, IOException, Failure {
        byte[] body = body();
        if (count < 1) {
            throw new MqException(Errno.EINVAL, "send", queue, "--count must be at least 1");
        }
        Instant deadline = waiting.timeout == null ? null : Instant.now().plus(waiting.timeout);
        long sent = 0;
        try (MqQueue q = backend.open(queue, Mq.O_WRONLY | (waiting.nonblock ? Mq.O_NONBLOCK : 0))) {
            for (; sent < count; sent++) {
                if (deadline != null) {
                    q.timedSend(body, priority, deadline);
                } else {
                    q.send(body, priority);
                }
            }
        } catch (MqException e) {
            if (sent > 0) {
                report(queue, sent + " of " + count + " sent before the failure");
            }
            throw e;
        } finally {
            if (sent > 0 || json) {
                summary(sent, sent * body.length);
            }
        }
        return Cli.EXIT_OK;
    }

    private void summary(long sent, long bytes) throws IOException {
        if (json) {
            try (JsonGenerator g = json()) {
                g.writeStartObject();
                g.writeStringField("queue", queue);
                g.writeNumberField("sent", sent);
                g.writeNumberField("bytes", bytes);
                g.writeEndObject();
            }
            out().println();
        } else {
            out().println("sent " + sent + (sent == 1 ? " message" : " messages") + " (" + bytes + " bytes) to "
                    + queue);
        }
    }

    private byte[] body() throws IOException, Failure {
        int given = (text != null && !text.isEmpty() ? 1 : 0) + (hex != null ? 1 : 0) + (file != null ? 1 : 0);
        if (given > 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give the message once: TEXT, --hex or --file");
        }
        if (hex != null) {
            try {
                return HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--hex takes pairs of hex digits, e.g. 00ff10: " + e.getMessage());
            }
        }
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                Errno why = Files.isDirectory(file) ? Errno.EISDIR : Errno.ENOENT;
                throw new Failure(queue, file + ": " + why.name() + " (" + why.description() + ")");
            }
            return Files.readAllBytes(file);
        }
        if (text != null && !text.isEmpty()) {
            return String.join(" ", text).getBytes(StandardCharsets.UTF_8);
        }
        return session.in().readAllBytes();
    }
}
