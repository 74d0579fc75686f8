/**
 * Finding and comparing messages without Swing: the filter language (parse, match, highlight spans), the
 * comparison of two messages (text lines, JSON by path, bytes) and of two snapshots of one queue. Depends on the
 * contract ({@code org.mqscope.mq}) only, so the window and the command line can share it.
 */
package org.mqscope.find;
