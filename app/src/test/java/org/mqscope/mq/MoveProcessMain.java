package org.mqscope.mq;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The other process of {@link KernelMoveProcessesTest}, which prints READY and then, until killed, either
 * {@code move-loop A B}: moves every message from A to B and back, over and over; or {@code select-loop A B}:
 * moves the {@link #SELECTED} messages of {@link #selectionQueue()} out of the middle of A into B, then moves them
 * all back, over and over. Each selected message is the last of its priority in A, so moving it back puts it
 * where it was, and A is the same queue again after every round trip. The journal directory comes from
 * -Dmqscope.journal.dir.
 */
public final class MoveProcessMain {
    /** Places in {@link #selectionQueue()}: not its head, and the last of their priorities. */
    static final int[] SELECTED = {1, 3, 6, 8};
    private static final int[] PRIORITIES = {9, 9, 7, 7, 5, 5, 5, 3, 3, 1};

    private MoveProcessMain() {
    }

    /** Ten messages in receive order: their bodies' first int is their place, their sizes differ. */
    static List<MqMessage> selectionQueue() {
        List<MqMessage> out = new ArrayList<>();
        for (int seq = 0; seq < PRIORITIES.length; seq++) {
            out.add(new MqMessage(ByteBuffer.allocate(4 + seq).putInt(seq).array(), PRIORITIES[seq]));
        }
        return out;
    }

    /** The selected messages in receive order: what B holds after a move of the selection. */
    static List<MqMessage> selectedMessages() {
        List<MqMessage> all = selectionQueue();
        List<MqMessage> out = new ArrayList<>();
        for (int p : SELECTED) {
            out.add(all.get(p));
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        String a = args[1];
        String b = args[2];
        try (MqBackend kernel = MqBackends.kernel()) {
            List<MessageRef> out = MessageRef.select(selectionQueue(), SELECTED);
            List<MessageRef> back = MessageRef.select(selectedMessages(), new int[] {0, 1, 2, 3});
            System.out.println("READY");
            System.out.flush();
            for (;;) {
                if (args[0].equals("select-loop")) {
                    kernel.moveSelected(a, b, out);
                    kernel.moveSelected(b, a, back);
                } else {
                    kernel.move(a, b, Long.MAX_VALUE);
                    kernel.move(b, a, Long.MAX_VALUE);
                }
            }
        }
    }
}
