package org.mqscope.mq;

import org.junit.jupiter.api.Nested;

/**
 * The contract suite against the real kernel: the ground truth. Skips with the reason when the kernel backend
 * cannot start; tests needing another user or namespace skip when setpriv or unshare cannot provide them.
 */
class KernelBackendContractTest {
    private final BackendFixture fixture = new KernelFixture();

    @Nested
    class OpenAndNames extends OpenContract {
        @Override
        protected BackendFixture fixture() {
            return fixture;
        }
    }

    @Nested
    class SendAndReceive extends SendReceiveContract {
        @Override
        protected BackendFixture fixture() {
            return fixture;
        }
    }

    @Nested
    class Ordering extends OrderingContract {
        @Override
        protected BackendFixture fixture() {
            return fixture;
        }
    }

    @Nested
    class BlockingAndTimeouts extends BlockingContract {
        @Override
        protected BackendFixture fixture() {
            return fixture;
        }
    }

    @Nested
    class WakeUpOrderAndHandOff extends HandOffContract {
        @Override
        protected BackendFixture fixture() {
            return fixture;
        }
    }

    @Nested
    class Notify extends NotifyContract {
        @Override
        protected BackendFixture fixture() {
            return fixture;
        }
    }

    @Nested
    class Setattr extends SetattrContract {
        @Override
        protected BackendFixture fixture() {
            return fixture;
        }
    }

    @Nested
    class UnlinkLifetime extends UnlinkContract {
        @Override
        protected BackendFixture fixture() {
            return fixture;
        }
    }

    @Nested
    class StatusLine extends StatusLineContract {
        @Override
        protected BackendFixture fixture() {
            return fixture;
        }
    }

    @Nested
    class LimitsAndAccounting extends LimitsContract {
        @Override
        protected BackendFixture fixture() {
            return fixture;
        }
    }

    @Nested
    class Poll extends PollContract {
        @Override
        protected BackendFixture fixture() {
            return fixture;
        }
    }

    @Nested
    class OtherProcesses extends ProcessesContract {
        @Override
        protected BackendFixture fixture() {
            return fixture;
        }
    }

    @Nested
    class Peek extends PeekContract {
        @Override
        protected BackendFixture fixture() {
            return fixture;
        }
    }

    @Nested
    class Recreate extends RecreateContract {
        @Override
        protected BackendFixture fixture() {
            return fixture;
        }
    }
}
