package org.mqscope.monitor.processes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Who uses one queue at one instant: holders, blocked senders and receivers, the notify owner, and when it was
 * last used. Immutable; the users sorted by {@link QueueUser#ORDER} (waiters in wake-up order where the source
 * knows it).
 *
 * @param queue        the name, with its leading slash
 * @param users        every holder, waiter and the notify owner
 * @param notifyOwner  the mq_notify registration, or null
 * @param lastActivity the last successful send or receive (the queue file's mtime), null when unknown
 * @param lastChange   the last change of any kind, attributes included (ctime), null when unknown
 * @param source       where the waiters came from
 * @param visibility   whether other users' processes could be seen
 */
public record QueueUsage(String queue, List<QueueUser> users, NotifyOwner notifyOwner, Instant lastActivity,
                         Instant lastChange, WaiterSource source, Visibility visibility) {

    public QueueUsage {
        users = List.copyOf(users);
    }

    /** Nobody seen using {@code queue}. */
    static QueueUsage none(String queue, WaiterSource source, Visibility visibility) {
        return new QueueUsage(queue, List.of(), null, null, null, source, visibility);
    }

    public List<QueueUser> of(Role role) {
        return users.stream().filter(u -> u.role() == role).toList();
    }

    /** Processes holding at least one descriptor, mqscope's own watching not counted ({@link QueueUser#self}). */
    public int holderProcesses() {
        return (int) users.stream().filter(u -> u.role() == Role.HOLDER && !u.self()).mapToInt(QueueUser::pid)
                .distinct().count();
    }

    /** Threads blocked in send or receive. */
    public int waiters() {
        return (int) users.stream().filter(u -> u.role().blocked()).count();
    }

    /** Anyone but mqscope's own watching holds, waits on or is registered for the queue. */
    public boolean inUse() {
        return users.stream().anyMatch(u -> !u.self());
    }

    /** "last send/receive 3 s ago" (or "no send/receive seen" when unknown). */
    public String activityText(Instant now) {
        return lastActivity == null ? "no send/receive seen" : "last send/receive " + ago(lastActivity, now);
    }

    /** "3 s ago", "5 min ago", "2 h ago", "4 days ago"; "just now" under a second. */
    public static String ago(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        long s = Math.max(0, d.getSeconds());
        if (s < 1) {
            return "just now";
        } else if (s < 120) {
            return s + " s ago";
        } else if (s < 2 * 3600) {
            return s / 60 + " min ago";
        } else if (s < 2 * 86400) {
            return s / 3600 + " h ago";
        }
        return s / 86400 + " days ago";
    }
}
