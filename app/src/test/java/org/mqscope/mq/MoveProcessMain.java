package org.mqscope.mq;

/**
 * The other process of {@link KernelMoveProcessesTest}: {@code move-loop A B} prints READY, then moves every
 * message from A to B and back, over and over until killed. The journal directory comes from
 * -Dmqscope.journal.dir.
 */
public final class MoveProcessMain {
    private MoveProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        String a = args[1];
        String b = args[2];
        try (MqBackend kernel = MqBackends.kernel()) {
            System.out.println("READY");
            System.out.flush();
            for (;;) {
                kernel.move(a, b, Long.MAX_VALUE);
                kernel.move(b, a, Long.MAX_VALUE);
            }
        }
    }
}
