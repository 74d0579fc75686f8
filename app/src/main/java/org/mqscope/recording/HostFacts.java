package org.mqscope.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The machine a recording was made on. The recorded enter/exit times are CLOCK_MONOTONIC, which only compares
 * within one boot of one machine: {@code bootId} says whether two recordings (or a recording and timestamps written
 * by the recorded processes) share that clock.
 *
 * @param hostname the kernel's host name ("" when unreadable)
 * @param kernel   the kernel release, as uname -r says it ("" when unreadable)
 * @param arch     the machine architecture ("amd64", "aarch64")
 * @param bootId   /proc/sys/kernel/random/boot_id ("" when unreadable)
 * @param pid      the recording process (mqscope)
 * @param cpus     processors available to it
 */
public record HostFacts(String hostname, String kernel, String arch, String bootId, long pid, int cpus) {

    public HostFacts {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(bootId, "bootId");
    }

    /** This machine, now. */
    public static HostFacts here() {
        return new HostFacts(proc("sys/kernel/hostname"), proc("sys/kernel/osrelease"),
                System.getProperty("os.arch", ""), proc("sys/kernel/random/boot_id"), ProcessHandle.current().pid(),
                Runtime.getRuntime().availableProcessors());
    }

    private static String proc(String file) {
        try {
            return Files.readString(Path.of("/proc", file)).strip();
        } catch (IOException | SecurityException e) {
            return ""; // a fact we could not learn is written as unknown, never guessed
        }
    }
}
