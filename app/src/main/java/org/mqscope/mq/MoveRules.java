package org.mqscope.mq;

import java.util.List;

/** The checks every move makes before it takes a message, shared by the backends so they refuse alike. */
public final class MoveRules {
    private MoveRules() {
    }

    /** EMSGSIZE when a message of the source might not fit the target. */
    public static void checkSizes(MqAttributes source, MqAttributes target, String sourceName, String targetName)
            throws MqException {
        if (target.messageSize() < source.messageSize()) {
            throw new MqException(Errno.EMSGSIZE, "move", targetName, targetName + " takes messages of at most "
                    + target.messageSize() + " bytes and " + sourceName + " may hold up to " + source.messageSize()
                    + "; copy checks each message's size instead");
        }
    }

    /** EINVAL when the two names are one queue. */
    public static void checkDistinct(String source, String target) throws MqException {
        if (QueueNames.error(source) == null && QueueNames.canonical(source).equals(QueueNames.canonical(target))) {
            throw new MqException(Errno.EINVAL, "move", source, "source and target are the same queue");
        }
    }

    /**
     * Before a move of selected messages takes anything: the selection is non-empty with distinct positions in
     * ascending order, every selected message fits the target (EMSGSIZE), the target has room for all of them now
     * (EAGAIN), and the source still holds that many messages (ESTALE: it changed since it was read).
     */
    public static void checkSelection(List<MessageRef> sorted, MqAttributes source, MqAttributes target,
                                      String sourceName, String targetName) throws MqException {
        if (sorted.isEmpty()) {
            throw new MqException(Errno.EINVAL, "move", sourceName, "no message selected");
        }
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).position() <= sorted.get(i - 1).position()) {
                throw new MqException(Errno.EINVAL, "move", sourceName, "the selection names "
                        + sorted.get(i) + " twice or out of receive order");
            }
        }
        for (MessageRef r : sorted) {
            if (r.size() > target.messageSize()) {
                throw new MqException(Errno.EMSGSIZE, "move", targetName, r + " is longer than the "
                        + target.messageSize() + " bytes " + targetName + " takes; nothing was moved");
            }
        }
        long room = target.maxMessages() - target.currentMessages();
        if (room < sorted.size()) {
            throw new MqException(Errno.EAGAIN, "move", targetName, targetName + " has room for " + Math.max(0, room)
                    + " of the " + sorted.size() + " selected messages (" + full(targetName, target)
                    + "); nothing was moved");
        }
        MessageRef last = sorted.get(sorted.size() - 1);
        if (last.position() >= source.currentMessages()) {
            throw stale(sourceName, last + " was selected but " + sourceName + " now holds "
                    + source.currentMessages() + (source.currentMessages() == 1 ? " message" : " messages"));
        }
    }

    /** What a move that found another message where a selected one was refuses with. */
    public static MqException mismatch(String sourceName, MessageRef expected, MqMessage found) {
        return stale(sourceName, found == null ? expected + " was selected but " + sourceName + " now holds fewer"
                + " messages" : "where " + expected + " was selected there is now a message of priority "
                + found.priority() + ", " + found.size() + " bytes" + (found.priority() == expected.priority()
                && found.size() == expected.size() ? " with other contents" : ""));
    }

    private static MqException stale(String sourceName, String what) {
        return new MqException(Errno.ESTALE, "move", sourceName, what + ": " + sourceName + " changed since it was"
                + " read, so nothing was moved (every message is back in its place); read it again and reselect");
    }

    /**
     * What a move of selected messages does to the source, in the words the peek's drain-and-restore question
     * uses: the command line prints it before the move, the window asks with it.
     */
    public static String selectionDrain(String source) {
        return "a queue gives up messages only from its head, so moving these out of " + source + " is a "
                + PeekMethod.DRAIN_RESTORE.label() + " that skips them (they go to the target instead of back): it "
                + PeekMethod.DRAIN_RESTORE.explanation();
    }

    /** Why a move of selected messages stopped when asked to. */
    public static String cancelled(long moved, String source) {
        return "cancelled " + (moved == 0 ? "before anything moved" : "after " + moved + " had moved") + "; the"
                + " others are back in their places in " + source;
    }

    /** Why a move stopped at a full target. */
    public static String full(String target, MqAttributes t) {
        return target + " is full (" + t.currentMessages() + " of " + t.maxMessages() + " messages)";
    }
}
