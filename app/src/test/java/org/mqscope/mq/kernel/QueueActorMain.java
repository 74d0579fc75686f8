package org.mqscope.mq.kernel;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.Notification;
import org.mqscope.mq.PeekResult;

/**
 * The other processes of the exact-peek tests, one command per run, each line of progress on stdout:
 * <pre>
 * notify NAME                 register SIGEV_THREAD; REGISTERED, then FIRED per callback; exit at end of stdin
 * send NAME PRIO SIZE         SENDING, a blocking send, SENT
 * receive NAME                RECEIVING, a blocking receive, RECEIVED size/prio
 * large NAME MAXMSG MSGSIZE   (in a private IPC namespace) fill a new queue with messages of random sizes up to
 *                             MSGSIZE, peek it exactly, drain it, print OK reads=N sizes=... or MISMATCH ...
 * times NAME                  (in a private IPC namespace, where nobody else reads the queue's file) peek a queue
 *                             1,000 times and into the next second; print SAME, or CHANGED with its times
 * </pre>
 */
public final class QueueActorMain {
    private QueueActorMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String name = args[1];
        try (KernelBackend kernel = new KernelBackend()) {
            switch (args[0]) {
                case "notify" -> {
                    try (MqQueue q = kernel.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
                        q.notify(Notification.callback(() -> out.println("FIRED")));
                        out.println("REGISTERED");
                        while (System.in.read() >= 0) {
                            // wait for the test to close our stdin
                        }
                    }
                }
                case "send" -> {
                    try (MqQueue q = kernel.open(name, Mq.O_WRONLY)) {
                        out.println("SENDING");
                        q.send(new byte[Integer.parseInt(args[3])], Integer.parseInt(args[2]));
                        out.println("SENT");
                    }
                }
                case "receive" -> {
                    try (MqQueue q = kernel.open(name, Mq.O_RDONLY)) {
                        out.println("RECEIVING");
                        MqMessage m = q.receive();
                        out.println("RECEIVED " + m.size() + "/" + m.priority());
                    }
                }
                case "large" -> out.println(large(kernel, name, Long.parseLong(args[2]), Integer.parseInt(args[3])));
                case "times" -> out.println(times(kernel, name));
                default -> throw new IllegalArgumentException(args[0]);
            }
        }
    }

    private static String times(KernelBackend kernel, String name) throws Exception {
        try (MqQueue q = kernel.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR | Mq.O_NONBLOCK, 0600,
                MqAttributes.of(4, 64))) {
            q.send("t".getBytes(StandardCharsets.US_ASCII), 1);
            java.nio.file.Path file = java.nio.file.Path.of("/dev/mqueue" + name);
            List<Object> before = List.of(Files.getAttribute(file, "unix:ctime"),
                    Files.getAttribute(file, "lastAccessTime"), Files.getLastModifiedTime(file));
            long startSecond = System.currentTimeMillis() / 1000;
            for (int i = 0; i < 1000 || System.currentTimeMillis() / 1000 == startSecond; i++) {
                q.snapshot();
            }
            List<Object> after = List.of(Files.getAttribute(file, "unix:ctime"),
                    Files.getAttribute(file, "lastAccessTime"), Files.getLastModifiedTime(file));
            kernel.unlink(name);
            return before.equals(after) ? "SAME" : "CHANGED " + before + " -> " + after;
        }
    }

    private static String large(KernelBackend kernel, String name, long maxmsg, int msgsize) throws MqException {
        Random r = new Random(msgsize);
        List<Integer> sizes = new ArrayList<>();
        try (MqQueue q = kernel.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR | Mq.O_NONBLOCK, 0600,
                MqAttributes.of(maxmsg, msgsize))) {
            for (int i = 0; i < maxmsg; i++) {
                // the largest, the smallest, and sizes in between that end inside and at segment boundaries
                int size = i == 0 ? msgsize
                        : i == 1 ? 0
                        : i == 2 ? 4048 + 4088 * (msgsize / 8192)
                        : r.nextInt(msgsize + 1);
                byte[] body = new byte[Math.min(size, msgsize)];
                r.nextBytes(body);
                q.send(body, r.nextInt(4));
                sizes.add(body.length);
            }
            PeekResult peek = q.snapshot();
            List<MqMessage> drained = new ArrayList<>();
            for (;;) {
                try {
                    drained.add(q.receive());
                } catch (MqException e) {
                    if (e.errno() != Errno.EAGAIN) {
                        throw e;
                    }
                    break;
                }
            }
            kernel.unlink(name);
            if (!peek.messages().equals(drained)) {
                return "MISMATCH peeked " + peek.messages() + " drained " + drained;
            }
            return "OK method=" + peek.method() + " reads=" + peek.reads() + " sizes=" + sizes;
        }
    }
}
