package org.mqscope.mq;

import java.time.Duration;

/**
 * Records what goes through one queue: every send and receive by any process, with who, when, priority, size,
 * result and the first bytes of the message. An optional capability of a backend ({@link MqBackend#recorder()}).
 * Recording never changes the queue (it is not a receive, and it sets no time stamp).
 */
public interface QueueRecorder {
    /** The default number of payload bytes kept per event. */
    int DEFAULT_PAYLOAD = 256;
    /** The most payload bytes kept per event. */
    int MAX_PAYLOAD = 4096;

    /**
     * Records {@code queue} on the calling thread until {@code duration} is over or the thread is interrupted,
     * handing each event to {@code listener} in the order the calls returned (per thread always in order).
     * Interruption is not a failure: the recording ends cleanly and the interrupt flag stays set.
     *
     * @param payload bytes of each message kept, 1..{@link #MAX_PAYLOAD}
     * @throws MqException EACCES without read permission on the queue (recording needs what mq_receive needs),
     *                     ENOENT without such a queue, EPERM when recording is not allowed here, EINVAL for a bad
     *                     payload or duration, EIO when the recorder failed midway
     */
    Summary record(String queue, int payload, Duration duration, Listener listener) throws MqException;

    /** Receives a recording's events, on the recording thread: keep it quick. */
    interface Listener {
        /** The recorder is in place: every call that enters from now on will be reported. */
        default void started() {
        }

        void event(RecordedEvent e);

        /** The recorder had no room for {@code totalLost} events so far (its buffer was full): they are gone. */
        default void lost(long totalLost) {
        }
    }

    /** How a recording ended. */
    enum End {
        /** The duration was over. */
        DURATION,
        /** The recording thread was interrupted. */
        CANCELLED
    }

    /**
     * What a recording delivered.
     *
     * @param events events handed to the listener
     * @param lost   events lost because the recorder's buffer was full ("N events lost"); 0 normally
     */
    record Summary(long events, long lost, End end) {
    }
}
