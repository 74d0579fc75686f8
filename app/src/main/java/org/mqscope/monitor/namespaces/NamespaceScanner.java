package org.mqscope.monitor.namespaces;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mqscope.mq.IpcNamespaces;
import org.mqscope.mq.ProcessStatus;

/**
 * Finds every IPC namespace on the machine the way {@code lsns -t ipc} does: the processes grouped by the inode
 * their {@code /proc/PID/ns/ipc} link names. The host's (mqscope's own) comes first, then the others by name.
 * Processes whose link cannot be read (another user's, without root) are summed up in one line with the reason.
 * Reads /proc only; a scan of a few hundred processes takes milliseconds. Not on the EDT.
 */
public final class NamespaceScanner {
    public static final String HOST_NAME = "host";
    private static final int CAP_SYS_ADMIN = 21;
    private static final int HOSTNAME_MAX = 64;

    /** Every namespace now, the host's first. */
    public List<IpcNamespaceInfo> scan() throws IOException {
        long self = IpcNamespaces.self();
        Map<Long, List<Integer>> groups = new TreeMap<>();
        int hidden = 0;
        for (int pid : IpcNamespaces.pids()) {
            try {
                groups.computeIfAbsent(IpcNamespaces.of(pid), k -> new ArrayList<>()).add(pid);
            } catch (AccessDeniedException e) {
                hidden++;
            } catch (IOException e) {
                // exited while we looked
            }
        }
        String ownHostname = hostname(Path.of("/etc/hostname")).orElse(null);
        boolean mayEnter = maySetns();
        List<IpcNamespaceInfo> out = new ArrayList<>();
        out.add(new IpcNamespaceInfo(self, HOST_NAME, IpcNamespaceInfo.NameSource.HOST,
                groups.getOrDefault(self, List.of((int) ProcessHandle.current().pid())), null));
        List<IpcNamespaceInfo> others = new ArrayList<>();
        for (Map.Entry<Long, List<Integer>> g : groups.entrySet()) {
            if (g.getKey() != self) {
                others.add(describe(g.getKey(), g.getValue(), ownHostname, mayEnter));
            }
        }
        others.sort(Comparator.comparing(IpcNamespaceInfo::name).thenComparing(IpcNamespaceInfo::inode));
        out.addAll(others);
        if (hidden > 0) {
            out.add(new IpcNamespaceInfo(0, hidden + (hidden == 1 ? " process" : " processes")
                    + " in unknown namespaces", IpcNamespaceInfo.NameSource.HIDDEN, List.of(),
                    "EACCES: their /proc/PID/ns/ipc is not ours to read; " + (isRoot()
                            ? "even root is kept out of them here (another user namespace or a security module)"
                            : "seeing other users' namespaces needs ptrace access to their processes (run mqscope"
                            + " as root)")));
        }
        return out;
    }

    private static IpcNamespaceInfo describe(long inode, List<Integer> pids, String ownHostname, boolean mayEnter) {
        int first = pids.get(0);
        Path proc = IpcNamespaces.PROC.resolve(Integer.toString(first));
        String problem = mayEnter ? null : "EPERM: creating queues in it and reading its limits need CAP_SYS_ADMIN"
                + " (run mqscope as root); its queues can still be listed and opened where it mounts /dev/mqueue";
        for (int pid : pids) {
            Optional<String> container = cgroup(IpcNamespaces.PROC.resolve(Integer.toString(pid)));
            if (container.isPresent()) {
                return new IpcNamespaceInfo(inode, container.get(), IpcNamespaceInfo.NameSource.CONTAINER, pids,
                        problem);
            }
        }
        Optional<String> hostname;
        try {
            hostname = hostname(proc.resolve("root/etc/hostname"));
        } catch (AccessDeniedException e) {
            hostname = Optional.empty();
            problem = "EACCES: /proc/" + first + "/root is not ours to enter, so its queues cannot be listed (run"
                    + " mqscope as root)";
        }
        if (hostname.isPresent() && !hostname.get().equals(ownHostname)) {
            return new IpcNamespaceInfo(inode, hostname.get(), IpcNamespaceInfo.NameSource.HOSTNAME, pids, problem);
        }
        return new IpcNamespaceInfo(inode, command(proc) + " (pid " + first + ")",
                IpcNamespaceInfo.NameSource.COMMAND, pids, problem);
    }

    private static Optional<String> cgroup(Path proc) {
        try {
            return ContainerNames.fromCgroup(Files.readAllLines(proc.resolve("cgroup")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The first line of a hostname file; AccessDeniedException passes through, a missing file is empty. */
    static Optional<String> hostname(Path file) throws AccessDeniedException {
        try {
            byte[] b = Files.readAllBytes(file);
            String s = new String(b, 0, Math.min(b.length, HOSTNAME_MAX), StandardCharsets.UTF_8).strip();
            int nl = s.indexOf('\n');
            s = nl < 0 ? s : s.substring(0, nl).strip();
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        } catch (AccessDeniedException e) {
            throw e;
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String command(Path proc) {
        try {
            return Files.readString(proc.resolve("comm"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    private static boolean isRoot() {
        try {
            return ProcessStatus.self().uid() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** setns into another IPC namespace needs CAP_SYS_ADMIN (over the namespace's user namespace). */
    private static boolean maySetns() {
        try {
            return (ProcessStatus.self().capEff() & (1L << CAP_SYS_ADMIN)) != 0;
        } catch (IOException e) {
            return false;
        }
    }
}
