package org.mqscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The man page (troff) and the bash completion script, both generated from the commands' picocli definitions, so
 * they cannot disagree with {@code --help}. The installer runs {@code java -cp mqscope.jar
 * org.mqscope.cli.CliDocs DIR}. (picocli-codegen's generator writes AsciiDoc, which needs asciidoctor to become a
 * man page; troff is written here directly instead.)
 */
public final class CliDocs {
    public static final String MAN_PAGE = Cli.NAME + ".1";
    public static final String COMPLETION = Cli.NAME;

    private CliDocs() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CliDocs DIR   (writes DIR/" + MAN_PAGE + " and DIR/" + COMPLETION + ")");
            System.exit(Cli.EXIT_USAGE);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        Files.writeString(dir.resolve(MAN_PAGE), manPage(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(COMPLETION), completion(), StandardCharsets.UTF_8);
    }

    private static CommandLine tree() {
        return Cli.commandLine(new Session(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                java.io.InputStream.nullInputStream(), false, id -> {
                    throw new IllegalStateException("documentation opens no backend");
                }));
    }

    /** bash completion for every command and option, with the choices of enum-valued options. */
    public static String completion() {
        return AutoComplete.bash(Cli.NAME, tree());
    }

    /** mqscope(1) in troff (man macros). */
    public static String manPage() {
        CommandLine root = tree();
        StringBuilder m = new StringBuilder();
        m.append(".TH MQSCOPE 1 \"\" \"mqscope\" \"User Commands\"\n");
        m.append(".SH NAME\nmqscope \\- inspect, copy and move the messages of Linux POSIX message queues\n");
        m.append(".SH SYNOPSIS\n.B mqscope\n[\\fIoptions\\fR]\n.br\n.B mqscope\n\\fICOMMAND\\fR "
                + "[\\fIoptions\\fR] [\\fIarguments\\fR]\n");
        m.append(".SH DESCRIPTION\n");
        m.append(text("Without a command mqscope opens its window (mqscope --help lists the window's options). "
                + "With a command it is a command-line tool: results go to standard output, diagnostics to "
                + "standard error as 'mqscope: COMMAND QUEUE: ERRNO: explanation'. A QUEUE is a name as mq_open(3) "
                + "takes it, with the leading slash, e.g. /orders. Output has no colour and no progress when "
                + "standard output is not a terminal.")).append('\n');
        m.append(".SH COMMANDS\n");
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            command(m, e.getValue().getCommandSpec());
        }
        m.append(".SH MESSAGE FILES\n");
        m.append(text("export writes, and import reads, JSON Lines: a header line, then one line per message in "
                + "receive order (the header is one line in a file; wrapped here):")).append('\n');
        m.append(".PP\n.nf\n");
        for (String line : List.of("{\"format\":\"mqscope-messages\",\"version\":1,\"queue\":\"/orders\",",
                " \"maxmsg\":10,\"msgsize\":8192,\"curmsgs\":2,\"mode\":\"0640\",",
                " \"time\":\"2026-12-07T02:40:00Z\",\"read\":\"exact peek\",\"count\":2}",
                "{\"priority\":5,\"size\":5,\"encoding\":\"utf-8\",\"body\":\"hello\"}",
                "{\"priority\":0,\"size\":3,\"encoding\":\"base64\",\"body\":\"AP8B\"}")) {
            m.append(escape(line)).append('\n');
        }
        m.append(".fi\n.PP\n");
        m.append(text("The body is text when it is valid UTF-8 without control characters (tab, newline and "
                + "carriage return allowed), else base64. Fields a reader does not know are skipped. Errors name "
                + "the line (1 is the header).")).append('\n');
        m.append(".SH RECORDING FILES\n");
        m.append(text("record writes, and replay reads, JSON Lines of the same family: a header line (\"format\":"
                + "\"mqscope-recording\", the queues with their attributes and the messages they held at the start, "
                + "the payload limit, the machine), one line per recorded call (\"kind\":\"event\": seq, time, "
                + "monotonic enter and exit in ns, pid, tid, comm, call, queue, priority, size, result, the first "
                + "bytes as encoding and body, complete), \"lost\" lines when the recorder's buffer overflowed, and "
                + "an end line with the counts and how the recording ended. A file without an end line was cut "
                + "short; its events are still read.")).append('\n');
        m.append(".SH EXIT STATUS\n.TP\n0\nSuccess.\n.TP\n1\nThe operation failed (the reason is on standard "
                + "error).\n.TP\n2\nUsage error; the usage follows on standard error.\n");
        m.append(".SH FILES\n.TP\n~/.local/share/mqscope/journal\n");
        m.append(text("Journals of drain-and-restore peeks and of moves on the kernel; mqscope --recover finishes "
                + "what a crash interrupted ($XDG_DATA_HOME/mqscope/journal when set).")).append('\n');
        m.append(".SH SEE ALSO\n.BR mq_overview (7),\n.BR mq_open (3),\n.BR lsipc (1)\n");
        return m.toString();
    }

    private static void command(StringBuilder m, CommandSpec spec) {
        m.append(".SS ").append(escape(spec.name())).append('\n');
        m.append(".B mqscope ").append(escape(spec.name())).append('\n');
        StringBuilder synopsis = new StringBuilder();
        for (OptionSpec o : spec.options()) {
            if (!o.usageHelp()) {
                synopsis.append(" [").append(o.longestName()).append(o.arity().max() > 0 ? "=" + o.paramLabel() : "")
                        .append(']');
            }
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            boolean optional = p.arity().min() == 0;
            synopsis.append(' ').append(optional ? "[" : "").append(p.paramLabel())
                    .append(p.arity().max() > 1 ? "..." : "").append(optional ? "]" : "");
        }
        m.append(escape(synopsis.toString().trim())).append("\n.PP\n");
        for (String line : spec.usageMessage().description()) {
            m.append(text(line)).append("\n.PP\n");
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            item(m, p.paramLabel(), p);
        }
        for (OptionSpec o : spec.options()) {
            String names = String.join(", ", o.names()) + (o.arity().max() > 0 ? "=" + o.paramLabel() : "");
            item(m, names, o);
        }
    }

    private static void item(StringBuilder m, String label, ArgSpec a) {
        m.append(".TP\n.B ").append(escape(label)).append('\n')
                .append(text(String.join(" ", List.of(a.description())))).append('\n');
    }

    private static String text(String s) {
        String e = escape(s);
        return e.startsWith(".") || e.startsWith("'") ? "\\&" + e : e;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\e").replace("-", "\\-");
    }
}
