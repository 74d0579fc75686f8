package org.mqscope.monitor.processes;

/**
 * A queue's identity: the device of its mqueue mount (one per IPC namespace) and its inode. Two queues with the
 * same name in two namespaces have different keys; a queue unlinked and created again under its name gets a new
 * inode.
 */
public record QueueKey(long dev, long ino) {
}
