package org.mqscope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.mqscope.monitor.limits.RlimitUsage;
import org.mqscope.mq.ProcessStatus;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqLimits;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.PeekSupport;
import org.mqscope.mq.QueueInfo;
import org.mqscope.mq.StatusLine;
import org.mqscope.transfer.QueueReading;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mqscope stat QUEUE}: one queue's attributes, status line, and the limits that apply to it. */
@Command(name = "stat", description = "Show one queue: attributes, status line, mode and owner, its RLIMIT_MSGQUEUE "
        + "charge, the limits that apply, and how it can be peeked.")
final class StatCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "QUEUE", description = "The queue, e.g. /orders.")
    String queue;

    @Option(names = "--json", description = "One JSON object.")
    boolean json;

    @Override
    protected String subject() {
        return queue;
    }

    @Override
    protected int run(MqBackend backend) throws MqException, IOException {
        QueueInfo info = QueueReading.info(backend, queue);
        if (info == null) {
            throw new MqException(Errno.ENOENT, "stat", queue);
        }
        MqAttributes a;
        PeekSupport peek;
        try (MqQueue q = backend.open(queue, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
            a = q.getAttributes();
            peek = q.peekSupport();
        }
        String status = backend.statusLine(queue);
        StatusLine line = StatusLine.parse(status);
        MqLimits limits = backend.limits();
        long charge = MqLimits.charge(a.maxMessages(), a.messageSize());
        RlimitUsage usage = RlimitUsage.measure(backend, ProcessStatus.current().uid());
        QueueTable table = new QueueTable(backend);
        if (json) {
            try (JsonGenerator g = json()) {
                g.writeStartObject();
                g.writeStringField("name", queue);
                g.writeNumberField("curmsgs", a.currentMessages());
                g.writeNumberField("maxmsg", a.maxMessages());
                g.writeNumberField("msgsize", a.messageSize());
                g.writeNumberField("qsize", line.qsize());
                g.writeNumberField("notify", line.notifyMethod());
                g.writeNumberField("signo", line.signo());
                g.writeNumberField("notify_pid", line.notifyPid());
                g.writeStringField("status_line", status.stripTrailing());
                g.writeStringField("mode", String.format("%04o", info.mode()));
                g.writeNumberField("uid", info.uid());
                g.writeNumberField("gid", info.gid());
                g.writeStringField("owner", table.ownerName(info.uid()));
                g.writeNumberField("charge", charge);
                g.writeObjectFieldStart("limits");
                g.writeNumberField("msg_max", limits.msgMax());
                g.writeNumberField("msgsize_max", limits.msgsizeMax());
                g.writeNumberField("queues_max", limits.queuesMax());
                if (limits.rlimitMsgqueue() == MqLimits.RLIM_INFINITY) {
                    g.writeNullField("rlimit_msgqueue");
                } else {
                    g.writeNumberField("rlimit_msgqueue", limits.rlimitMsgqueue());
                }
                g.writeNumberField("charged_by_you", usage.chargedBytes());
                g.writeEndObject();
                g.writeStringField("peek", peek.method().label());
                g.writeBooleanField("peek_available", peek.available());
                g.writeEndObject();
            }
            out().println();
            return Cli.EXIT_OK;
        }
        out().println("queue        " + queue);
        out().println("messages     " + a.currentMessages() + " of " + a.maxMessages() + " (maxmsg)");
        out().println("msgsize      " + a.messageSize() + " bytes");
        out().println("QSIZE        " + line.qsize() + " bytes");
        out().println("notify       " + (line.notifyPid() == 0 ? "none" : "PID " + line.notifyPid() + " (NOTIFY "
                + line.notifyMethod() + ", SIGNO " + line.signo() + ")"));
        out().println("status line  " + status.stripTrailing());
        out().println("mode         " + String.format("%04o", info.mode()) + ", owner " + table.ownerName(info.uid())
                + " (uid " + info.uid() + ", gid " + info.gid() + ")");
        out().println("charge       " + charge + " bytes of its creator's RLIMIT_MSGQUEUE (" + RlimitUsage.FORMULA
                + ")");
        out().println("limits       msg_max " + limits.msgMax() + ", msgsize_max " + limits.msgsizeMax()
                + ", queues_max " + limits.queuesMax());
        out().println("your charge  " + usage.summary());
        out().println("peek         " + peek.method().label() + (peek.available() ? ": " + peek.method()
                .explanation() : ": unavailable, " + peek.reason()));
        return Cli.EXIT_OK;
    }
}
