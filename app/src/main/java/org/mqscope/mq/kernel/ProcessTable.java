package org.mqscope.mq.kernel;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mqscope.mq.ProcessRef;

/** What /proc tells about other processes: names, and who holds a given queue open. */
final class ProcessTable {
    private static final Path PROC = Path.of("/proc");

    private ProcessTable() {
    }


    /**
     * Processes other than this one with a descriptor on the same inode as {@code ownFd} (this process's
     * descriptor of the queue). Only processes whose /proc/PID/fd we may read are seen.
     */
    static List<ProcessRef> openers(int ownFd) {
        Object key = fileKey(PROC.resolve("self/fd/" + ownFd));
        if (key == null) {
            return List.of();
        }
        long self = ProcessHandle.current().pid();
        List<ProcessRef> out = new ArrayList<>();
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(PROC, p -> isNumber(p.getFileName().toString()))) {
            for (Path pidDir : pids) {
                int pid = Integer.parseInt(pidDir.getFileName().toString());
                if (pid != self && holds(pidDir.resolve("fd"), key)) {
                    out.add(ProcessRef.of(pid));
                }
            }
        } catch (IOException | RuntimeException e) {
            return out;
        }
        return out;
    }

    private static boolean holds(Path fdDir, Object key) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path fd : fds) {
                if (Objects.equals(fileKey(fd), key)) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException e) {
            return false; // gone, or not ours to look at
        }
        return false;
    }

    /** Device and inode of a file, following links (so a /proc fd link gives the open file's). */
    static Object fileKey(Path fdLink) {
        try {
            return Files.readAttributes(fdLink, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
