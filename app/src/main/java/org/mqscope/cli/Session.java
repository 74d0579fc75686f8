package org.mqscope.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Objects;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;

/**
 * Where one command line runs: its streams, whether stdout is a terminal (no colour, no redrawing and no progress
 * otherwise), and how a backend is obtained. Tests run commands in-process with captured streams and a
 * prepared emulated namespace.
 */
public final class Session {
    /** Opens the backend a command asked for with --backend. */
    public interface Backends {
        MqBackend open(String id) throws MqException;

        /**
         * The kernel's queues in the IPC namespace of process {@code pid} (--ns=PID): ESRCH when there is no such
         * process, EACCES/EPERM when its namespace is not ours to enter.
         */
        default MqBackend openInNamespaceOf(int pid) throws MqException {
            return MqBackends.kernelInNamespaceOf(pid);
        }

        /** Whether a command closes the backend it opened (a test's shared namespace stays open). */
        default boolean closeAfterUse() {
            return true;
        }
    }

    private final PrintWriter out;
    private final PrintWriter err;
    private final InputStream in;
    private final boolean terminal;
    private final Backends backends;

    public Session(PrintWriter out, PrintWriter err, InputStream in, boolean terminal, Backends backends) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.in = Objects.requireNonNull(in, "in");
        this.terminal = terminal;
        this.backends = Objects.requireNonNull(backends, "backends");
    }

    /** The process's own streams and the real backends. */
    public static Session system() {
        return new Session(new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.in,
                System.console() != null, MqBackends::byId);
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public InputStream in() {
        return in;
    }

    /** stdout is a terminal: a person reads it, so tables may redraw; else plain lines for a program. */
    public boolean terminal() {
        return terminal;
    }

    public Backends backends() {
        return backends;
    }
}
