package org.mqscope.mq;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.StringJoiner;

/**
 * The other processes of the kernel peek tests, one command per run (messages carry a 4-byte sequence number):
 * <pre>
 * peek-loop NAME         print READY, then drain-and-restore peek NAME over and over until killed
 * peek-once NAME         print SUPPORT true|false REASON, then OK n or ERR ERRNO after one snapshot attempt
 * produce NAME COUNT     send COUNT sequence-numbered messages (priority by sequence), blocking when full
 * consume NAME COUNT     receive until COUNT arrived or 10 s pass without one; print GOT seq/prio,...
 * </pre>
 * The journal directory comes from -Dmqscope.journal.dir.
 */
public final class PeekProcessMain {
    public static final int[] PRIORITIES = {0, 4, 9};
    private static final long WAIT_SECONDS = 10;

    private PeekProcessMain() {
    }

    public static byte[] body(int seq) {
        return ByteBuffer.allocate(4 + seq % 13).putInt(seq).array();
    }

    static int seqOf(MqMessage m) {
        return ByteBuffer.wrap(m.body()).getInt();
    }

    public static void main(String[] args) throws Exception {
        String command = args[0];
        String name = args[1];
        try (MqBackend kernel = MqBackends.kernel()) {
            switch (command) {
                case "peek-loop" -> peekLoop(kernel, name);
                case "peek-once" -> peekOnce(kernel, name);
                case "produce" -> produce(kernel, name, Integer.parseInt(args[2]));
                case "consume" -> consume(kernel, name, Integer.parseInt(args[2]));
                default -> throw new IllegalArgumentException(command);
            }
        }
        System.out.println("DONE");
        System.out.flush();
    }

    private static void peekLoop(MqBackend kernel, String name) throws MqException {
        try (MqQueue q = kernel.open(name, Mq.O_RDONLY)) {
            System.out.println("READY");
            System.out.flush();
            for (;;) {
                q.snapshot();
            }
        }
    }

    private static void peekOnce(MqBackend kernel, String name) throws MqException {
        try (MqQueue q = kernel.open(name, Mq.O_RDONLY)) {
            PeekSupport s = q.peekSupport();
            System.out.println("SUPPORT " + s.available() + " " + s.reason());
            try {
                System.out.println("OK " + q.snapshot().size());
            } catch (MqException e) {
                System.out.println("ERR " + e.errno().name());
            }
        }
    }

    private static void produce(MqBackend kernel, String name, int count) throws MqException {
        try (MqQueue q = kernel.open(name, Mq.O_WRONLY)) {
            System.out.println("READY");
            System.out.flush();
            for (int seq = 0; seq < count; seq++) {
                q.timedSend(body(seq), PRIORITIES[seq % PRIORITIES.length], Instant.now().plusSeconds(WAIT_SECONDS));
            }
        }
    }

    private static void consume(MqBackend kernel, String name, int count) throws MqException {
        StringJoiner got = new StringJoiner(",");
        try (MqQueue q = kernel.open(name, Mq.O_RDONLY)) {
            System.out.println("READY");
            System.out.flush();
            for (int i = 0; i < count; i++) {
                MqMessage m;
                try {
                    m = q.timedReceive(Instant.now().plusSeconds(WAIT_SECONDS));
                } catch (MqException e) {
                    if (e.errno() == Errno.ETIMEDOUT) {
                        break;
                    }
                    throw e;
                }
                got.add(seqOf(m) + "/" + m.priority());
            }
        }
        System.out.println("GOT " + got);
    }
}
