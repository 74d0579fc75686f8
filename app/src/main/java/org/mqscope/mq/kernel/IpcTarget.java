package org.mqscope.mq.kernel;

import java.nio.file.Path;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqLimits;

/**
 * The IPC namespace a kernel backend works in: everything that takes a queue by name (mq_open, mq_unlink), the
 * listing, and the limits. Descriptors, once open, work the same whichever namespace they came from.
 */
interface IpcTarget {

    /** mq_open(name, oflag, mode, attr) in this namespace: the new descriptor, or the failure as mq_open's errno. */
    int open(String name, int oflag, int mode, MqAttributes attrOrNull) throws MqException;

    /** mq_unlink(name) in this namespace. */
    void unlink(String name) throws MqException;

    /** The mqueue mount that lists this namespace's queues; the failure says why there is none. */
    MqueueDirectory directory() throws MqException;

    /** The namespace's /proc/sys/fs/mqueue limits and this process's RLIMIT_MSGQUEUE. */
    MqLimits limits() throws MqException;

    /** The directory the queue files are in, or null when there is none to see. */
    Path mountPath() throws MqException;

    long inode();

    boolean host();

    int viaPid();

    /** ESRCH once every process of the namespace has exited, else null. */
    MqException gone();
}
