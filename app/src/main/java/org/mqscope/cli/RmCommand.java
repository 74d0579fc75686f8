package org.mqscope.cli;

import java.util.List;
import org.mqscope.mq.ErrnoText;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mqscope rm QUEUE...}: mq_unlink each name. */
@Command(name = "rm", description = {"Remove queues (mq_unlink). A queue still open elsewhere lives on, nameless, "
        + "until its last descriptor closes.", "Goes on after a failure; exits 1 if any name failed."})
final class RmCommand extends CliCommand {
    @Parameters(arity = "1..*", paramLabel = "QUEUE", description = "The queues, e.g. /orders.")
    List<String> queues;

    @Override
    protected int run(MqBackend backend) {
        int status = Cli.EXIT_OK;
        for (String q : queues) {
            try {
                backend.unlink(q);
                out().println("removed " + q);
            } catch (MqException e) {
                status = report(q, ErrnoText.inWords(e));
            }
        }
        return status;
    }
}
