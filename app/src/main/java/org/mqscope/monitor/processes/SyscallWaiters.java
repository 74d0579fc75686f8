package org.mqscope.monitor.processes;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Blocked threads from /proc/PID/task/TID/syscall: "NR arg1 … arg6 sp pc" while a thread sits in a system call.
 * mq_timedsend(fd, ptr, len, prio, timeout) and mq_timedreceive(fd, ptr, len, prio_ptr, timeout) carry the
 * descriptor first, so the queue is known; mq_send/mq_receive are the same calls with a null timeout. Reading the
 * file needs ptrace access to the process: as another user (or under Yama's ptrace_scope) it is refused and
 * counted.
 */
public final class SyscallWaiters implements WaiterReader {
    /** mq_timedsend and mq_timedreceive on this machine's architecture, or null where not known. */
    private final int[] numbers;
    private final Path proc;

    public SyscallWaiters(Path proc) {
        this(proc, numbersFor(System.getProperty("os.arch", "")));
    }

    SyscallWaiters(Path proc, int[] numbers) {
        this.proc = proc;
        this.numbers = numbers;
    }

    /** {mq_timedsend, mq_timedreceive} for an os.arch value; null for an architecture not known here. */
    static int[] numbersFor(String osArch) {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> new int[] {242, 243};
            case "aarch64", "arm64" -> new int[] {182, 183};
            default -> null;
        };
    }

    /** False on an architecture whose system call numbers are not known here: no waiters can be found. */
    public boolean supported() {
        return numbers != null;
    }

    @Override
    public WaiterSource source() {
        return WaiterSource.PROC_SYSCALL;
    }

    @Override
    public Map<QueueKey, List<BlockedCall>> read(Map<Integer, Map<Integer, QueueKey>> queueFds, int[] denied) {
        Map<QueueKey, List<BlockedCall>> out = new HashMap<>();
        if (numbers == null) {
            return out;
        }
        for (Map.Entry<Integer, Map<Integer, QueueKey>> e : queueFds.entrySet()) {
            int pid = e.getKey();
            Path tasks = proc.resolve(Integer.toString(pid)).resolve("task");
            try {
                if (threads(tasks) == 1) {
                    // most holders are single-threaded: their one task is the pid, no directory to list
                    add(out, blocked(pid, tasks.resolve(Integer.toString(pid)), e.getValue()), e.getValue());
                    continue;
                }
                try (DirectoryStream<Path> ts = Files.newDirectoryStream(tasks)) {
                    for (Path task : ts) {
                        add(out, blocked(pid, task, e.getValue()), e.getValue());
                    }
                }
            } catch (AccessDeniedException ex) {
                denied[0]++;
            } catch (IOException | RuntimeException ex) {
                // the process exited while we looked: it waits for nothing any more
            }
        }
        return out;
    }

    private static void add(Map<QueueKey, List<BlockedCall>> out, BlockedCall call, Map<Integer, QueueKey> fds) {
        if (call != null) {
            out.computeIfAbsent(fds.get(call.fd()), k -> new ArrayList<>()).add(call);
        }
    }

    /** st_nlink of /proc/PID/task is 2 + the number of threads; -1 when it cannot be read. */
    private static long threads(Path tasks) {
        try {
            return ((Integer) Files.getAttribute(tasks, "unix:nlink", LinkOption.NOFOLLOW_LINKS)) - 2L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private BlockedCall blocked(int pid, Path task, Map<Integer, QueueKey> fds) throws AccessDeniedException {
        String line;
        try {
            line = ProcFiles.read(task.resolve("syscall"));
        } catch (AccessDeniedException e) {
            throw e; // ptrace rules: counted by the caller
        } catch (IOException | RuntimeException e) {
            return null; // the thread ended
        }
        int tid;
        try {
            tid = Integer.parseInt(task.getFileName().toString());
        } catch (NumberFormatException e) {
            return null;
        }
        return parse(pid, tid, line, numbers, fds);
    }

    /** The call in one syscall line if it is a queue send/receive on one of {@code fds}, else null. */
    static BlockedCall parse(int pid, int tid, String line, int[] numbers, Map<Integer, QueueKey> fds) {
        String[] f = line.strip().split(" ");
        if (f.length < 7) {
            return null; // "running", or "-1 sp pc" (blocked outside a system call)
        }
        int nr;
        try {
            nr = Integer.parseInt(f[0]);
        } catch (NumberFormatException e) {
            return null;
        }
        boolean send = nr == numbers[0];
        if (!send && nr != numbers[1]) {
            return null;
        }
        long fd = hex(f[1]);
        if (fd < 0 || fd > Integer.MAX_VALUE || !fds.containsKey((int) fd)) {
            return null;
        }
        long size = hex(f[3]);
        int priority = send ? (int) hex(f[4]) : -1;
        boolean timed = hex(f[5]) != 0;
        return new BlockedCall(pid, tid, send, (int) fd, size, priority, timed);
    }

    private static long hex(String s) {
        return Long.parseUnsignedLong(s.startsWith("0x") ? s.substring(2) : s, 16);
    }
}
