package org.mqscope.ui.recording;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.QueueRecorder;
import org.mqscope.mq.RecordedEvent;
import org.mqscope.recording.RecordingEnd;
import org.mqscope.recording.RecordingHeader;
import org.mqscope.recording.RecordingStart;
import org.mqscope.recording.RecordingWriter;

/**
 * The file a live recording streams into, from its first event: a temporary file until the user saves it
 * elsewhere, so the window keeps only the last events in memory and the file keeps all. The header is written
 * once the recorder is in place, by {@link RecordingStart} as for {@code mqscope record}: each queue's attributes
 * and — where the exact peek can read it without changing the queue — the messages it held then (time in queue
 * starts from them). All on the recording thread.
 */
final class LiveFile implements LiveRecording.Sink {
    /** Flush at least this often (in events), so what a crash leaves is readable up to a recent point. */
    private static final int FLUSH_EVERY = 4_096;

    private final Path path;
    private final QueueRecorder.Request request;
    private final RecordingStart start;
    private RecordingWriter writer;
    private RecordingHeader header;
    private int sinceFlush;

    private LiveFile(Path path, QueueRecorder.Request request, RecordingStart start) {
        this.path = path;
        this.request = request;
        this.start = start;
    }

    /**
     * A new temporary file in {@code dir} for a recording of {@code request} through {@code backend}; its queues are
     * opened now (as {@code mqscope record} does), so one that is missing or unreadable is refused with its errno
     * before the recorder starts. Off the event dispatch thread.
     */
    static LiveFile create(Path dir, MqBackend backend, QueueRecorder.Request request) throws IOException,
            MqException {
        RecordingStart start = RecordingStart.open(backend, request.queues());
        try {
            Files.createDirectories(dir);
            return new LiveFile(Files.createTempFile(dir, "recording-", ".jsonl"), request, start);
        } catch (IOException | RuntimeException e) {
            start.close();
            throw e;
        }
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
        try {
            header = start.header(request.payload());
        } finally {
            start.close();
        }
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
    public void caughtUp() throws IOException {
        if (writer != null && sinceFlush > 0) {
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
        start.close(); // when the recorder never started
        if (writer == null) {
            return; // the recorder never started: the file is empty and is deleted with the window
        }
        try {
            writer.end(how, reason, Instant.now());
        } finally {
            writer.close();
        }
    }
}
