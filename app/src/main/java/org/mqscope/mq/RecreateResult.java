package org.mqscope.mq;

/**
 * What {@link MqBackend#recreate} did.
 *
 * @param replayed messages sent into the new queue, in receive order
 * @param before   the old queue's attributes (curmsgs as found)
 * @param after    the new queue's attributes once the messages are back
 */
public record RecreateResult(long replayed, MqAttributes before, MqAttributes after) {
}
