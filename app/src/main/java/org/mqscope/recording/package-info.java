/**
 * Recordings of queue traffic as files and what they tell: the recording file format (JSON Lines in the family of
 * the message files: a header, one line per recorded call, an end line), and the time each message spent in its
 * queue with the statistics drawn from it (latency percentiles, histogram, rates, who sends to whom). No Swing: the
 * command line and the window both use it; it uses only the contract ({@code mq}) and {@code transfer}'s body
 * encoding.
 */
package org.mqscope.recording;
