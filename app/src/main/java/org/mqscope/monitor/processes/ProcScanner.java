package org.mqscope.monitor.processes;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.mqscope.monitor.limits.UserNames;
import org.mqscope.mq.QueueInfo;
import org.mqscope.mq.StatusLine;

/**
 * Who holds the kernel's queues open, from /proc. A queue descriptor's link in /proc/PID/fd reads "/name"; the
 * queue is identified by (st_dev, st_ino) through the link, never by the name, which another IPC namespace may
 * use for another queue. Incremental: each process's descriptor table is read again only when the process is new,
 * its descriptor count (st_size of /proc/PID/fd) changed, or every {@link #FULL_REREAD_PASSES}th scan (a close and
 * an open between two scans keep the count); the focused queue's holders have their open mode read every scan.
 * Not thread-safe: one scan at a time.
 */
public final class ProcScanner implements UsageSource {
    /** Every this many scans each descriptor table is read again, whatever its count. */
    static final int FULL_REREAD_PASSES = 20;

    private final Path proc;
    private final Path mqueueDir;
    private final WaiterReader waiters;
    private final UserNames userNames;
    private final int selfUid;
    private final String hidepid;
    private final Map<Integer, PidEntry> cache = new HashMap<>();
    private long passes;

    /** /proc and /dev/mqueue of this machine, waiters from the threads' syscall files. */
    public static ProcScanner system() {
        Path proc = Path.of("/proc");
        return new ProcScanner(proc, Path.of("/dev/mqueue"), new SyscallWaiters(proc), UserNames.load());
    }

    /**
     * @param proc      the /proc to read (a test may point at a tree of its own)
     * @param mqueueDir the mqueue mount whose queues are looked for
     */
    public ProcScanner(Path proc, Path mqueueDir, WaiterReader waiters, UserNames userNames) {
        this.proc = proc;
        this.mqueueDir = mqueueDir;
        this.waiters = waiters;
        this.userNames = userNames;
        // the owner of /proc/PID (not of the /proc/self link, which is root's)
        this.selfUid = ProcFiles.owner(proc.resolve(Long.toString(ProcessHandle.current().pid())));
        this.hidepid = Hidepid.of(proc);
    }

    @Override
    public UsageSnapshot scan(List<QueueInfo> listing, String focus) {
        passes++;
        Instant at = Instant.now();
        Map<QueueKey, QueueFile> queues;
        try {
            queues = QueueFile.list(mqueueDir);
        } catch (IOException e) {
            return UsageSnapshot.failed(at, waiters.source(), mqueueDir + " cannot be read ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "), so nobody's queues can be matched");
        }
        QueueKey focusKey = null;
        for (QueueFile f : queues.values()) {
            if (f.name().equals(focus)) {
                focusKey = f.key();
            }
        }
        Tally tally = new Tally();
        boolean full = passes % FULL_REREAD_PASSES == 0;
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc)) {
            for (Path pidDir : pids) {
                int pid = pidOf(pidDir.getFileName().toString());
                if (pid > 0) {
                    visit(pid, pidDir, full, focusKey, tally);
                }
            }
        } catch (IOException e) {
            return UsageSnapshot.failed(at, waiters.source(), proc + " cannot be read: " + e.getMessage());
        }
        for (Iterator<PidEntry> it = cache.values().iterator(); it.hasNext(); ) {
            if (it.next().seen != passes) {
                it.remove(); // exited
            }
        }
        return assemble(at, queues, listing, tally);
    }

    private void visit(int pid, Path pidDir, boolean full, QueueKey focusKey, Tally tally) {
        tally.processes++;
        PidEntry e = cache.get(pid);
        Path fdDir = pidDir.resolve("fd");
        long count = fdCount(fdDir);
        if (e == null || full || count < 0 || count != e.fdCount) {
            if (e == null) {
                e = new PidEntry();
                cache.put(pid, e);
            }
            if (!reread(fdDir, e, count)) {
                cache.remove(pid);
                tally.processes--;
                return;
            }
            tally.reread++;
        } else if (focusKey != null) {
            refreshModes(fdDir.resolveSibling("fdinfo"), e, focusKey);
        }
        e.seen = passes;
        tally.descriptors += e.fdCount;
        if (e.hidden) {
            tally.hidden++;
        }
    }

    /**
     * st_size of /proc/PID/fd is the number of open descriptors (Linux ≥ 6.2); older kernels say 0, and then the
     * entries are counted (a directory read without a readlink per entry). -1 when neither works.
     */
    private static long fdCount(Path fdDir) {
        try {
            // basic attributes: no attribute-name parsing and no map, on the path every process takes each scan
            long size = Files.readAttributes(fdDir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size();
            if (size > 0) {
                return size;
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        long n = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path ignored : fds) {
                n++;
            }
            return n;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Reads one process's descriptor table; false when the process is gone. */
    private boolean reread(Path fdDir, PidEntry e, long count) {
        Map<Integer, Held> held = new HashMap<>();
        int n = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path fd : fds) {
                n++;
                Held h = queueDescriptor(fd, fdDir);
                if (h != null) {
                    held.put(h.fd, h);
                }
            }
        } catch (AccessDeniedException ex) {
            e.hidden = true;
            e.fdCount = Math.max(0, count);
            e.held = Map.of();
            e.info = null;
            return true;
        } catch (IOException | RuntimeException ex) {
            return false;
        }
        e.hidden = false;
        e.fdCount = count >= 0 ? count : n;
        e.held = held;
        e.info = null; // a new process may have the old pid: read who it is again when needed
        return true;
    }

    /** The queue behind one /proc/PID/fd link, or null when it is something else (or closed meanwhile). */
    private static Held queueDescriptor(Path fd, Path fdDir) {
        String link;
        try {
            link = Files.readSymbolicLink(fd).toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
        // "/name": one slash, at the start (files elsewhere have more; sockets and pipes have none)
        if (link.length() < 2 || link.charAt(0) != '/' || link.indexOf('/', 1) >= 0 || link.endsWith(" (deleted)")) {
            return null;
        }
        QueueKey key = ProcFiles.key(fd);
        int number = pidOf(fd.getFileName().toString());
        if (key == null || number < 0) {
            return null;
        }
        ProcFiles.FdInfo info = ProcFiles.fdinfo(fdDir.resolveSibling("fdinfo").resolve(Integer.toString(number)));
        return info == null ? null : new Held(number, key, info.flags());
    }

    /** The focused queue's descriptors: mq_setattr may have changed O_NONBLOCK, a close+open the queue itself. */
    private static void refreshModes(Path fdinfoDir, PidEntry e, QueueKey focusKey) {
        for (Held h : e.held.values()) {
            if (h.key.equals(focusKey)) {
                ProcFiles.FdInfo info = ProcFiles.fdinfo(fdinfoDir.resolve(Integer.toString(h.fd)));
                if (info == null || (info.ino() >= 0 && info.ino() != h.key.ino())) {
                    e.fdCount = -2; // closed or reused: read the whole table next time
                } else {
                    h.flags = info.flags();
                }
            }
        }
    }

    private UsageSnapshot assemble(Instant at, Map<QueueKey, QueueFile> queues, List<QueueInfo> listing,
                                   Tally tally) {
        Map<QueueKey, List<QueueUser>> users = new HashMap<>();
        Map<Integer, Map<Integer, QueueKey>> queueFds = new HashMap<>();
        for (Map.Entry<Integer, PidEntry> c : cache.entrySet()) {
            PidEntry e = c.getValue();
            for (Held h : e.held.values()) {
                if (queues.containsKey(h.key)) {
                    ProcessInfo p = info(c.getKey(), e);
                    users.computeIfAbsent(h.key, k -> new ArrayList<>()).add(QueueUser.holder(p, h.fd,
                            new OpenMode(h.flags)));
                    queueFds.computeIfAbsent(c.getKey(), k -> new HashMap<>()).put(h.fd, h.key);
                }
            }
        }
        int[] denied = new int[1];
        for (Map.Entry<QueueKey, List<BlockedCall>> w : waiters.read(queueFds, denied).entrySet()) {
            for (BlockedCall b : w.getValue()) {
                ProcessInfo p = info(b.pid(), cache.get(b.pid()));
                users.computeIfAbsent(w.getKey(), k -> new ArrayList<>()).add(new QueueUser(
                        b.send() ? Role.BLOCKED_SEND : Role.BLOCKED_RECEIVE, b.pid(), b.tid(), p.command(),
                        p.commandLine(), p.uid(), p.user(), b.fd(), new OpenMode(flagsOf(b, queueFds))
                        , b.size(), b.priority(), b.timed(), b.pid() == QueueUser.SELF_PID));
            }
        }
        Visibility visibility = visibility(tally.hidden, denied[0]);
        Map<String, QueueInfo> infos = new HashMap<>();
        if (listing != null) {
            listing.forEach(i -> infos.put(i.name(), i));
        }
        Map<String, QueueUsage> out = new HashMap<>();
        for (QueueFile f : queues.values()) {
            List<QueueUser> list = users.getOrDefault(f.key(), new ArrayList<>());
            NotifyOwner owner = notifyOwner(f, infos.get(f.name()), list);
            list.sort(QueueUser.ORDER);
            out.put(f.name(), new QueueUsage(f.name(), list, owner, f.mtime(), f.ctime(), waiters.source(),
                    visibility));
        }
        return new UsageSnapshot(at, out, waiters.source(), visibility, tally.processes, (int) tally.descriptors,
                tally.reread, null);
    }

    private int flagsOf(BlockedCall b, Map<Integer, Map<Integer, QueueKey>> queueFds) {
        PidEntry e = cache.get(b.pid());
        Held h = e == null ? null : e.held.get(b.fd());
        return h == null ? 0 : h.flags;
    }

    /** From the listing's status line when given, else the file's (reading it opens and closes the queue file). */
    private NotifyOwner notifyOwner(QueueFile f, QueueInfo info, List<QueueUser> users) {
        int pid;
        int method;
        int signo;
        if (info != null) {
            pid = info.notifyPid();
            method = info.notifyMethod();
            signo = info.signo();
        } else {
            String text = ProcFiles.text(mqueueDir.resolve(f.name().substring(1)));
            if (text == null) {
                return null;
            }
            try {
                StatusLine s = StatusLine.parse(text);
                pid = s.notifyPid();
                method = s.notifyMethod();
                signo = s.signo();
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if (pid == 0) {
            return null;
        }
        ProcessInfo p = info(pid, cache.get(pid));
        users.add(new QueueUser(Role.NOTIFY_OWNER, pid, 0, p.command(), p.commandLine(), p.uid(), p.user(), -1,
                null, -1, -1, false, pid == QueueUser.SELF_PID));
        return new NotifyOwner(pid, method, signo, p.command());
    }

    private ProcessInfo info(int pid, PidEntry e) {
        if (e != null && e.info != null) {
            return e.info;
        }
        Path dir = proc.resolve(Integer.toString(pid));
        int uid = ProcFiles.owner(dir);
        ProcessInfo p = new ProcessInfo(pid, ProcFiles.comm(dir), ProcFiles.cmdline(dir), uid,
                uid < 0 ? null : userNames.user(uid));
        if (e != null) {
            e.info = p;
        }
        return p;
    }

    private Visibility visibility(int hidden, int threadsDenied) {
        List<String> why = new ArrayList<>();
        if (hidden > 0) {
            why.add((selfUid == 0 ? "even root" : "uid " + selfUid + " is not root, so it") + " may not read the"
                    + " descriptors of " + hidden + (hidden == 1 ? " process" : " processes") + " in " + proc);
        } else if (hidepid != null && selfUid != 0) {
            why.add(proc + " is mounted with hidepid=" + hidepid + ", so other users' processes are not listed");
        }
        if (threadsDenied > 0) {
            why.add("ptrace rules hide the threads of " + threadsDenied + (threadsDenied == 1 ? " process" :
                    " processes") + ", so their blocked calls cannot be seen");
        }
        return why.isEmpty() ? Visibility.ALL : Visibility.ownOnly(hidden > 0 ? hidden : -1,
                String.join("; ", why) + ".");
    }

    /** A decimal pid or fd number, -1 for anything else ("self", "net"). */
    static int pidOf(String s) {
        int n = s.length();
        if (n == 0 || n > 9) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static final class PidEntry {
        long fdCount = -2;
        boolean hidden;
        Map<Integer, Held> held = Map.of();
        ProcessInfo info;
        long seen;
    }

    private static final class Held {
        final int fd;
        final QueueKey key;
        int flags;

        Held(int fd, QueueKey key, int flags) {
            this.fd = fd;
            this.key = key;
            this.flags = flags;
        }
    }

    private static final class Tally {
        int processes;
        long descriptors;
        int reread;
        int hidden;
    }
}
