package org.mqscope.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.transfer.Copier;
import org.mqscope.transfer.MessageFile;
import org.mqscope.transfer.MessageFiles;
import org.mqscope.transfer.TransferRefused;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mqscope export QUEUE}: the queue's messages into a message file, the queue untouched. */
@Command(name = "export", description = {"Write a queue's messages to a message file (JSON Lines: a header, then one "
        + "line per message in receive order) without consuming them.",
        "Reads like peek: the exact peek, or a drain and restore only with --allow-drain."})
final class ExportCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "QUEUE", description = "The queue, e.g. /orders.")
    String queue;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here (default: standard output); "
            + "the file appears whole or not at all.")
    Path output;

    @Option(names = "--allow-drain", description = "Without an exact peek, read by drain and restore.")
    boolean allowDrain;

    @Override
    protected String subject() {
        return queue;
    }

    @Override
    protected int run(MqBackend backend) throws MqException, TransferRefused, IOException {
        MessageFile file = Copier.export(backend, queue, allowDrain, this::note);
        if (output == null) {
            MessageFiles.write(out(), file.header(), file.messages());
            return Cli.EXIT_OK;
        }
        MessageFiles.writeFile(output, file);
        note("wrote " + file.messages().size() + " messages from " + queue + " to " + output + " ("
                + file.header().read() + ")");
        return Cli.EXIT_OK;
    }
}
