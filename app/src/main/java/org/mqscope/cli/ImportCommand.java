package org.mqscope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mqscope.mq.CreateCheck;
import org.mqscope.mq.CreateRequest;
import org.mqscope.monitor.limits.RlimitUsage;
import org.mqscope.mq.ProcessStatus;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;
import org.mqscope.transfer.Importer;
import org.mqscope.transfer.MessageFile;
import org.mqscope.transfer.MessageFileException;
import org.mqscope.transfer.MessageFileHeader;
import org.mqscope.transfer.MessageFiles;
import org.mqscope.transfer.QueueReading;
import org.mqscope.transfer.TransferRefused;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mqscope import FILE [QUEUE]}: send a message file's messages, in order, after checking they fit. */
@Command(name = "import", description = {"Send the messages of a message file into a queue (default: the queue named "
        + "in the file), in the file's order.",
        "Checks first that every message fits (sizes against msgsize, count against free slots) and sends "
                + "nothing if not; stops at the first refused send, naming its line and the errno, and says how "
                + "many were sent."})
final class ImportCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The message file; - reads standard input.")
    String file;

    @Parameters(index = "1", arity = "0..1", paramLabel = "QUEUE", description = "Where to send (default: the "
            + "file's queue).")
    String queue;

    @Option(names = "--create", description = "Create the queue first with the file's maxmsg, msgsize and mode when "
            + "it does not exist (checked as create checks).")
    boolean create;

    @Option(names = "--json", description = "Report as JSON: {\"queue\":..., \"sent\": N, \"total\": T}.")
    boolean json;

    /** Where the messages go, once the file has been read (until then, problems are the file's). */
    private String target;

    @Override
    protected String subject() {
        return target != null ? target : file;
    }

    @Override
    protected int run(MqBackend backend) throws MqException, TransferRefused, MessageFileException, IOException,
            Failure {
        MessageFile messages = read();
        target = queue != null ? queue : messages.header().queue();
        if (create && QueueReading.info(backend, target) == null) {
            createFrom(backend, target, messages.header());
        }
        Importer.Result r = Importer.send(backend, target, messages, (done, total) -> { }, () -> false);
        if (json) {
            try (JsonGenerator g = json()) {
                g.writeStartObject();
                g.writeStringField("queue", target);
                g.writeNumberField("sent", r.sent());
                g.writeNumberField("total", r.total());
                if (r.failure() != null) {
                    g.writeNumberField("failed_line", r.failedLine());
                    g.writeStringField("errno", r.failure().errno().name());
                }
                g.writeEndObject();
            }
            out().println();
        }
        if (!r.complete()) {
            return report(target, r.describe(target));
        }
        if (!json) {
            out().println("sent " + r.sent() + (r.sent() == 1 ? " message" : " messages") + " to " + target);
        }
        return Cli.EXIT_OK;
    }

    private MessageFile read() throws IOException, MessageFileException, Failure {
        if (file.equals("-")) {
            return MessageFiles.read(new InputStreamReader(session.in(), StandardCharsets.UTF_8));
        }
        try (Reader r = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            return MessageFiles.read(r);
        }
    }

    private void createFrom(MqBackend backend, String target, MessageFileHeader h) throws MqException, Failure {
        ProcessStatus self = ProcessStatus.current();
        int mode = h.mode() >= 0 ? h.mode() : Mq.DEFAULT_MODE;
        CreateRequest request = new CreateRequest(target, h.maxmsg(), h.msgsize(), mode, true);
        CreateCheck.Result r = CreateCheck.of(backend.limits(), backend.list(),
                RlimitUsage.measure(backend, self.uid()).chargedBytes(), self.capSysResource()).check(request);
        if (!r.ok()) {
            throw new Failure(target, "cannot create it from the file's header: " + r.message());
        }
        try (MqQueue q = backend.open(target, request.oflag(), mode, request.attributes())) {
            note("created " + target + " (maxmsg " + h.maxmsg() + ", msgsize " + h.msgsize() + ")");
        }
    }
}
