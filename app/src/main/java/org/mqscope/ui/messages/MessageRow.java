package org.mqscope.ui.messages;

/**
 * One message as the table lists it.
 *
 * @param index    position in receive order (0 = the message mq_receive would return next)
 * @param priority its priority
 * @param size     payload length in bytes
 * @param preview  the start of the payload as text
 */
public record MessageRow(int index, int priority, int size, String preview) {
}
