package org.mqscope.mq;

/**
 * How {@link MqBackends} finds an implementation without this package depending on it: each backend package
 * registers one provider in META-INF/services.
 */
public interface MqBackendProvider {

    /** "kernel" or "emulated". */
    String id();

    /**
     * A new backend. {@code limitsOrNull} sets the limits of an emulated namespace; the kernel's limits are the
     * system's, so the kernel provider accepts only null.
     */
    MqBackend create(MqLimits limitsOrNull) throws MqException;

    /**
     * A backend bound to the IPC namespace process {@code pid} is in. Only the kernel has namespaces; the others
     * answer EINVAL.
     */
    default MqBackend createInNamespaceOf(int pid) throws MqException {
        throw new MqException(Errno.EINVAL, "setns", null, "the " + id() + " backend has no IPC namespaces");
    }
}
