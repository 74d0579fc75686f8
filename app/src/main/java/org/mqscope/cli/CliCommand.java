package org.mqscope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.mqscope.mq.ErrnoText;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.transfer.MessageFileException;
import org.mqscope.transfer.MessageFiles;
import org.mqscope.transfer.TransferRefused;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every command shares: --backend, --help, the session's streams, and one way to report a failure
 * ({@code mqscope: COMMAND QUEUE: ERRNO: words}, exit 1). A command implements {@link #run(MqBackend)}.
 */
@Command(mixinStandardHelpOptions = false, sortOptions = false, usageHelpAutoWidth = false)
public abstract class CliCommand implements Callable<Integer> {
    /** Which queues: the machine's, or an in-process emulation (empty each time a command starts). */
    public enum BackendChoice { kernel, emulated }

    Session session;

    @Spec
    CommandSpec spec;

    @Option(names = "--backend", defaultValue = "kernel", paramLabel = "kernel|emulated",
            description = "The machine's queues (default), or an emulated namespace that lives only as long as "
                    + "this command (empty at start; useful to try a command or check a message file).")
    BackendChoice backend;

    @Option(names = "--ns", paramLabel = "PID",
            description = "Work on the queues of the IPC namespace process PID is in (a container's; see mqscope ns)"
                    + " instead of mqscope's own. Kernel backend only.")
    Integer ns;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Print this help and exit.")
    boolean help;

    /** Does the work; returns the exit status or throws what {@link #call()} reports. */
    protected abstract int run(MqBackend backend) throws MqException, TransferRefused, MessageFileException,
            IOException, Failure;

    /** The queue a failure concerns when its error names none (the command's QUEUE argument), or null. */
    protected String subject() {
        return null;
    }

    @Override
    public final Integer call() {
        if (ns != null && backend != BackendChoice.kernel) {
            // a usage error (exit 2 with the usage): an emulation lives in this process and has no namespaces
            throw new CommandLine.ParameterException(spec.commandLine(), "--ns=" + ns + " needs the kernel backend:"
                    + " an emulated namespace has no processes (leave out --backend=" + backend + ")");
        }
        MqBackend b;
        try {
            b = ns != null ? session.backends().openInNamespaceOf(ns) : session.backends().open(backend.name());
        } catch (MqException e) {
            return report(null, ErrnoText.inWords(e) + detail(e) + (ns != null ? " (--ns=" + ns + ")"
                    : "; the kernel backend cannot start here (try --backend=emulated)"));
        }
        try {
            return run(b);
        } catch (MqException e) {
            return report(e);
        } catch (TransferRefused e) {
            for (String reason : e.reasons()) {
                report(e.queue(), reason);
            }
            return Cli.EXIT_FAILED;
        } catch (MessageFileException e) {
            return report(subject(), e.getMessage());
        } catch (IOException e) {
            return report(subject(), e.getMessage() != null ? e.getMessage() : e.toString());
        } catch (Failure e) {
            return report(e.queue != null ? e.queue : subject(), e.getMessage());
        } finally {
            out().flush();
            if (session.backends().closeAfterUse()) {
                b.close();
            }
        }
    }

    /** Reports {@code e} as every command does: {@code mqscope: COMMAND QUEUE: ERRNO: words (detail)}; exit 1. */
    protected int report(MqException e) {
        return report(e.queue() != null ? e.queue() : subject(), ErrnoText.inWords(e) + detail(e));
    }

    private static String detail(MqException e) {
        return e.detail() == null ? "" : " (" + e.detail() + ")";
    }

    /** Prints {@code mqscope: COMMAND QUEUE: text} on stderr; returns exit status 1. */
    protected int report(String queue, String text) {
        err().println(Cli.NAME + ": " + spec.name() + (queue != null ? " " + queue : "") + ": " + text);
        return Cli.EXIT_FAILED;
    }

    /** A note on stderr that is not a failure (what a drain does, that a queue already existed...). */
    protected void note(String text) {
        err().println(Cli.NAME + ": " + spec.name() + ": " + text);
    }

    protected PrintWriter out() {
        return session.out();
    }

    protected PrintWriter err() {
        return session.err();
    }

    /** A JSON generator on stdout, indented when a person reads it. */
    protected JsonGenerator json() throws IOException {
        JsonGenerator g = compactJson();
        if (session.terminal()) {
            g.useDefaultPrettyPrinter();
        }
        return g;
    }

    /** A JSON generator on stdout that never indents: for a stream of objects, one per line. */
    protected JsonGenerator compactJson() throws IOException {
        JsonGenerator g = MessageFiles.json().createGenerator(out());
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return g;
    }

    /** A failure that is not an errno: a missing file, a refusal in words. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final String queue;

        Failure(String queue, String message) {
            super(message);
            this.queue = queue;
        }
    }
}
