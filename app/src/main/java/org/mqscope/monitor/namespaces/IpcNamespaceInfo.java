package org.mqscope.monitor.namespaces;

import java.util.List;

/**
 * One IPC namespace found on the machine.
 *
 * @param inode   its inode ({@code ipc:[inode]}); 0 for the line that stands for processes whose namespace is hidden
 * @param name    how a user recognises it: "host", a container ("docker 0123456789ab"), a hostname, or a command
 * @param source  where the name came from
 * @param pids    its processes, ascending (empty for the hidden line)
 * @param problem null when mqscope can reach its queues, else why not (errno name first, then what to do)
 */
public record IpcNamespaceInfo(long inode, String name, NameSource source, List<Integer> pids, String problem) {

    /** Where a namespace's name came from. */
    public enum NameSource { HOST, CONTAINER, HOSTNAME, COMMAND, HIDDEN }

    public IpcNamespaceInfo {
        pids = List.copyOf(pids);
    }

    public boolean host() {
        return source == NameSource.HOST;
    }

    /** A process to reach it through: the first one, or -1 when none is known. */
    public int anyPid() {
        return pids.isEmpty() ? -1 : pids.get(0);
    }

    /** "docker 0123456789ab (ipc:[4026532177])". */
    public String label() {
        return inode == 0 ? name : name + " (ipc:[" + inode + "])";
    }
}
