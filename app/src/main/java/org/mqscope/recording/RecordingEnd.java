package org.mqscope.recording;

import java.time.Instant;
import java.util.Objects;

/**
 * The last line of a recording file: how many events it holds, how many the recorder lost, and how it ended. A
 * file without one was cut short (the recorder crashed, or the disk filled); its events are still readable.
 *
 * @param events events in the file
 * @param lost   events the recorder had no room for ("N events lost"); they are in no line
 * @param how    how the recording ended
 * @param reason a few words: the error of a failed recording; "" otherwise
 * @param time   when it ended (wall clock)
 */
public record RecordingEnd(long events, long lost, How how, String reason, Instant time) {

    /** How a recording ended. */
    public enum How {
        /** Its duration was over. */
        DURATION,
        /** It was stopped (Ctrl+C, Stop). */
        CANCELLED,
        /** The recorder failed midway ({@code reason} says how); the events before are kept. */
        FAILED;

        /** The word in the file: "duration", "cancelled", "failed". */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RecordingEnd {
        Objects.requireNonNull(how, "how");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(time, "time");
    }
}
