package org.mqscope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mqscope.monitor.processes.ProcessScanner;
import org.mqscope.monitor.processes.QueueUsage;
import org.mqscope.monitor.processes.QueueUser;
import org.mqscope.monitor.processes.UsageSnapshot;
import org.mqscope.monitor.processes.Visibility;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.QueueInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mqscope ps [QUEUE]}: who holds, waits on or is registered for each queue, from the same scanner the
 * window's Processes tab uses. mqscope's own descriptors (this command's) are left out.
 */
@Command(name = "ps", description = "List the processes using the queues: pid, command, user, fd, mode, role"
        + " (holder, blocked-send, blocked-receive, notify-owner).")
final class PsCommand extends CliCommand {
    private static final String FORMAT = "%-24s %7s %-16s %-14s %4s %-12s %s%n";

    @Parameters(index = "0", arity = "0..1", paramLabel = "QUEUE", description = "Only this queue (default: all).")
    String queue;

    @Option(names = "--json", description = "One JSON object: {\"backend\": ..., \"queues\": [{\"name\", \"users\":"
            + " [{\"pid\", \"command\", \"user\", \"fd\", \"mode\", \"nonblock\", \"role\", ...}]}]}.")
    boolean json;

    @Override
    protected String subject() {
        return queue;
    }

    @Override
    protected int run(MqBackend backend) throws MqException, IOException, Failure {
        List<QueueInfo> listing = backend.list();
        if (queue != null && listing.stream().noneMatch(i -> i.name().equals(queue))) {
            throw new MqException(Errno.ENOENT, "mq_open", queue);
        }
        UsageSnapshot snapshot = ProcessScanner.forBackend(backend).scanAll(listing, queue);
        if (snapshot.problem() != null) {
            throw new Failure(queue, snapshot.problem());
        }
        List<QueueUsage> shown = new ArrayList<>();
        for (QueueInfo i : listing) {
            if (queue == null || i.name().equals(queue)) {
                shown.add(snapshot.of(i.name()));
            }
        }
        shown.sort(Comparator.comparing(QueueUsage::queue));
        Visibility v = snapshot.visibility();
        if (!v.complete()) {
            // an empty list is then no proof that nobody uses a queue: say so where a script's user sees it
            note(Character.toLowerCase(v.note().charAt(0)) + v.note().substring(1));
        }
        if (json) {
            writeJson(backend, shown, v);
        } else {
            writeText(shown);
        }
        return Cli.EXIT_OK;
    }

    private static List<QueueUser> others(QueueUsage u) {
        return u.users().stream().filter(x -> !x.self()).toList();
    }

    private void writeText(List<QueueUsage> shown) {
        out().printf(FORMAT, "QUEUE", "PID", "COMMAND", "USER", "FD", "MODE", "ROLE");
        for (QueueUsage u : shown) {
            List<QueueUser> users = others(u);
            if (users.isEmpty() && queue != null) {
                out().printf(FORMAT, u.queue(), "-", "-", "-", "-", "-", "(nobody)");
            }
            for (QueueUser x : users) {
                out().printf(FORMAT, u.queue(), x.pid(), x.commandOrPid(), x.user() == null ? "?" : x.user(),
                        x.fd() < 0 ? "-" : Integer.toString(x.fd()), x.mode() == null ? "-" : x.mode().text(),
                        x.role().word() + (x.tid() != 0 && x.tid() != x.pid() ? " (tid " + x.tid() + ")" : ""));
            }
        }
    }

    private void writeJson(MqBackend backend, List<QueueUsage> shown, Visibility v) throws IOException {
        try (JsonGenerator g = json()) {
            g.writeStartObject();
            g.writeStringField("backend", backend.id());
            g.writeBooleanField("complete", v.complete());
            if (!v.complete()) {
                g.writeStringField("visibility", v.note());
            }
            g.writeArrayFieldStart("queues");
            for (QueueUsage u : shown) {
                g.writeStartObject();
                g.writeStringField("name", u.queue());
                g.writeArrayFieldStart("users");
                for (QueueUser x : others(u)) {
                    writeUser(g, x);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out().println();
    }

    private static void writeUser(JsonGenerator g, QueueUser x) throws IOException {
        g.writeStartObject();
        g.writeNumberField("pid", x.pid());
        if (x.tid() != 0) {
            g.writeNumberField("tid", x.tid());
        }
        g.writeStringField("command", x.command());
        g.writeStringField("command_line", x.commandLine());
        if (x.uid() >= 0) {
            g.writeNumberField("uid", x.uid());
        } else {
            g.writeNullField("uid");
        }
        g.writeStringField("user", x.user());
        if (x.fd() >= 0) {
            g.writeNumberField("fd", x.fd());
        } else {
            g.writeNullField("fd");
        }
        if (x.mode() != null) {
            g.writeStringField("mode", x.mode().access());
            g.writeBooleanField("nonblock", x.mode().nonBlocking());
        } else {
            g.writeNullField("mode");
        }
        g.writeStringField("role", x.role().word());
        if (x.role().blocked()) {
            g.writeNumberField("size", x.size());
            g.writeBooleanField("timed", x.timed());
        }
        if (x.priority() >= 0) {
            g.writeNumberField("priority", x.priority());
        }
        g.writeEndObject();
    }
}
