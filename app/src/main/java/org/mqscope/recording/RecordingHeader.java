package org.mqscope.recording;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The first line of a recording file: what was recorded, where and how.
 *
 * @param time      when the recording started (wall clock)
 * @param payload   how many bytes of each message were kept (longer ones are cut: their events are not complete)
 * @param backend   the backend recorded ("kernel")
 * @param namespace the IPC namespace, as /proc/PID/ns/ipc names it ("ipc:[4026531839]"), or "" when unknown
 * @param host      the machine
 * @param queues    the queues recorded, each with its attributes and starting snapshot
 */
public record RecordingHeader(Instant time, int payload, String backend, String namespace, HostFacts host,
                              List<RecordedQueue> queues) {
    /** The value of the header's "format" field: tells a recording from any other JSON Lines file. */
    public static final String FORMAT = "mqscope-recording";
    /** Bumped when a reader of this version could misread a newer file. */
    public static final int VERSION = 1;

    public RecordingHeader {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(host, "host");
        queues = List.copyOf(queues);
        if (payload < 1) {
            throw new IllegalArgumentException("payload " + payload + " must be at least 1");
        }
    }

    /** The queue of that name, or null. */
    public RecordedQueue queue(String name) {
        return queues.stream().filter(q -> q.name().equals(name)).findFirst().orElse(null);
    }
}
