package org.mqscope.mq;

/**
 * How far a move of selected messages has come, and whether to stop. A move asked to stop before the target took
 * anything puts every message back; after that, it stops between two messages: those the target took stay there,
 * the others go back to their places.
 */
public interface MoveProgress {
    /** Reports nothing and never stops. */
    MoveProgress NONE = new MoveProgress() {
        @Override
        public void step(long done, long total) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** Any thread: {@code done} of {@code total} steps (every message is taken out once and sent once). */
    void step(long done, long total);

    /** Any thread: true once the user asked to stop. */
    boolean cancelled();
}
