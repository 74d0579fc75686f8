package org.mqscope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.mqscope.monitor.QueueSample;
import org.mqscope.monitor.QueueSampler;
import org.mqscope.monitor.SampleBatch;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mqscope ls}: every queue with its depth, sizes, mode, owner and notification. */
@Command(name = "ls", description = "List the queues: messages/capacity, msgsize, QSIZE, mode, owner, last activity,"
        + " notify PID.")
final class LsCommand extends CliCommand {
    @Option(names = "--json", description = "One JSON object: {\"backend\": ..., \"queues\": [...]}.")
    boolean json;

    @Override
    protected int run(MqBackend backend) throws MqException, IOException {
        SampleBatch batch = QueueSampler.sampleOnce(backend);
        if (batch.failure() != null) {
            throw batch.failure();
        }
        QueueTable table = new QueueTable(backend);
        if (!json) {
            table.printText(out(), batch.queues());
            return Cli.EXIT_OK;
        }
        try (JsonGenerator g = json()) {
            g.writeStartObject();
            g.writeStringField("backend", backend.id());
            g.writeArrayFieldStart("queues");
            for (QueueSample s : batch.queues()) {
                table.writeJson(g, s);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out().println();
        return Cli.EXIT_OK;
    }
}
