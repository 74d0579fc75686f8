package org.mqscope.mq;

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

    /** Why a move stopped at a full target. */
    public static String full(String target, MqAttributes t) {
        return target + " is full (" + t.currentMessages() + " of " + t.maxMessages() + " messages)";
    }
}
