package org.mqscope.mq;

/**
 * What the contract suite needs from a backend besides {@link MqBackend} itself: other processes, and a way to tell
 * that a thread sleeps inside a queue call. One implementation per backend; each topic's contract runs against
 * both through {@link KernelBackendContractTest} and {@link EmulatedBackendContractTest}.
 */
interface BackendFixture {

    /** A backend for one test; aborts the test (JUnit assumption) with the reason when it cannot start. */
    MqBackend newBackend();

    /** A second backend on {@code backend}'s namespace acting as the same process (another handle, same pid). */
    MqBackend sameProcess(MqBackend backend);

    /** Another process in {@code backend}'s namespace, running as {@code uid}/{@code gid} with umask 022. */
    OtherProcess otherProcess(MqBackend backend, int uid, int gid);

    /**
     * A process alone in a new namespace whose limits (sysctls and RLIMIT_MSGQUEUE) are {@code limits}, running as
     * {@code uid}/{@code gid} with umask 022 and no capabilities. Aborts when this backend cannot provide it.
     */
    OtherProcess isolatedProcess(int uid, int gid, MqLimits limits);

    /**
     * True when SIGEV_SIGNAL with a real signal number registers; false where the backend refuses it with
     * EOPNOTSUPP because the signal would be delivered to the JVM itself (the kernel backend).
     */
    boolean deliversRealSignals();

    /** True when the call's thread is asleep inside the backend (a blocked send, receive or poll). */
    boolean isBlocked(BlockedCall<?> call);
}
