package org.mqscope.ui.recording;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.PeekMethod;
import org.mqscope.mq.PeekResult;
import org.mqscope.mq.QueueRecorder;
import org.mqscope.mq.RecordedEvent;
import org.mqscope.recording.HostFacts;
import org.mqscope.recording.QueueSnapshot;
import org.mqscope.recording.RecordedQueue;
import org.mqscope.recording.RecordingEnd;
import org.mqscope.recording.RecordingHeader;
import org.mqscope.recording.RecordingWriter;

/**
 * The file a live recording streams into, from its first event: a temporary file until the user saves it
 * elsewhere, so the window keeps only the last events in memory and the file keeps all. The header is written
 * once the recorder is in place, with each queue's attributes and — where the exact peek can read it without
 * changing the queue — the messages it held then (time in queue starts from them). All on the recording thread.
 */
final class LiveFile implements LiveRecording.Sink {
    /** Flush at least this often (in events), so what a crash leaves is readable up to a recent point. */
    private static final int FLUSH_EVERY = 4_096;

    private final Path path;
    private final MqBackend backend;
    private final QueueRecorder.Request request;
    private RecordingWriter writer;
    private RecordingHeader header;
    private int sinceFlush;

    private LiveFile(Path path, MqBackend backend, QueueRecorder.Request request) {
        this.path = path;
        this.backend = backend;
        this.request = request;
    }

    /** A new temporary file in {@code dir} for a recording of {@code request} through {@code backend}. */
    static LiveFile create(Path dir, MqBackend backend, QueueRecorder.Request request) throws IOException {
        Files.createDirectories(dir);
        return new LiveFile(Files.createTempFile(dir, "recording-", ".jsonl"), backend, request);
    }

    Path path() {
        return path;
    }

    /** The header, once written (null before the recorder was in place). */
    RecordingHeader header() {
        return header;
    }

    @Override
    public void started() throws IOException {
        header = new RecordingHeader(Instant.now(), request.payload(), "kernel", "", HostFacts.here(),
                startingState(backend, request.queues()));
        Writer out = new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8), 1 << 16);
        writer = new RecordingWriter(out, header);
    }

    @Override
    public void event(RecordedEvent e) throws IOException {
        writer.event(e);
        if (++sinceFlush >= FLUSH_EVERY) {
            sinceFlush = 0;
            writer.flush();
        }
    }

    @Override
    public void lost(long total) throws IOException {
        writer.lost(total);
    }

    /** Writes the end line and closes the file (on the recording thread, or after a failure on any). */
    void finish(RecordingEnd.How how, String reason) throws IOException {
        if (writer == null) {
            return; // the recorder never started: the file is empty and is deleted with the window
        }
        try {
            writer.end(how, reason, Instant.now());
        } finally {
            writer.close();
        }
    }

    /**
     * Each queue as the recording starts: its attributes, and its messages where an exact peek reads them without
     * changing anything (never a drain-and-restore: recording never changes a queue). The recorder has just opened
     * them with the same rights, so a queue that cannot be read now stops the recording with the reason.
     */
    static List<RecordedQueue> startingState(MqBackend backend, List<String> queues) throws IOException {
        List<RecordedQueue> out = new ArrayList<>();
        for (String name : queues) {
            try (MqQueue q = backend.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
                MqAttributes a = q.getAttributes();
                QueueSnapshot snapshot = null;
                String why = "";
                if (q.peekSupport().method() == PeekMethod.EXACT && q.peekSupport().available()) {
                    long start = System.nanoTime(); // CLOCK_MONOTONIC, the recorder's clock
                    PeekResult p = q.snapshot();
                    snapshot = new QueueSnapshot(PeekMethod.EXACT.label(), p.takenAt(), start, System.nanoTime(),
                            p.messages());
                    a = p.attributes();
                } else {
                    why = "no exact peek here: " + q.peekSupport().reason();
                }
                out.add(new RecordedQueue(name, a.maxMessages(), a.messageSize(), a.currentMessages(), -1, snapshot,
                        why));
            } catch (MqException e) {
                throw new IOException("the starting state of " + name + " could not be read: " + e.getMessage(), e);
            }
        }
        return out;
    }
}
