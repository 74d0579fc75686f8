package org.mqscope.mq;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Records what goes through queues: every send and receive by any process, with who, when, priority, size,
 * result and the first bytes of the message, and the other calls on them (mq_open, mq_unlink, mq_notify,
 * mq_getsetattr) with their results. An optional capability of a backend ({@link MqBackend#recorder()}); the queues
 * are those of that backend's IPC namespace, and a recording holds nothing of any other queue or namespace. Every
 * process's calls are recorded, this one's too (a window's own sampler opening the queue and reading its
 * attributes shows as mq_open and mq_getsetattr events with this process's pid): a listener that wants only
 * the others filters by {@link QueueEvent#pid()}. Recording never changes a queue (it is not a receive, and it
 * sets no time stamp).
 */
public interface QueueRecorder {
    /** The default number of payload bytes kept per event. */
    int DEFAULT_PAYLOAD = 256;
    /** The most payload bytes kept per event. */
    int MAX_PAYLOAD = 4096;
    /** The most queues one recording takes. */
    int MAX_QUEUES = 64;

    /**
     * Records the request's queues on the calling thread until its duration is over (or, for a duration of 0,
     * until the thread is interrupted), handing each event to {@code listener} in the order the calls returned
     * (per thread always in order); {@code event().queue()} names the queue of each. Interruption is not a
     * failure: the recording ends cleanly and the interrupt flag stays set.
     *
     * @throws MqException EINVAL for a bad request (naming the field: queues, payload, duration), EACCES without
     *                     read permission on one of the queues (recording needs what mq_receive needs), ENOENT
     *                     without such a queue, EPERM when recording is not allowed here, EIO when the recorder
     *                     failed midway; the queue named is the one at fault, when one is
     */
    Summary record(Request request, Listener listener) throws MqException;

    /**
     * What to record.
     *
     * @param queues   1..{@link #MAX_QUEUES} distinct queue names, each with its leading slash
     * @param payload  bytes of each message kept, 1..{@link #MAX_PAYLOAD}
     * @param duration how long; {@link Duration#ZERO} records until the recording thread is interrupted
     */
    record Request(List<String> queues, int payload, Duration duration) {
        public Request {
            queues = List.copyOf(queues); // null elements are refused here (NullPointerException)
            Objects.requireNonNull(duration, "duration");
        }

        /** One queue with the default payload, until interrupted. */
        public static Request of(String queue) {
            return new Request(List.of(queue), DEFAULT_PAYLOAD, Duration.ZERO);
        }

        /** A checked request: as {@link #check()} says. */
        public static Request of(List<String> queues, int payload, Duration duration) throws MqException {
            Request r = new Request(queues, payload, duration);
            r.check();
            return r;
        }

        /** Whether this duration means "until interrupted". */
        public boolean untilInterrupted() {
            return duration.isZero();
        }

        /**
         * Refuses a request no recorder takes, with EINVAL and the field's name ("queues", "payload", "duration")
         * in the detail; a name that is no queue name gets the errno mq_open would give, naming the queue.
         */
        public void check() throws MqException {
            if (queues.isEmpty() || queues.size() > MAX_QUEUES) {
                throw new MqException(Errno.EINVAL, OPERATION, String.join(" ", queues), "queues: "
                        + queues.size() + " given, a recording takes 1 to " + MAX_QUEUES);
            }
            Set<String> seen = new HashSet<>();
            for (String q : queues) {
                Errno bad = QueueNames.error(q);
                if (bad != null) {
                    throw new MqException(bad, OPERATION, q, "queues: " + q + " is not a queue name");
                }
                if (!seen.add(q)) {
                    throw new MqException(Errno.EINVAL, OPERATION, q, "queues: " + q + " is named twice");
                }
            }
            if (payload < 1 || payload > MAX_PAYLOAD) {
                throw new MqException(Errno.EINVAL, OPERATION, queues.get(0), "payload: " + payload
                        + " is not between 1 and " + MAX_PAYLOAD + " bytes");
            }
            if (duration.isNegative() || duration.toMillis() > Integer.MAX_VALUE
                    || (!duration.isZero() && duration.toMillis() == 0)) {
                throw new MqException(Errno.EINVAL, OPERATION, queues.get(0), "duration: " + duration
                        + " is neither 0 (until stopped) nor between 1 ms and " + Integer.MAX_VALUE + " ms");
            }
        }
    }

    /** The operation name recorders use in their {@link MqException}s. */
    String OPERATION = "record";

    /** Receives a recording's events, on the recording thread: keep it quick. */
    interface Listener {
        /** The recorder is in place: every call that enters from now on will be reported. */
        default void started() {
        }

        void event(RecordedEvent e);

        /** The recorder had no room for {@code totalLost} events so far (its buffer was full): they are gone. */
        default void lost(long totalLost) {
        }

        /**
         * Every event the recorder has so far was delivered: a moment to flush what was written, so a file being
         * recorded is up to date when traffic pauses without being written out event by event when it does not.
         */
        default void caughtUp() {
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
