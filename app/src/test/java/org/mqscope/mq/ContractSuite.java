package org.mqscope.mq;

import org.junit.jupiter.api.Nested;

/**
 * Every contract topic, bound to one backend by a subclass ({@link KernelBackendContractTest},
 * {@link EmulatedBackendContractTest}). JUnit runs the nested topic classes once per subclass.
 */
abstract class ContractSuite {

    /** The backend under test and its process hooks, one per suite run. */
    protected abstract BackendFixture fixture();

    @Nested
    class OpenAndNames extends OpenContract {
        @Override
        protected BackendFixture fixture() {
            return ContractSuite.this.fixture();
        }
    }

    @Nested
    class SendAndReceive extends SendReceiveContract {
        @Override
        protected BackendFixture fixture() {
            return ContractSuite.this.fixture();
        }
    }

    @Nested
    class Ordering extends OrderingContract {
        @Override
        protected BackendFixture fixture() {
            return ContractSuite.this.fixture();
        }
    }

    @Nested
    class BlockingAndTimeouts extends BlockingContract {
        @Override
        protected BackendFixture fixture() {
            return ContractSuite.this.fixture();
        }
    }

    @Nested
    class WakeUpOrderAndHandOff extends HandOffContract {
        @Override
        protected BackendFixture fixture() {
            return ContractSuite.this.fixture();
        }
    }

    @Nested
    class Notify extends NotifyContract {
        @Override
        protected BackendFixture fixture() {
            return ContractSuite.this.fixture();
        }
    }

    @Nested
    class Setattr extends SetattrContract {
        @Override
        protected BackendFixture fixture() {
            return ContractSuite.this.fixture();
        }
    }

    @Nested
    class UnlinkLifetime extends UnlinkContract {
        @Override
        protected BackendFixture fixture() {
            return ContractSuite.this.fixture();
        }
    }

    @Nested
    class StatusLine extends StatusLineContract {
        @Override
        protected BackendFixture fixture() {
            return ContractSuite.this.fixture();
        }
    }

    @Nested
    class LimitsAndAccounting extends LimitsContract {
        @Override
        protected BackendFixture fixture() {
            return ContractSuite.this.fixture();
        }
    }

    @Nested
    class Poll extends PollContract {
        @Override
        protected BackendFixture fixture() {
            return ContractSuite.this.fixture();
        }
    }

    @Nested
    class OtherProcesses extends ProcessesContract {
        @Override
        protected BackendFixture fixture() {
            return ContractSuite.this.fixture();
        }
    }

    @Nested
    class Peek extends PeekContract {
        @Override
        protected BackendFixture fixture() {
            return ContractSuite.this.fixture();
        }
    }

    @Nested
    class MoveSelected extends MoveSelectedContract {
        @Override
        protected BackendFixture fixture() {
            return ContractSuite.this.fixture();
        }
    }

    @Nested
    class Recreate extends RecreateContract {
        @Override
        protected BackendFixture fixture() {
            return ContractSuite.this.fixture();
        }
    }
}
