package org.mqscope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.mqscope.mq.CreateCheck;
import org.mqscope.mq.CreateRequest;
import org.mqscope.monitor.limits.RlimitUsage;
import org.mqscope.mq.ProcessStatus;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqLimits;
import org.mqscope.mq.MqQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mqscope create QUEUE}: mq_open(O_CREAT), checked first exactly as the Create Queue dialog checks. */
@Command(name = "create", description = {"Create a queue. Checked first as the window's Create Queue dialog checks "
        + "(name rules, O_EXCL, queues_max, msg_max, msgsize_max, RLIMIT_MSGQUEUE), naming the errno the kernel "
        + "would give.", "Without --exclusive an existing queue is left as it is (and said so)."})
final class CreateCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "QUEUE", description = "The new queue's name, e.g. /orders.")
    String queue;

    @Option(names = "--maxmsg", paramLabel = "N", description = "Capacity in messages (default: the system's).")
    Long maxmsg;

    @Option(names = "--msgsize", paramLabel = "N", description = "Largest message in bytes (default: the system's).")
    Long msgsize;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "0660", converter = OctalMode.class,
            description = "Permission bits in octal (default 0660); the umask applies, as for mq_open.")
    int mode;

    @Option(names = "--exclusive", description = "O_EXCL: fail with EEXIST when the queue exists.")
    boolean exclusive;

    @Option(names = "--json", description = "Report the queue's attributes as JSON.")
    boolean json;

    @Override
    protected String subject() {
        return queue;
    }

    @Override
    protected int run(MqBackend backend) throws MqException, IOException, Failure {
        ProcessStatus self = ProcessStatus.current();
        MqLimits limits = backend.limits();
        MqAttributes defaults = limits.defaultAttributes();
        CreateRequest request = new CreateRequest(queue, maxmsg != null ? maxmsg : defaults.maxMessages(),
                msgsize != null ? msgsize : defaults.messageSize(), mode, exclusive);
        CreateCheck check = CreateCheck.of(limits, backend.list(), RlimitUsage.measure(backend, self.uid()).chargedBytes(),
                self.capSysResource());
        CreateCheck.Result r = check.check(request);
        if (!r.ok()) {
            throw new Failure(queue, r.message());
        }
        if (!r.message().isEmpty()) {
            note(r.message());
        }
        MqAttributes a;
        try (MqQueue q = backend.open(queue, request.oflag(), mode, request.attributes())) {
            a = q.getAttributes();
        }
        if (json) {
            try (JsonGenerator g = json()) {
                g.writeStartObject();
                g.writeStringField("queue", queue);
                g.writeNumberField("maxmsg", a.maxMessages());
                g.writeNumberField("msgsize", a.messageSize());
                g.writeNumberField("curmsgs", a.currentMessages());
                g.writeEndObject();
            }
            out().println();
        } else {
            out().println((r.message().isEmpty() ? "created " : "opened ") + queue + ": maxmsg " + a.maxMessages()
                    + ", msgsize " + a.messageSize() + ", " + a.currentMessages() + " queued");
        }
        return Cli.EXIT_OK;
    }

    /** "0640" or "640": octal permission bits up to 07777. */
    static final class OctalMode implements picocli.CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int m = Integer.parseInt(value, 8);
                if (m >= 0 && m <= 07777) {
                    return m;
                }
            } catch (NumberFormatException e) {
                // the message below says what is wanted
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value
                    + "' is not a mode: octal digits up to 07777, e.g. 0640");
        }
    }

}
