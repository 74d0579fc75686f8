package org.mqscope.mq;


/**
 * What the user asks mq_open to create.
 *
 * @param name      with the leading slash, as mq_open(3) takes it
 * @param mode      permission bits before the umask (0..07777)
 * @param exclusive O_EXCL: fail with EEXIST rather than open an existing queue
 */
public record CreateRequest(String name, long maxMessages, long messageSize, int mode, boolean exclusive) {

    public MqAttributes attributes() {
        return MqAttributes.of(maxMessages, messageSize);
    }

    /** The oflag the create call uses: O_CREAT | O_RDWR, plus O_EXCL when asked. */
    public int oflag() {
        return Mq.O_CREAT | Mq.O_RDWR | (exclusive ? Mq.O_EXCL : 0);
    }
}
