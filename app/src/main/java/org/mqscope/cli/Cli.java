package org.mqscope.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mqscope COMMAND ...}: the command line. Results go to stdout, diagnostics to stderr as
 * {@code mqscope: peek /orders: EACCES: ...}; exit 0 on success, 1 when the operation failed, 2 on a usage error
 * (with the usage). Nothing here loads Swing or the window's classes.
 */
public final class Cli {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    public static final String NAME = "mqscope";

    /**
     * Every command, in the order the help lists them. A new command (such as {@code ps} or {@code ns}) is one
     * class extending {@link CliCommand}, added here.
     */
    static final List<Class<? extends CliCommand>> COMMANDS = List.of(LsCommand.class, StatCommand.class,
            PeekCommand.class, SendCommand.class, RecvCommand.class, CreateCommand.class, RmCommand.class,
            ExportCommand.class, ImportCommand.class, CopyCommand.class, WatchCommand.class,
            PsCommand.class, NsCommand.class, RecordCommand.class, ReplayCommand.class);

    private Cli() {
    }

    /** True when the arguments name a command rather than the window's options (a command comes first). */
    public static boolean isCommand(String... args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    /** The commands' names, space-separated, for the window's --help. */
    public static String commandNames() {
        return String.join(" ", commandLine(Session.system()).getSubcommands().keySet());
    }

    /** Runs a command line in this process's streams; returns the exit status. */
    public static int run(String... args) {
        return run(Session.system(), args);
    }

    public static int run(Session session, String... args) {
        CommandLine cl = commandLine(session, args.length > 0 ? args[0] : null);
        int status = cl.execute(args);
        session.out().flush();
        session.err().flush();
        return status;
    }

    /** The whole command tree, wired to a session (also what the man page and completion are generated from). */
    public static CommandLine commandLine(Session session) {
        return commandLine(session, null);
    }

    /**
     * The tree with only the command named {@code first} when it is one (picocli's reflection over every
     * command's annotations is a good part of a command's start-up), else with every command (help, usage).
     */
    static CommandLine commandLine(Session session, String first) {
        MqscopeCommand root = new MqscopeCommand(session);
        CommandLine cl = new CommandLine(root);
        Class<? extends CliCommand> only = null;
        for (Class<? extends CliCommand> c : COMMANDS) {
            if (c.getAnnotation(CommandLine.Command.class).name().equals(first)) {
                only = c;
            }
        }
        for (Class<? extends CliCommand> c : only != null ? List.<Class<? extends CliCommand>>of(only) : COMMANDS) {
            cl.addSubcommand(new CommandLine(c, new Factory(session)));
        }
        cl.addSubcommand(new CommandLine.HelpCommand());
        cl.setOut(session.out());
        cl.setErr(session.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(Cli::usageError);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // A bug, not a user's error: one line, never a stack trace (STYLE: none reaches a user).
            commandLine.getErr().println(NAME + ": " + commandLine.getCommandName() + ": internal error: " + e);
            return EXIT_FAILED;
        });
        return cl;
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        CommandSpec spec = cl.getCommandSpec();
        String where = spec.parent() == null ? "" : spec.name() + ": ";
        String message = e.getMessage();
        if (spec.parent() == null && e instanceof CommandLine.UnmatchedArgumentException u
                && !u.getUnmatched().isEmpty()) {
            message = "unknown command '" + u.getUnmatched().get(0) + "'";
        }
        err.println(NAME + ": " + where + message);
        err.println();
        cl.usage(err, CommandLine.Help.Ansi.OFF);
        return EXIT_USAGE;
    }

    /** Hands every command the session it runs in. */
    private record Factory(Session session) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            K k = CommandLine.defaultFactory().create(cls);
            if (k instanceof CliCommand c) {
                c.session = session;
            }
            return k;
        }
    }
}
