package org.mqscope.mq;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one "blocked in the kernel" detector of the tests: a thread sleeps (state S in /proc/.../stat) inside one of
 * the given system calls (/proc/.../syscall, x86-64 numbers). An event, not a guess: a test waits for it instead of
 * sleeping for long enough.
 */
public final class BlockedInKernel {
    public static final int MQ_TIMEDSEND = 242;
    public static final int MQ_TIMEDRECEIVE = 243;
    /** Where a queue call or a poll of a queue descriptor sleeps. */
    public static final Set<Integer> QUEUE_WAITS = Set.of(MQ_TIMEDSEND, MQ_TIMEDRECEIVE, 7, 23, 232, 270, 271, 281,
            441);
    private static final long POLL_MILLIS = 2;

    private BlockedInKernel() {
    }

    /** The thread at /proc/PID/task/TID sleeps inside one of {@code calls}; false when it has ended. */
    public static boolean sleepsIn(Path task, Set<Integer> calls) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            // the state follows the parenthesised command name, which may itself contain spaces
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            String syscall = Files.readString(task.resolve("syscall")).strip();
            return state == 'S' && !syscall.startsWith("running")
                    && calls.contains(Integer.parseInt(syscall.split(" ")[0]));
        } catch (IOException | RuntimeException e) {
            return false; // the thread ended, or /proc is not readable: not blocked
        }
    }

    /** Waits until some thread of this JVM sleeps inside one of {@code calls}; fails after {@code limit}. */
    public static void awaitAnyThreadIn(Set<Integer> calls, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
                if (tasks.anyMatch(t -> sleepsIn(t, calls))) {
                    return;
                }
            }
            if (System.nanoTime() - deadline > 0) {
                fail("no thread of this process slept in system calls " + calls + " within " + limit.toMillis()
                        + " ms");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
