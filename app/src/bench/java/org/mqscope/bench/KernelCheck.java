package org.mqscope.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;

/**
 * Whether the kernel's queues can be measured here, and how deep a queue may be: min(msg_max, what
 * RLIMIT_MSGQUEUE leaves for 16-byte messages). Optionally raises msg_max for the run (root only) and always puts
 * it back, also when the run is interrupted.
 */
final class KernelCheck {
    static final Path MSG_MAX = Path.of("/proc/sys/fs/mqueue/msg_max");
    /** Share of RLIMIT_MSGQUEUE the deepest queue may take: other queues of the same user are charged too. */
    private static final double RLIMIT_SHARE = 0.9;
    /** The kernel's charge per message besides the payload: struct msg_msg and a tree node (64-bit). */
    private static final long CHARGE_PER_MESSAGE = 96;

    private KernelCheck() {
    }

    /** Null when the kernel backend works here, else why not. */
    static String unavailableReason() {
        if (!Files.isDirectory(Path.of("/dev/mqueue"))) {
            return "/dev/mqueue is not mounted";
        }
        try (MqBackend b = MqBackends.kernel()) {
            return null;
        } catch (MqException e) {
            return "the kernel backend cannot start: " + e.getMessage();
        }
    }

    static long msgMax() {
        try {
            // Not Files.readString: it reads a file of size 0 one byte first, and a sysctl file gives nothing at a
            // later offset, so "10" would read as "1". A buffered reader asks for a whole buffer at once.
            return Long.parseLong(Files.readAllLines(MSG_MAX).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return 10;
        }
    }

    /** RLIMIT_MSGQUEUE (soft) in bytes, from /proc/self/limits; the Linux default when unreadable. */
    static long rlimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max msgqueue size")) {
                    String soft = line.substring("Max msgqueue size".length()).trim().split("\\s+")[0];
                    return "unlimited".equals(soft) ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through to the default
        }
        return 819_200;
    }

    /** The most 16-byte messages RLIMIT_MSGQUEUE lets one queue hold, with room left for other queues. */
    static long rlimitDepth() {
        long perMessage = Backends.DEPTH_MESSAGE_SIZE + CHARGE_PER_MESSAGE;
        return Math.min(Backends.EMULATED_DEPTH, (long) (rlimit() * RLIMIT_SHARE / perMessage));
    }

    /**
     * Sets msg_max to {@code value} until the returned restorer runs (also from a shutdown hook). Throws when the
     * value cannot be written (not root, /proc/sys read-only).
     */
    static AutoCloseable raiseMsgMax(long value) throws IOException {
        String before = Long.toString(msgMax());
        Files.writeString(MSG_MAX, Long.toString(value));
        Thread hook = new Thread(() -> restore(before), "bench-restore-msg_max");
        Runtime.getRuntime().addShutdownHook(hook);
        return () -> {
            restore(before);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down: the hook runs anyway, and restoring twice is harmless
            }
        };
    }

    private static void restore(String value) {
        try {
            Files.writeString(MSG_MAX, value);
        } catch (IOException e) {
            System.err.println("bench: could not restore " + MSG_MAX + " to " + value + ": " + e.getMessage());
        }
    }
}
