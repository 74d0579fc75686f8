package org.mqscope.traffic;

/**
 * One lane's counters at one instant. Immutable.
 *
 * @param running      the lane's producer and consumer are started
 * @param sent         messages the producer sent
 * @param received     messages the consumer received
 * @param eagain       calls refused with EAGAIN (non-blocking, queue full or empty)
 * @param etimedout    timed calls that ran into their deadline (queue full or empty)
 * @param failures     other failed calls (EBADF, EACCES, ...)
 * @param lastProblem  the last such failure in words, or null
 */
public record LaneStats(LaneSpec spec, boolean running, long sent, long received, long eagain, long etimedout,
                        long failures, String lastProblem) {

    public String queue() {
        return spec.queue();
    }
}
