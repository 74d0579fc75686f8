package org.mqscope.mq;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A kernel backend's IPC namespace: the machine's own (the one mqscope runs in) or another one (a container's),
 * reached through one of its processes. Every queue name the backend takes is a name in that namespace.
 */
public interface NamespaceBound {

    /** The namespace's inode, as {@code /proc/PID/ns/ipc} shows it ({@code ipc:[inode]}). */
    long namespaceInode();

    /** True for the namespace mqscope itself runs in. */
    boolean hostNamespace();

    /** The process through which the namespace is reached now (this process's pid for the host's). */
    int viaPid();

    /**
     * Why the namespace can no longer be reached (every process in it has exited), as ESRCH; null while it can.
     * Once gone, it stays gone: a new process in a namespace with the same inode is another namespace.
     */
    MqException gone();

    /**
     * The file of queue {@code name} as this process can open it by path: {@code /dev/mqueue/NAME} for the host,
     * {@code /proc/PID/root/MOUNT/NAME} for another namespace whose mqueue file system is mounted in that
     * process's view. Empty when no such mount exists. For tools that open a queue by path rather than by name
     * (a name given to mq_open always means this process's own namespace).
     */
    Optional<Path> queueFile(String name) throws MqException;
}
