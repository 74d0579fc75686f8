package org.mqscope.mq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Counts this process's descriptors of one kernel queue, for tests that must not leak or keep a queue alive. */
public final class OpenQueueFds {
    private OpenQueueFds() {
    }

    /** Descriptors in /proc/self/fd whose link names the queue (the kernel shows "/name" or "/name (deleted)"). */
    public static long of(String name) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith(name);
                } catch (IOException e) {
                    return false; // closed meanwhile
                }
            }).count();
        }
    }
}
