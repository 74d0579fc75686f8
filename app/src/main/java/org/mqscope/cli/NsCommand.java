package org.mqscope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.mqscope.monitor.namespaces.IpcNamespaceInfo;
import org.mqscope.monitor.namespaces.NamespaceScanner;
import org.mqscope.mq.ErrnoText;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.NamespaceBound;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mqscope ns}: the machine's IPC namespaces (as {@code lsns -t ipc} groups processes), each with its name,
 * processes and number of queues; {@code --ns=PID} on any other command works in one of them.
 */
@Command(name = "ns", description = "List the IPC namespaces (containers): id, name, processes, queues. Give one of"
        + " its PIDs as --ns=PID to any other command to work there.")
final class NsCommand extends CliCommand {
    /** Pids shown in the text table before "…". */
    private static final int PIDS_SHOWN = 4;

    @Option(names = "--json", description = "One JSON object: {\"namespaces\": [{\"id\", \"inode\", \"name\","
            + " \"host\", \"pids\", \"queues\", \"problem\"}]}.")
    boolean json;

    /** One namespace with what counting its queues gave. */
    private record Row(IpcNamespaceInfo info, Integer queues, String problem) {
    }

    @Override
    protected int run(MqBackend backend) throws IOException, Failure {
        // --ns=PID chooses which namespace counts its queues through the backend already open; all are listed
        if (!(backend instanceof NamespaceBound own)) {
            throw new Failure(null, "EINVAL: only the kernel has IPC namespaces (not --backend=" + backend.id() + ")");
        }
        List<IpcNamespaceInfo> found;
        try {
            found = new NamespaceScanner().scan();
        } catch (IOException e) {
            throw new Failure(null, "/proc cannot be read: " + e.getMessage());
        }
        List<Row> rows = new ArrayList<>();
        for (IpcNamespaceInfo info : found) {
            if (info.inode() == 0) {
                rows.add(new Row(info, null, info.problem()));
            } else if (info.inode() == own.namespaceInode()) {
                rows.add(count(info, backend, false));
            } else {
                rows.add(countIn(info));
            }
        }
        if (json) {
            writeJson(rows);
        } else {
            writeText(rows);
        }
        return Cli.EXIT_OK;
    }

    private Row countIn(IpcNamespaceInfo info) {
        MqBackend b;
        try {
            b = session.backends().openInNamespaceOf(info.anyPid());
        } catch (MqException e) {
            return new Row(info, null, ErrnoText.inWords(e));
        }
        return count(info, b, true);
    }

    private static Row count(IpcNamespaceInfo info, MqBackend b, boolean close) {
        try {
            return new Row(info, b.list().size(), info.problem());
        } catch (MqException e) {
            return new Row(info, null, ErrnoText.inWords(e));
        } finally {
            if (close) {
                b.close();
            }
        }
    }

    /** "ipc:[4026531839]", as /proc/PID/ns/ipc and lsns name it. */
    private static String id(IpcNamespaceInfo i) {
        return "ipc:[" + i.inode() + "]";
    }

    private void writeText(List<Row> rows) {
        String format = "%-17s %5s %6s  %-28s %s%n";
        out().printf(format, "NS", "PROCS", "QUEUES", "PIDS", "NAME");
        for (Row r : rows) {
            IpcNamespaceInfo i = r.info();
            String pids = i.pids().stream().limit(PIDS_SHOWN).map(String::valueOf).collect(Collectors.joining(","))
                    + (i.pids().size() > PIDS_SHOWN ? ",…" : "");
            out().printf(format, i.inode() == 0 ? "?" : id(i),
                    i.inode() == 0 ? "?" : Integer.toString(i.pids().size()),
                    r.queues() == null ? "?" : r.queues().toString(), pids.isEmpty() ? "-" : pids, i.name());
            if (r.problem() != null) {
                out().println("                  " + r.problem());
            }
        }
    }

    private void writeJson(List<Row> rows) throws IOException {
        try (JsonGenerator g = json()) {
            g.writeStartObject();
            g.writeArrayFieldStart("namespaces");
            for (Row r : rows) {
                IpcNamespaceInfo i = r.info();
                g.writeStartObject();
                if (i.inode() == 0) {
                    g.writeNullField("id");
                    g.writeNullField("inode");
                } else {
                    g.writeStringField("id", id(i));
                    g.writeNumberField("inode", i.inode());
                }
                g.writeStringField("name", i.name());
                g.writeStringField("named_by", i.source().name().toLowerCase(Locale.ROOT));
                g.writeBooleanField("host", i.host());
                g.writeArrayFieldStart("pids");
                for (int pid : i.pids()) {
                    g.writeNumber(pid);
                }
                g.writeEndArray();
                if (r.queues() == null) {
                    g.writeNullField("queues");
                } else {
                    g.writeNumberField("queues", r.queues());
                }
                if (r.problem() != null) {
                    g.writeStringField("problem", r.problem());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out().println();
    }
}
