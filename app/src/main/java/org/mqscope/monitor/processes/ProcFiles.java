package org.mqscope.monitor.processes;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/** Small readers of /proc files; each returns null (or -1) when the file is gone or not readable. */
final class ProcFiles {
    private ProcFiles() {
    }

    /** Per thread, grown as needed: a scan reads thousands of small files, each into this one buffer. */
    private static final int INITIAL_BUFFER = 4096;
    private static final ThreadLocal<ByteBuffer[]> BUFFER = ThreadLocal.withInitial(
            () -> new ByteBuffer[] {ByteBuffer.allocate(INITIAL_BUFFER)});

    /**
     * A /proc file's text. Their st_size is 0, so they are read to the end rather than by size; one reused buffer
     * and no stat, because a scan reads thousands of them.
     */
    static String text(Path file) {
        try {
            return read(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** As {@link #text}, but says why it failed (AccessDeniedException: not ours to read). */
    static String read(Path file) throws IOException {
        ByteBuffer[] holder = BUFFER.get();
        ByteBuffer buf = holder[0];
        buf.clear();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (ch.read(buf) >= 0) {
                if (!buf.hasRemaining()) {
                    ByteBuffer bigger = ByteBuffer.allocate(buf.capacity() * 2);
                    buf.flip();
                    bigger.put(buf);
                    holder[0] = bigger;
                    buf = bigger;
                }
            }
            return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
        }
    }

    /** /proc/PID/comm without its newline. */
    static String comm(Path pidDir) {
        String s = text(pidDir.resolve("comm"));
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** /proc/PID/cmdline with spaces for the NULs; null for a kernel thread or a zombie (empty). */
    static String cmdline(Path pidDir) {
        String s = text(pidDir.resolve("cmdline"));
        if (s == null || s.isEmpty()) {
            return null;
        }
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\0') {
            end--;
        }
        return s.substring(0, end).replace('\0', ' ');
    }

    /** The owner of /proc/PID: the process's effective uid; -1 when gone. */
    static int owner(Path pidDir) {
        try {
            return (Integer) Files.getAttribute(pidDir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The {@code flags:} and {@code ino:} lines of /proc/PID/fdinfo/N; null when the descriptor is closed. */
    static FdInfo fdinfo(Path file) {
        String s = text(file);
        if (s == null) {
            return null;
        }
        int flags = -1;
        long ino = -1;
        for (String line : s.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            try {
                if (key.equals("flags")) {
                    flags = Integer.parseInt(value, 8);
                } else if (key.equals("ino")) {
                    ino = Long.parseLong(value);
                }
            } catch (NumberFormatException e) {
                // a kernel that writes something else there: unknown
            }
        }
        return flags < 0 ? null : new FdInfo(flags, ino);
    }

    /** Device and inode of what a path (or a /proc fd link, followed) refers to; null when gone. */
    static QueueKey key(Path path, LinkOption... options) {
        try {
            Map<String, Object> a = Files.readAttributes(path, "unix:dev,ino", options);
            return new QueueKey((Long) a.get("dev"), (Long) a.get("ino"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** @param ino the inode the descriptor refers to, -1 when this kernel does not show it */
    record FdInfo(int flags, long ino) {
    }
}
