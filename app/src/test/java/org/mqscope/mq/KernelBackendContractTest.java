package org.mqscope.mq;

/**
 * The contract suite against the real kernel: the ground truth. Skips with the reason when the kernel backend
 * cannot start; tests needing another user or namespace skip when setpriv or unshare cannot provide them.
 */
class KernelBackendContractTest extends ContractSuite {
    private final BackendFixture fixture = new KernelFixture();

    @Override
    protected BackendFixture fixture() {
        return fixture;
    }
}
