package org.mqscope.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.NamespaceBound;
import org.mqscope.mq.PeekMethod;
import org.mqscope.mq.PeekResult;
import org.mqscope.mq.PeekSupport;
import org.mqscope.mq.QueueInfo;

/**
 * What a recording's header says about its queues, gathered in two steps around the recorder's start: before it,
 * each queue is opened read-only (so a queue that is missing or not readable is refused at once, with its errno)
 * and its attributes and mode are read — these calls are not recorded; once the recorder is in place
 * ({@link org.mqscope.mq.QueueRecorder.Listener#started()}), {@link #header} reads each queue's messages by exact
 * peek, between two CLOCK_MONOTONIC readings, so the time-in-queue matching knows what was already queued. A queue
 * is never drained for this: without an exact peek it has no snapshot, and the header says why. Backend calls:
 * never on the event dispatch thread.
 */
public final class RecordingStart implements AutoCloseable {
    private final Map<String, MqQueue> open = new LinkedHashMap<>();
    private final Map<String, MqAttributes> attributes = new LinkedHashMap<>();
    private final Map<String, Integer> modes = new LinkedHashMap<>();
    private final MqBackend backend;

    private RecordingStart(MqBackend backend) {
        this.backend = backend;
    }

    /** Opens the queues (read-only, non-blocking) and reads their attributes; closes what it opened on failure. */
    public static RecordingStart open(MqBackend backend, List<String> names) throws MqException {
        RecordingStart s = new RecordingStart(backend);
        try {
            Map<String, Integer> listed = new LinkedHashMap<>();
            for (QueueInfo i : backend.list()) {
                listed.put(i.name(), i.mode());
            }
            for (String name : names) {
                MqQueue q = backend.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK);
                s.open.put(name, q);
                s.attributes.put(name, q.getAttributes());
                s.modes.put(name, listed.getOrDefault(name, -1));
            }
        } catch (MqException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /**
     * The header, with each queue's snapshot read now (call it once the recorder is in place), naming the backend
     * and the IPC namespace its queues are in.
     */
    public RecordingHeader header(int payload) {
        Instant time = Instant.now();
        List<RecordedQueue> queues = new ArrayList<>();
        open.forEach((name, q) -> queues.add(snapshot(name, q)));
        return new RecordingHeader(time, payload, backend.id(), namespaceOf(backend), HostFacts.here(), queues);
    }

    private RecordedQueue snapshot(String name, MqQueue q) {
        MqAttributes a = attributes.get(name);
        int mode = modes.get(name);
        PeekSupport support = q.peekSupport();
        if (support.method() != PeekMethod.EXACT || !support.available()) {
            String why = "no exact peek here" + (support.reason() == null || support.reason().isEmpty() ? ""
                    : ": " + support.reason()) + "; a recording never drains a queue";
            return new RecordedQueue(name, a.maxMessages(), a.messageSize(), a.currentMessages(), mode, null, why);
        }
        long start = System.nanoTime(); // CLOCK_MONOTONIC, the recorder's clock
        try {
            PeekResult r = q.snapshot();
            long end = System.nanoTime();
            QueueSnapshot s = new QueueSnapshot(r.method().label(), r.takenAt(), start, end, r.messages());
            return new RecordedQueue(name, r.attributes().maxMessages(), r.attributes().messageSize(),
                    r.messages().size(), mode, s, "");
        } catch (MqException e) {
            return new RecordedQueue(name, a.maxMessages(), a.messageSize(), a.currentMessages(), mode, null,
                    "the exact peek failed: " + e.getMessage());
        }
    }

    /** The IPC namespace {@code backend} works in, as /proc names it ("ipc:[4026531839]"), or "" when unknown. */
    static String namespaceOf(MqBackend backend) {
        return backend instanceof NamespaceBound bound ? "ipc:[" + bound.namespaceInode() + "]" : ownNamespace();
    }

    /** This process's IPC namespace as /proc names it, or "" when unreadable. */
    private static String ownNamespace() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/ns/ipc")).toString();
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return "";
        }
    }

    /** Closes the descriptors (the recording itself needs none). */
    @Override
    public void close() {
        for (MqQueue q : open.values()) {
            try {
                q.close();
            } catch (MqException e) {
                // closing a descriptor we opened read-only cannot lose anything
            }
        }
        open.clear();
    }
}
