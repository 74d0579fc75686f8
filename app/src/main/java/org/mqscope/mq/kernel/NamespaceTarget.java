package org.mqscope.mq.kernel;

import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.mqscope.mq.Errno;
import org.mqscope.mq.IpcNamespaces;
import org.mqscope.mq.IpcNamespaces.MqueueMount;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqLimits;
import org.mqscope.mq.QueueNames;

/**
 * Another IPC namespace (a container's), reached through one of its processes. Where that process sees an mqueue
 * file system of this namespace, the queues are listed, read, opened and unlinked as files under
 * {@code /proc/PID/root/<mount>}: open(2) of a queue file gives a descriptor the mq_* calls take. What needs the
 * namespace itself — creating (mq_open with O_CREAT and attributes), any call when nothing is mounted, and the
 * sysctls, which /proc/sys shows for the reader's namespace whatever path it is read through — runs on
 * {@link IpcSwitcher}'s thread. When the process exits another one of the namespace takes its place; when none is
 * left the namespace is gone and every call fails with ESRCH.
 */
final class NamespaceTarget implements IpcTarget {
    private static final int ACCESS_MODE = 3;

    private final long inode;
    private final Function<Object, String> heldStatus;
    /** The devices of the mqueue mounts this process sees: another namespace's view of one of them is not its own. */
    private final Set<String> hostDevices;
    private volatile int pid;
    private volatile MqException gone;

    NamespaceTarget(long inode, int pid, Function<Object, String> heldStatus) throws MqException {
        this.inode = inode;
        this.pid = pid;
        this.heldStatus = heldStatus;
        Set<String> devices = new HashSet<>();
        try {
            IpcNamespaces.mqueueMounts("self").forEach(m -> devices.add(m.device()));
        } catch (IOException e) {
            // no mountinfo: nothing of ours can be mistaken for theirs
        }
        this.hostDevices = devices;
        pid();
    }

    @Override
    public long inode() {
        return inode;
    }

    @Override
    public boolean host() {
        return false;
    }

    @Override
    public int viaPid() {
        return pid;
    }

    @Override
    public MqException gone() {
        return gone;
    }

    /** A live process of the namespace: the last one used, else any other; ESRCH (and gone for good) when none. */
    private int pid() throws MqException {
        MqException g = gone;
        if (g != null) {
            throw new MqException(g.errno(), g.operation(), null, g.detail());
        }
        int p = pid;
        if (IpcNamespaces.inSafely(p, inode)) {
            return p;
        }
        int other = IpcNamespaces.anyPidIn(inode, p);
        if (other < 0) {
            gone = new MqException(Errno.ESRCH, "setns", null, "IPC namespace ipc:[" + inode + "] is gone: no"
                    + " process is left in it (last seen through process " + p + ")");
            throw gone;
        }
        pid = other;
        return other;
    }

    /** Where {@code p} sees this namespace's mqueue file system, or null. */
    private Path mount(int p) throws MqException {
        List<MqueueMount> mounts;
        try {
            mounts = IpcNamespaces.mqueueMounts(Integer.toString(p));
        } catch (NoSuchFileException e) {
            pid();
            return null;
        } catch (IOException e) {
            return null;
        }
        Path root = IpcNamespaces.PROC.resolve(p + "/root");
        Path chosen = null;
        for (MqueueMount m : mounts) {
            if (hostDevices.contains(m.device())) {
                continue; // our own /dev/mqueue, inherited by the container's mount namespace
            }
            Path dir = root.resolve(m.mountPoint().substring(1));
            if (chosen == null || "/dev/mqueue".equals(m.mountPoint())) {
                chosen = dir;
            }
        }
        return chosen;
    }

    @Override
    public Path mountPath() throws MqException {
        return mount(pid());
    }

    @Override
    public MqueueDirectory directory() throws MqException {
        int p = pid();
        Path dir = mount(p);
        if (dir == null) {
            pid(); // an exiting process shows no mounts before it stops showing the namespace: then it is ESRCH
            throw new MqException(Errno.ENODEV, "statfs", null, "no process of ipc:[" + inode + "] sees an mqueue"
                    + " file system of its own, so its queues cannot be listed; they can still be opened by name."
                    + " Mount it inside the container: mount -t mqueue none /dev/mqueue");
        }
        return new MqueueDirectory(dir, heldStatus);
    }

    @Override
    public int open(String name, int oflag, int mode, MqAttributes attrOrNull) throws MqException {
        Errno invalid = QueueNames.error(name);
        if (invalid != null) {
            throw new MqException(invalid, "mq_open", name);
        }
        if ((oflag & Mq.O_CREAT) == 0) {
            if ((oflag & ACCESS_MODE) == ACCESS_MODE) {
                throw new MqException(Errno.EINVAL, "mq_open", name);
            }
            int p = pid();
            Path dir = mount(p);
            if (dir != null) {
                int fd = openFile(dir, name, oflag);
                if (IpcNamespaces.inSafely(p, inode)) {
                    return fd;
                }
                PosixNative.close(fd); // the process left while we opened: the file may not have been this one's
            }
        }
        return IpcSwitcher.get().call(inode, pid(), "mq_open", name,
                () -> HostTarget.mqOpen(NativeSupport.require(), name, oflag, mode, attrOrNull));
    }

    private static int openFile(Path dir, String name, int oflag) throws MqException {
        Path file = MqueueDirectory.fileOf(dir, name);
        int flags = (oflag & ACCESS_MODE) | (oflag & Mq.O_NONBLOCK) | PosixNative.O_CLOEXEC;
        int fd = PosixNative.open(NativeSupport.cString(file.toString()), flags);
        if (fd < 0) {
            throw MqException.ofCode(Native.getLastError(), "mq_open", name);
        }
        return fd;
    }

    @Override
    public void unlink(String name) throws MqException {
        Errno invalid = QueueNames.error(name);
        if (invalid != null) {
            throw new MqException(invalid, "mq_unlink", name);
        }
        int p = pid();
        Path dir = mount(p);
        if (dir != null) {
            Path file = MqueueDirectory.fileOf(dir, name);
            try {
                Files.delete(file);
                return;
            } catch (NoSuchFileException | AccessDeniedException e) {
                throw MqueueDirectory.failure("mq_unlink", name, e);
            } catch (IOException e) {
                // e.g. EBUSY or EPERM the file API does not name: let the kernel's own call answer
            }
        }
        IpcSwitcher.get().call(inode, pid(), "mq_unlink", name, () -> {
            HostTarget.mqUnlink(name);
            return null;
        });
    }

    @Override
    public MqLimits limits() throws MqException {
        return IpcSwitcher.get().call(inode, pid(), "read", null,
                () -> new KernelLimits(KernelBackend.PROC_SYSCTL).read());
    }
}
