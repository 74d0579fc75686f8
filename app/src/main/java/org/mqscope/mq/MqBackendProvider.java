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
}
