package org.mqscope.mq;

/** The contract suite against the emulation, which must give the kernel's answers (see KernelBackendContractTest). */
class EmulatedBackendContractTest extends ContractSuite {
    private final BackendFixture fixture = new EmulatedFixture();

    @Override
    protected BackendFixture fixture() {
        return fixture;
    }
}
