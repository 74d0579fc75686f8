package org.mqscope.mq.kernel;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.function.Function;
import org.mqscope.mq.IpcNamespaces;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqLimits;

/** The namespace this process runs in: glibc's mq_open and mq_unlink, the local mount, the local sysctls. */
final class HostTarget implements IpcTarget {
    private final NativeSupport natives;
    private final Path mount;
    private final MqueueDirectory directory;
    private final KernelLimits limits;
    private final long inode;

    HostTarget(NativeSupport natives, Path mount, Path sysctl, Function<Object, String> heldStatus) {
        this.natives = natives;
        this.mount = mount;
        this.directory = new MqueueDirectory(mount, heldStatus);
        this.limits = new KernelLimits(sysctl);
        long self;
        try {
            self = IpcNamespaces.self();
        } catch (IOException e) {
            self = 0; // /proc not mounted: the namespace has no name to show, but works
        }
        this.inode = self;
    }

    @Override
    public int open(String name, int oflag, int mode, MqAttributes attrOrNull) throws MqException {
        return mqOpen(natives, name, oflag, mode, attrOrNull);
    }

    /** glibc's mq_open in the calling thread's IPC namespace: the descriptor, or the failure as its errno. */
    static int mqOpen(NativeSupport natives, String name, int oflag, int mode, MqAttributes attrOrNull)
            throws MqException {
        int fd;
        int errno;
        byte[] cName = NativeSupport.cString(name);
        if ((oflag & Mq.O_CREAT) != 0) {
            try (Memory attr = attrOrNull == null ? null : new Memory(Layouts.MQ_ATTR_SIZE)) {
                if (attr != null) {
                    KernelQueue.writeAttributes(attr.getByteBuffer(0, Layouts.MQ_ATTR_SIZE)
                            .order(ByteOrder.nativeOrder()), 0, attrOrNull);
                }
                fd = natives.mqOpen.mq_open(cName, oflag, mode, attr);
                errno = fd < 0 ? Native.getLastError() : 0;
            }
        } else {
            fd = natives.mqOpen.mq_open(cName, oflag);
            errno = fd < 0 ? Native.getLastError() : 0;
        }
        if (fd < 0) {
            throw MqException.ofCode(errno, "mq_open", name);
        }
        return fd;
    }

    @Override
    public void unlink(String name) throws MqException {
        mqUnlink(name);
    }

    /** mq_unlink in the calling thread's IPC namespace. */
    static void mqUnlink(String name) throws MqException {
        if (MqNative.mq_unlink(NativeSupport.cString(name)) != 0) {
            throw MqException.ofCode(Native.getLastError(), "mq_unlink", name);
        }
    }

    @Override
    public MqueueDirectory directory() {
        return directory;
    }

    @Override
    public MqLimits limits() throws MqException {
        return limits.read();
    }

    @Override
    public Path mountPath() {
        return directory.isMounted() ? mount : null;
    }

    @Override
    public long inode() {
        return inode;
    }

    @Override
    public boolean host() {
        return true;
    }

    @Override
    public int viaPid() {
        return (int) ProcessHandle.current().pid();
    }

    @Override
    public MqException gone() {
        return null;
    }

}
