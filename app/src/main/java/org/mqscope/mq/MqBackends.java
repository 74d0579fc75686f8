package org.mqscope.mq;

import java.util.ServiceLoader;

/**
 * Entry point: the real kernel, or a fresh emulated namespace. A class path without the backend's provider is a
 * broken build and fails with IllegalStateException.
 */
public final class MqBackends {
    public static final String KERNEL = "kernel";
    public static final String EMULATED = "emulated";

    private MqBackends() {
    }

    /** The machine's POSIX message queues; fails with a reason (ENOSYS, ...) where the kernel lacks them. */
    public static MqBackend kernel() throws MqException {
        return provider(KERNEL).create(null);
    }

    /**
     * The queues of the IPC namespace process {@code pid} is in (a container's, say): the same as {@link #kernel()}
     * when that is mqscope's own namespace. The backend implements {@link NamespaceBound}. ESRCH when no such
     * process exists, EACCES/EPERM when its namespace is not ours to see.
     */
    public static MqBackend kernelInNamespaceOf(int pid) throws MqException {
        return provider(KERNEL).createInNamespaceOf(pid);
    }

    /** A new, empty, isolated emulated namespace with the Linux default limits. */
    public static MqBackend emulated() {
        return emulated(MqLimits.LINUX_DEFAULTS);
    }

    /** A new, empty, isolated emulated namespace with the given limits. */
    public static MqBackend emulated(MqLimits limits) {
        try {
            return provider(EMULATED).create(limits);
        } catch (MqException e) {
            throw new IllegalStateException("the emulated backend cannot fail to start", e);
        }
    }

    /** The backend with this id ("kernel" or "emulated"); IllegalArgumentException for any other id. */
    public static MqBackend byId(String id) throws MqException {
        return switch (id) {
            case KERNEL -> kernel();
            case EMULATED -> emulated();
            default -> throw new IllegalArgumentException("unknown backend id: " + id);
        };
    }

    private static MqBackendProvider provider(String id) {
        for (MqBackendProvider p : ServiceLoader.load(MqBackendProvider.class, MqBackends.class.getClassLoader())) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        throw new IllegalStateException("no " + id + " backend on the class path");
    }
}
