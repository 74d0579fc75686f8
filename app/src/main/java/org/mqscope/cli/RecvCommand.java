package org.mqscope.cli;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mqscope recv QUEUE}: receive (consume) messages and print them. */
@Command(name = "recv", description = {"Receive messages (they leave the queue) and print them.",
        "Blocks while the queue is empty, unless --nonblock (EAGAIN at once) or --timeout. What was received "
                + "is always printed, also when a later receive fails."})
final class RecvCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "QUEUE", description = "The queue, e.g. /orders.")
    String queue;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1", description = "How many (default 1).")
    long count;

    @ArgGroup(exclusive = true)
    SendCommand.Waiting waiting = new SendCommand.Waiting();

    @Option(names = "--format", paramLabel = "text|hex|json|jsonl", defaultValue = "text",
            description = "As for peek: text (default), hex, json or jsonl.")
    MessageOutput.Format format;

    @Override
    protected String subject() {
        return queue;
    }

    @Override
    protected int run(MqBackend backend) throws MqException, IOException {
        if (count < 1) {
            throw new MqException(Errno.EINVAL, "recv", queue, "--count must be at least 1");
        }
        Instant deadline = waiting.timeout == null ? null : Instant.now().plus(waiting.timeout);
        List<MqMessage> got = new ArrayList<>();
        try (MqQueue q = backend.open(queue, Mq.O_RDONLY | (waiting.nonblock ? Mq.O_NONBLOCK : 0))) {
            while (got.size() < count) {
                got.add(deadline != null ? q.timedReceive(deadline) : q.receive());
            }
        } catch (MqException e) {
            if (!got.isEmpty()) {
                MessageOutput.print(this, format, queue, "receive", 0, got);
                report(queue, "received " + got.size() + " of " + count + " before the failure");
            }
            throw e;
        }
        MessageOutput.print(this, format, queue, "receive", 0, got);
        return Cli.EXIT_OK;
    }

}
