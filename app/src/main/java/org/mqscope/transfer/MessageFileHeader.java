package org.mqscope.transfer;

import java.time.Instant;
import java.util.Objects;

/**
 * The first line of a message file: which queue the messages came from, its attributes then, when and how they
 * were read.
 *
 * @param queue    the queue name with its leading slash
 * @param maxmsg   mq_maxmsg of the queue when read
 * @param msgsize  mq_msgsize of the queue when read
 * @param curmsgs  mq_curmsgs when read (the messages that follow, unless the queue changed meanwhile)
 * @param mode     permission bits (07777), or -1 when unknown
 * @param time     when the messages were read
 * @param read     how: "exact peek", "drain and restore" (the {@link org.mqscope.mq.PeekMethod} labels)
 * @param count    how many message lines follow
 */
public record MessageFileHeader(String queue, long maxmsg, long msgsize, long curmsgs, int mode, Instant time,
                                String read, long count) {
    /** The value of the header's "format" field: tells a message file from any other JSON Lines file. */
    public static final String FORMAT = "mqscope-messages";
    /** Bumped when a reader of this version could misread a newer file. */
    public static final int VERSION = 1;

    public MessageFileHeader {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(read, "read");
    }
}
