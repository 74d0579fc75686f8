package org.mqscope.cli;

import java.io.IOException;
import java.util.List;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.PeekResult;
import org.mqscope.transfer.QueueReading;
import org.mqscope.transfer.TransferRefused;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mqscope peek QUEUE}: the messages, left where they are. */
@Command(name = "peek", description = {"Show messages without consuming them.",
        "Uses the exact peek where there is one; otherwise refuses unless --allow-drain accepts a drain and "
                + "restore (every message received and sent back, journaled; others can see the queue empty "
                + "meanwhile, and a registered notification fires)."})
final class PeekCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "QUEUE", description = "The queue, e.g. /orders.")
    String queue;

    @Option(names = "--index", paramLabel = "N", defaultValue = "0",
            description = "First message to show, 0 = the next one mq_receive would return (default 0).")
    long index;

    @Option(names = "--count", paramLabel = "N", description = "How many to show (default: all from --index).")
    Long count;

    @Option(names = "--format", paramLabel = "text|hex|json|jsonl", defaultValue = "text",
            description = "text (default), hex dump, one JSON document, or JSON Lines (the message file's lines).")
    MessageOutput.Format format;

    @Option(names = "--allow-drain", description = "Without an exact peek, read by drain and restore (see above).")
    boolean allowDrain;

    @Override
    protected String subject() {
        return queue;
    }

    @Override
    protected int run(MqBackend backend) throws MqException, TransferRefused, IOException {
        if (index < 0 || (count != null && count < 0)) {
            throw new MqException(Errno.EINVAL, "peek", queue, "--index and --count must not be negative");
        }
        PeekResult r = QueueReading.read(backend, queue, allowDrain, this::note);
        List<MqMessage> all = r.messages();
        if (index > 0 && index >= all.size()) {
            throw new MqException(Errno.ENOENT, "peek", queue, "--index " + index + " but the queue holds "
                    + all.size() + (all.size() == 1 ? " message" : " messages"));
        }
        int from = (int) Math.min(index, all.size());
        int to = count == null ? all.size() : (int) Math.min(all.size(), from + count);
        MessageOutput.print(this, format, queue, r.method().label(), from, all.subList(from, to));
        return Cli.EXIT_OK;
    }
}
