package org.mqscope.mq;

/**
 * Another process acting on the queues, for the rules that need a second process or another user: permissions,
 * unlink by a non-owner, notification ownership, RLIMIT_MSGQUEUE of a user. Operations return {@code "OK"} or the
 * errno name ({@code "EACCES"}), so the tests compare the same words whichever backend runs them. Descriptors are
 * kept per queue name; the descriptor operations act on the most recently opened one of that name. Nothing blocks:
 * sends and receives use a deadline of "now".
 */
interface OtherProcess extends AutoCloseable {

    /** What NOTIFY_PID shows for a registration this process owns. */
    int pid();

    /** mq_open; on success the descriptor is kept under {@code name}. */
    String open(String name, int oflag, int mode, MqAttributes attrOrNull);

    /** mq_timedsend with a deadline of now: a full queue gives EAGAIN or ETIMEDOUT instead of blocking. */
    String send(String name, String body, int priority);

    /** mq_timedreceive with a deadline of now: {@code "OK:" + body} or the errno name. */
    String receive(String name);

    /** mq_notify; null removes this process's registration. SIGEV_THREAD registers a callback that does nothing. */
    String notify(String name, Notification notification);

    /** mq_close of the most recently opened descriptor of {@code name}. */
    String closeQueue(String name);

    /** The /dev/mqueue status line as this process reads it: {@code "OK:" + line} or the errno name. */
    String status(String name);

    /** mq_unlink. */
    String unlink(String name);

    /** Closes every descriptor this process still holds (which also drops its notification registrations). */
    @Override
    void close();
}
