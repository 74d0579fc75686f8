package org.mqscope.transfer;

import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.PeekResult;
import org.mqscope.mq.QueueInfo;

/**
 * Export (a queue to a message file's contents) and copy (a queue's messages into another queue, the source
 * untouched): both read without consuming through {@link QueueReading}.
 */
public final class Copier {
    private Copier() {
    }

    /** The queue's messages and a header for them, read without consuming. */
    public static MessageFile export(MqBackend backend, String queue, boolean allowDrain, Consumer<String> notice)
            throws MqException, TransferRefused {
        QueueInfo info = QueueReading.info(backend, queue);
        PeekResult r = QueueReading.read(backend, queue, allowDrain, notice);
        MessageFileHeader header = new MessageFileHeader(queue, r.attributes().maxMessages(),
                r.attributes().messageSize(), r.attributes().currentMessages(), info == null ? -1 : info.mode(),
                r.takenAt() != null ? r.takenAt() : Instant.now(), r.method().label(), r.size());
        return MessageFile.of(header, r.messages());
    }

    /**
     * Copies every message of {@code source} to the end of {@code target}, in receive order, after checking they
     * fit (as an import does). The source keeps its messages.
     */
    public static Importer.Result copy(MqBackend backend, String source, String target, boolean allowDrain,
                                       Consumer<String> notice, Importer.Progress progress,
                                       BooleanSupplier cancelled) throws MqException, TransferRefused {
        MessageFile read = export(backend, source, allowDrain, notice);
        // numbered 1.. so that problems name the message's place in the source (receive order), not a file line
        MessageFile file = new MessageFile(read.header(), read.messages(),
                java.util.stream.LongStream.rangeClosed(1, read.messages().size()).toArray());
        try (MqQueue q = backend.open(target, Mq.O_WRONLY | Mq.O_NONBLOCK)) {
            List<String> problems = Importer.check(file, "message ", q.getAttributes(), target);
            if (!problems.isEmpty()) {
                throw new TransferRefused(target, problems);
            }
            return Importer.sendChecked(q, file, progress, cancelled);
        }
    }

    /**
     * Sends chosen messages (rows picked in the window) to the end of {@code target} in the order given, after
     * checking they fit; {@code numbers} are their 1-based places in the source, for the problems' words.
     */
    public static Importer.Result copyMessages(MqBackend backend, List<MqMessage> messages, long[] numbers,
                                               String target, Importer.Progress progress,
                                               BooleanSupplier cancelled) throws MqException, TransferRefused {
        MessageFile file = new MessageFile(new MessageFileHeader(target, 1, 1, messages.size(), -1, Instant.now(),
                "selection", messages.size()), messages, numbers);
        try (MqQueue q = backend.open(target, Mq.O_WRONLY | Mq.O_NONBLOCK)) {
            List<String> problems = Importer.check(file, "message ", q.getAttributes(), target);
            if (!problems.isEmpty()) {
                throw new TransferRefused(target, problems);
            }
            return Importer.sendChecked(q, file, progress, cancelled);
        }
    }
}
