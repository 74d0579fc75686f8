package org.mqscope.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;

/** Runs a command line in this JVM against one emulated namespace, with captured streams (not a terminal). */
final class CliRun {
    private final MqBackend backend;
    private final boolean terminal;

    CliRun(MqBackend backend) {
        this(backend, false);
    }

    /** With {@code terminal}, commands print as they would for a person at a terminal. */
    CliRun(MqBackend backend, boolean terminal) {
        this.backend = backend;
        this.terminal = terminal;
    }

    /** What one command printed and returned. */
    record Result(int exit, String out, String err) {
    }

    Result run(String... args) {
        return runWithInput(new byte[0], args);
    }

    Result runWithInput(byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Session session = new Session(new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(stdin), terminal, new Session.Backends() {
                    @Override
                    public MqBackend open(String id) throws MqException {
                        return backend; // --backend is ignored: every command sees the test's namespace
                    }

                    @Override
                    public boolean closeAfterUse() {
                        return false;
                    }
                });
        int exit = Cli.run(session, args);
        return new Result(exit, out.toString(), err.toString());
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
