package org.mqscope.recording;

import java.util.Objects;

/**
 * One queue of a recording, as it was when the recording started.
 *
 * @param name     the queue's name with its leading slash
 * @param maxmsg   mq_maxmsg
 * @param msgsize  mq_msgsize
 * @param curmsgs  mq_curmsgs when the recording started
 * @param mode     permission bits (07777), or -1 when unknown
 * @param snapshot the messages it held then, or null when none could be read exactly (see {@code why})
 * @param why      without a snapshot, why not ("no exact peek here: ..."); "" with one
 */
public record RecordedQueue(String name, long maxmsg, long msgsize, long curmsgs, int mode, QueueSnapshot snapshot,
                            String why) {

    public RecordedQueue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(why, "why");
    }
}
