package org.mqscope.mq;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.LockSupport;

import org.mqscope.mq.emulated.Credentials;
import org.mqscope.mq.emulated.EmulatedBackend;

/**
 * The emulation: a fresh namespace per test with the Linux defaults, the same limits the kernel of the test machine
 * has. Other processes are views of the namespace with other credentials and made-up pids.
 */
final class EmulatedFixture implements BackendFixture {
    /** Above any pid this JVM can have (pid_max is at most 4194304), so never NOTIFY_PID of the test itself. */
    private static final AtomicInteger NEXT_PID = new AtomicInteger(5_000_000);

    @Override
    public MqBackend newBackend() {
        return new EmulatedBackend(MqLimits.LINUX_DEFAULTS);
    }

    @Override
    public MqBackend sameProcess(MqBackend backend) {
        EmulatedBackend emulated = (EmulatedBackend) backend;
        return emulated.asProcess(emulated.credentials());
    }

    @Override
    public OtherProcess otherProcess(MqBackend backend, int uid, int gid) {
        int pid = NEXT_PID.incrementAndGet();
        return new BackendProcess(((EmulatedBackend) backend).asProcess(Credentials.unprivileged(pid, uid, gid)), pid);
    }

    @Override
    public OtherProcess isolatedProcess(int uid, int gid, MqLimits limits) {
        int pid = NEXT_PID.incrementAndGet();
        return new BackendProcess(new EmulatedBackend(limits).asProcess(Credentials.unprivileged(pid, uid, gid)), pid);
    }

    @Override
    public boolean isBlocked(BlockedCall<?> call) {
        Thread t = call.thread();
        Thread.State state = t.getState();
        // parked on the queue itself, not merely waiting for its lock
        return (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING)
                && !(LockSupport.getBlocker(t) instanceof AbstractQueuedSynchronizer);
    }

    @Override
    public boolean deliversRealSignals() {
        return true;
    }
}
