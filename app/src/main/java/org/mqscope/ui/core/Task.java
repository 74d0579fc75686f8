package org.mqscope.ui.core;

/**
 * The work of a long task ({@link Tasks}): runs on a worker thread, may block and throw, says how far it is through
 * {@code progress} and looks at {@link TaskProgress#cancelled()} between steps. A cancelled task does not throw: it
 * stops at a safe point and returns what it did, so the window can say so ("copied 312 of 1,000; nothing lost").
 */
@FunctionalInterface
public interface Task<T> {
    T run(TaskProgress progress) throws Exception;
}
