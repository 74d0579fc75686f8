package org.mqscope.monitor.processes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mqscope.monitor.limits.UserNames;
import org.mqscope.mq.InProcessUse;
import org.mqscope.mq.InProcessUsers;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.QueueInfo;

/**
 * The users of an in-process backend's queues, from its own books: every descriptor opened through it (there are
 * no descriptor numbers, so fd is -1) and every thread blocked in it, in wake-up order. Its "processes" are the
 * pids it acts as (this JVM's, or another one it was told to pretend to be); a blocked call names its thread.
 */
final class EmulatedUsage implements UsageSource {
    static final String IN_THIS_JVM = "(emulated, in this JVM)";

    private final MqBackend backend;
    private final InProcessUsers users;
    private final UserNames userNames;
    private final int selfPid = (int) ProcessHandle.current().pid();
    private final String selfCommand = ProcFiles.comm(java.nio.file.Path.of("/proc/self"));

    private final java.util.Set<String> ownThreads;

    EmulatedUsage(MqBackend backend, InProcessUsers users, UserNames userNames, java.util.Set<String> ownThreads) {
        this.backend = backend;
        this.users = users;
        this.userNames = userNames;
        this.ownThreads = java.util.Set.copyOf(ownThreads);
    }

    @Override
    public UsageSnapshot scan(List<QueueInfo> listing, String focus) {
        Instant at = Instant.now();
        List<QueueInfo> infos = listing;
        if (infos == null) {
            try {
                infos = backend.list();
            } catch (MqException e) {
                return UsageSnapshot.failed(at, WaiterSource.EMULATION, e.getMessage());
            }
        }
        Map<String, QueueUsage> out = new HashMap<>();
        int descriptors = 0;
        for (QueueInfo info : infos) {
            InProcessUsers.Uses uses = users.uses(info.name());
            if (uses == null) {
                continue; // unlinked since the listing
            }
            List<QueueUser> list = new ArrayList<>();
            for (InProcessUse u : uses.uses()) {
                list.add(user(u));
                descriptors += u.kind() == InProcessUse.Kind.OPEN ? 1 : 0;
            }
            NotifyOwner owner = null;
            if (info.notifyPid() != 0) {
                String command = commandOf(info.notifyPid(), null);
                owner = new NotifyOwner(info.notifyPid(), info.notifyMethod(), info.signo(), command);
                list.add(new QueueUser(Role.NOTIFY_OWNER, info.notifyPid(), 0, command, IN_THIS_JVM, -1, null, -1,
                        null, -1, -1, false, false));
            }
            // holders sorted; waiters stay in the emulation's wake-up order behind them
            List<QueueUser> holders = new ArrayList<>(list.stream().filter(u -> u.role() == Role.HOLDER).toList());
            holders.sort(QueueUser.ORDER);
            List<QueueUser> sorted = new ArrayList<>(holders);
            list.stream().filter(u -> u.role() != Role.HOLDER).forEach(sorted::add);
            out.put(info.name(), new QueueUsage(info.name(), sorted, owner, uses.lastActivity(), null,
                    WaiterSource.EMULATION, Visibility.ALL));
        }
        return new UsageSnapshot(at, out, WaiterSource.EMULATION, Visibility.ALL, 1, descriptors, 0, null);
    }

    private QueueUser user(InProcessUse u) {
        Role role = switch (u.kind()) {
            case OPEN -> Role.HOLDER;
            case BLOCKED_SEND -> Role.BLOCKED_SEND;
            case BLOCKED_RECEIVE -> Role.BLOCKED_RECEIVE;
        };
        return new QueueUser(role, u.pid(), 0, commandOf(u.pid(), u.thread()), IN_THIS_JVM, u.uid(),
                u.uid() < 0 ? null : userNames.user(u.uid()), -1, new OpenMode(u.oflag()), u.size(), u.priority(),
                u.timed(), role == Role.HOLDER && ownThreads.contains(u.thread()));
    }

    /** The thread (that waits, or that opened the descriptor); else this JVM's command for its own pid. */
    private String commandOf(int pid, String thread) {
        if (thread != null) {
            return "thread " + thread;
        }
        return pid == selfPid ? selfCommand : null;
    }
}
