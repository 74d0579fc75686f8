package org.mqscope.mq;

/**
 * What {@link MqBackend#move} did.
 *
 * @param moved   messages now in the target that were taken out of the source
 * @param stopped why it stopped before the limit while the source still held messages (e.g. the target is full),
 *                in words; null when it moved as many as asked or the source ran empty
 * @param kept    messages taken out of the source that the target has not accepted yet: they wait in
 *                {@code journal}, and {@code mqscope --recover} sends them on
 * @param journal the journal file holding them, or null when none is kept
 */
public record MoveResult(long moved, String stopped, long kept, String journal) {
}
