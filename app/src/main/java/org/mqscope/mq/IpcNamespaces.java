package org.mqscope.mq;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What /proc says about IPC namespaces, in plain Java: which one a process is in ({@code /proc/PID/ns/ipc} is a
 * link to {@code ipc:[inode]}, the inode naming the namespace, as lsns shows it), and where a process sees an mqueue
 * file system mounted ({@code /proc/PID/mountinfo}). Shared by the discovery (monitor) and the kernel backend bound
 * to a namespace, which finds another process of its namespace when the one it used exits.
 */
public final class IpcNamespaces {
    public static final Path PROC = Path.of("/proc");
    private static final String PREFIX = "ipc:[";

    private IpcNamespaces() {
    }

    /** The namespace this process is in. */
    public static long self() throws IOException {
        return inodeOf(PROC.resolve("self/ns/ipc"));
    }

    /** The namespace of {@code pid}; NoSuchFileException when it has exited, AccessDeniedException when hidden. */
    public static long of(int pid) throws IOException {
        return inodeOf(PROC.resolve(pid + "/ns/ipc"));
    }

    /** The inode in an {@code ipc:[inode]} link (a /proc/PID/ns/ipc or a /proc/self/fd link to one). */
    public static long inodeOf(Path link) throws IOException {
        return parse(Files.readSymbolicLink(link).toString());
    }

    /** {@code "ipc:[4026531839]"} → 4026531839; IOException for anything else. */
    public static long parse(String linkText) throws IOException {
        if (!linkText.startsWith(PREFIX) || !linkText.endsWith("]")) {
            throw new IOException("not an IPC namespace link: " + linkText);
        }
        try {
            return Long.parseLong(linkText.substring(PREFIX.length(), linkText.length() - 1));
        } catch (NumberFormatException e) {
            throw new IOException("not an IPC namespace link: " + linkText, e);
        }
    }

    /** Every process id under /proc, in ascending order. */
    public static List<Integer> pids() throws IOException {
        List<Integer> out = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC)) {
            for (Path d : dirs) {
                String s = d.getFileName().toString();
                if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
                    out.add(Integer.parseInt(s));
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** The lowest pid in namespace {@code inode} other than {@code except}, or -1 when none is left (or visible). */
    public static int anyPidIn(long inode, int except) {
        try {
            for (int pid : pids()) {
                if (pid != except && inSafely(pid, inode)) {
                    return pid;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** Whether {@code pid} exists and is in namespace {@code inode}; false when gone or hidden. */
    public static boolean inSafely(int pid, long inode) {
        try {
            return of(pid) == inode;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * An mqueue mount as a process sees it: the device ("0:42", one per mqueue superblock, i.e. per IPC namespace
     * that mounted it) and where it is mounted in that process's mount namespace.
     */
    public record MqueueMount(String device, String mountPoint) {
    }

    /**
     * The mqueue mounts in a mountinfo text, the topmost last: a mount stacked on the same point hides the ones
     * below it (a container that mounts its own mqueue over the host's /dev/mqueue shows both lines).
     */
    public static List<MqueueMount> mqueueMounts(List<String> mountinfo) {
        List<MqueueMount> out = new ArrayList<>();
        for (String line : mountinfo) {
            int dash = line.indexOf(" - ");
            if (dash < 0) {
                continue;
            }
            String[] after = line.substring(dash + 3).split(" ");
            String[] before = line.substring(0, dash).split(" ");
            if (after.length >= 1 && "mqueue".equals(after[0]) && before.length >= 5) {
                String point = unescape(before[4]);
                out.removeIf(m -> m.mountPoint().equals(point));
                out.add(new MqueueMount(before[2], point));
            }
        }
        return out;
    }

    /** The mqueue mounts {@code pid} sees (self for "self"). */
    public static List<MqueueMount> mqueueMounts(String pid) throws IOException {
        return mqueueMounts(Files.readAllLines(PROC.resolve(pid).resolve("mountinfo")));
    }

    /** mountinfo writes space, tab, newline and backslash as octal escapes (\040...). */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length()) {
                try {
                    b.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                    i += 3;
                    continue;
                } catch (NumberFormatException e) {
                    // not an escape after all: keep the backslash
                }
            }
            b.append(c);
        }
        return b.toString();
    }
}
