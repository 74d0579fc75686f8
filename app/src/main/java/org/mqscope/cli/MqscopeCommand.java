package org.mqscope.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top of the command tree: {@code mqscope COMMAND}; alone it only prints the usage. */
@Command(name = Cli.NAME, synopsisSubcommandLabel = "COMMAND",
        description = {"Inspect, copy and move the messages of Linux POSIX message queues.",
                "Without a command, mqscope opens its window (see mqscope --help)."},
        footer = {"", "Exit status: 0 success, 1 the operation failed, 2 usage error.",
                "Results go to stdout, diagnostics to stderr as 'mqscope: COMMAND QUEUE: ERRNO: words'."})
final class MqscopeCommand implements Callable<Integer> {
    private final Session session;
    @Spec
    CommandSpec spec;

    MqscopeCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(session.err());
        return Cli.EXIT_USAGE;
    }
}
