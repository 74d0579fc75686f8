package org.mqscope.mq;

/**
 * A failed mqueue call: which errno, from which operation (named like the C call, e.g. "mq_open"), on which queue.
 * EAGAIN and ETIMEDOUT are ordinary outcomes of non-blocking and timed calls, not faults.
 */
public class MqException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Errno errno;
    private final int code;
    private final String operation;
    private final String queue;
    private final String detail;

    public MqException(Errno errno, String operation, String queue) {
        this(errno, errno.code(), operation, queue, null);
    }

    public MqException(Errno errno, String operation, String queue, String detail) {
        this(errno, errno.code(), operation, queue, detail);
    }

    /** For a raw errno value from the kernel, which may not be one {@link Errno} lists. */
    public static MqException ofCode(int code, String operation, String queue) {
        return new MqException(Errno.of(code), code, operation, queue, null);
    }

    private MqException(Errno errno, int code, String operation, String queue, String detail) {
        super(format(errno, code, operation, queue, detail));
        this.errno = errno;
        this.code = code;
        this.operation = operation;
        this.queue = queue;
        this.detail = detail;
    }

    private static String format(Errno errno, int code, String operation, String queue, String detail) {
        StringBuilder sb = new StringBuilder(operation);
        if (queue != null) {
            sb.append(' ').append(queue);
        }
        sb.append(": ").append(errno == Errno.UNKNOWN ? "errno " + code : errno.name())
                .append(" (").append(errno.description()).append(')');
        if (detail != null) {
            sb.append(": ").append(detail);
        }
        return sb.toString();
    }

    /** The failed call in one line, without the {@link #detail()}: "mq_open /orders: EACCES (Permission denied)". */
    public String summary() {
        return format(errno, code, operation, queue, null);
    }

    public Errno errno() {
        return errno;
    }

    /** The raw errno value (equal to {@code errno().code()} unless the errno is {@link Errno#UNKNOWN}). */
    public int code() {
        return code;
    }

    /** The C call that failed, e.g. "mq_open", "mq_timedsend", "mq_notify". */
    public String operation() {
        return operation;
    }

    /** The queue name with its leading slash, or null when the call had none. */
    public String queue() {
        return queue;
    }

    /** Extra words for the user (e.g. how to mount /dev/mqueue), or null. */
    public String detail() {
        return detail;
    }
}
