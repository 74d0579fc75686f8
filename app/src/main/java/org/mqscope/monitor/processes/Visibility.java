package org.mqscope.monitor.processes;

/**
 * Whether a scan could see every process. /proc hides other users' descriptors from a user who is not root (and
 * everything of theirs with hidepid, or under ptrace restrictions); an empty list is then no proof that nobody
 * uses a queue, and the user must be told.
 *
 * @param complete true when no process's descriptors were hidden from the scan
 * @param hidden   processes whose descriptors could not be read (unknown with hidepid: -1)
 * @param note     what to tell the user when not complete, else null
 */
public record Visibility(boolean complete, int hidden, String note) {
    public static final Visibility ALL = new Visibility(true, 0, null);

    static Visibility ownOnly(int hidden, String why) {
        return new Visibility(false, hidden, "You can see only your own processes: " + why);
    }
}
