package org.mqscope.mq.kernel;

import org.mqscope.Needs;
import org.mqscope.Needs.Need;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;

/**
 * A kernel backend per test, skipped where the kernel has no message queues, and unique queue names that are
 * unlinked afterwards so that tests never see each other's queues or leave any behind.
 */
abstract class KernelTestBase {
    protected KernelBackend backend;
    private final List<String> created = new ArrayList<>();

    static KernelBackend backendOrSkip() {
        try {
            return new KernelBackend();
        } catch (MqException e) {
            throw Needs.missing(Need.KERNEL_MQUEUE, "the kernel backend is unavailable here: " + e.getMessage());
        }
    }

    @BeforeEach
    void startBackend() {
        backend = backendOrSkip();
    }

    @AfterEach
    void removeQueues() throws MqException {
        backend.close(); // the test's descriptors; a closed backend unlinks nothing, so a fresh one does
        try (KernelBackend cleaner = backendOrSkip()) {
            for (String name : created) {
                try {
                    cleaner.unlink(name);
                } catch (MqException e) {
                    if (e.errno() != Errno.ENOENT) {
                        throw e;
                    }
                }
            }
        }
    }

    /**
     * Replaces the test's backend by one that keeps its journals in {@code dir} (a test's own) and waits only 300 ms
     * for room when putting messages back, for the tests of journals and recovery.
     */
    protected void journalsIn(Path dir) throws MqException {
        backend.close();
        backend = new KernelBackend(KernelBackend.DEV_MQUEUE, KernelBackend.PROC_SYSCTL, dir);
        backend.restorePatience(Duration.ofMillis(300));
    }

    /** A fresh name, unlinked after the test. */
    protected String newName() {
        return newName("/mqscope-test-");
    }

    /** A fresh name starting with {@code prefix}, unlinked after the test. */
    protected String newName(String prefix) {
        String name = prefix + UUID.randomUUID();
        created.add(name);
        return name;
    }

    /** Creates a queue of 4 messages of 64 bytes, read-write and non-blocking. */
    protected KernelQueue createQueue(String name) throws MqException {
        return (KernelQueue) backend.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR | Mq.O_NONBLOCK, 0600,
                MqAttributes.of(4, 64));
    }

    protected KernelQueue createQueue() throws MqException {
        return createQueue(newName());
    }

    /** The file-creation mask of this process, which the kernel applies to a new queue's mode. */
    static int umask() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Umask:")) {
                return Integer.parseInt(line.substring("Umask:".length()).trim(), 8);
            }
        }
        throw new IllegalStateException("no Umask line in /proc/self/status");
    }

    static long pid() {
        return ProcessHandle.current().pid();
    }
}
