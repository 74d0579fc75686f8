package org.mqscope.mq;

/**
 * What {@link MqBackend#move} or {@link MqBackend#moveSelected} did.
 *
 * @param moved   messages now in the target that were taken out of the source
 * @param stopped why it stopped before the limit while the source still held messages (e.g. the target is full),
 *                in words; null when it moved as many as asked or the source ran empty
 * @param kept    messages taken out of the source that are in neither queue yet: they wait in {@code journal}.
 *                After a move from the head they are bound for the target, after a move of selected messages
 *                they are the others, bound back for the source (which others refilled meanwhile);
 *                {@code mqscope --recover} sends them where they belong
 * @param journal the journal file holding them, or null when none is kept
 */
public record MoveResult(long moved, String stopped, long kept, String journal) {
}
