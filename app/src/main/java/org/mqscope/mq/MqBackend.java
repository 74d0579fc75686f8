package org.mqscope.mq;

import java.util.List;
import java.util.Optional;

/**
 * One namespace of POSIX message queues: the real kernel's, or an in-process emulation of it. Methods mirror the
 * C API (mq_open(3), mq_unlink(3)) and the files under /dev/mqueue; names are passed as mq_open(3) takes them,
 * with the leading slash. Calls may block (kernel) and must not run on the event dispatch thread.
 */
public interface MqBackend extends AutoCloseable {

    /** "kernel" or "emulated". */
    String id();

    /**
     * mq_open(name, oflag). With O_CREAT and no mode or attributes, the queue is created with mode 0600 and the
     * system's default attributes.
     */
    default MqQueue open(String name, int oflag) throws MqException {
        return open(name, oflag, 0600, null);
    }

    /**
     * mq_open(name, oflag, mode, attr). {@code mode} and {@code attrOrNull} are used only when O_CREAT creates the
     * queue; a null attr gives the system defaults (min(msg_max, msg_default), min(msgsize_max, msgsize_default)).
     */
    MqQueue open(String name, int oflag, int mode, MqAttributes attrOrNull) throws MqException;

    /** mq_unlink(name): removes the name now; the queue lives on until its last descriptor is closed. */
    void unlink(String name) throws MqException;

    /** Every queue in this namespace, sorted by name (names with the leading slash). */
    List<QueueInfo> list() throws MqException;

    /** Exactly the text of /dev/mqueue/&lt;name&gt;, e.g. {@code "QSIZE:0          NOTIFY:0 ...\n"}. */
    String statusLine(String name) throws MqException;

    /**
     * Recreates a queue with another capacity (maxmsg and msgsize are fixed at creation): takes every message,
     * unlinks the queue, creates it again with {@code newAttrs} and the same mode, and sends the messages back in
     * receive order. Refused before anything changes with EMSGSIZE when a message is longer than the new msgsize,
     * and with ENOSPC when there are more messages than the new maxmsg (the detail says which, and the sizes).
     * Creation errors are mq_open's (EINVAL above msg_max, EMFILE over RLIMIT_MSGQUEUE...); then the queue is
     * created again as it was and gets its messages back. On the kernel the messages are journaled as in a
     * drain-and-restore peek, so a crash midway loses nothing ({@code --recover} finishes the job); processes that
     * still hold the old queue open keep the old, now nameless, queue.
     */
    RecreateResult recreate(String name, MqAttributes newAttrs) throws MqException;

    /**
     * Moves up to {@code limit} messages from the head of {@code source} to {@code target}, in receive order, each
     * taken out of the source only into safe keeping: a message is never in neither queue and never in both once
     * this returns. Refused before anything moves with EINVAL when the two names are one queue, and with EMSGSIZE
     * when the target's msgsize is smaller than the source's (a message might not fit). It stops early when the
     * target is full, saying so in {@link MoveResult#stopped()}. Both queues are opened O_RDWR.
     * <p>
     * This default serves an in-process namespace, where a crash takes both queues with it: receive, send, and on a
     * refused send put the message back into the source. The kernel backend journals every message on disk
     * between the receive and the send, so a process killed mid-move loses nothing and doubles nothing
     * ({@code --recover} sends the journaled ones on).
     */
    default MoveResult move(String source, String target, long limit) throws MqException {
        MoveRules.checkDistinct(source, target);
        try (MqQueue src = open(source, Mq.O_RDWR | Mq.O_NONBLOCK);
             MqQueue dst = open(target, Mq.O_RDWR | Mq.O_NONBLOCK)) {
            MoveRules.checkSizes(src.getAttributes(), dst.getAttributes(), source, target);
            long moved = 0;
            while (moved < limit) {
                MqAttributes d = dst.getAttributes();
                if (d.currentMessages() >= d.maxMessages()) {
                    return new MoveResult(moved, MoveRules.full(target, d), 0, null);
                }
                MqMessage m;
                try {
                    m = src.receive();
                } catch (MqException e) {
                    if (e.errno() == Errno.EAGAIN) {
                        break;
                    }
                    throw e;
                }
                try {
                    dst.send(m.body(), m.priority());
                } catch (MqException refused) {
                    src.send(m.body(), m.priority()); // back to where it was (at the end of its priority)
                    throw refused;
                }
                moved++;
            }
            return new MoveResult(moved, null, 0, null);
        }
    }

    /**
     * Moves the selected messages of {@code source} (anywhere in it, not only its head) to the end of {@code target}
     * in receive order; the other messages stay in the source in their order and with their priorities. A queue
     * cannot take a message out of its middle, so this is a drain-and-restore that skips the selected ones: every
     * message is received, the selected ones are checked against {@code selection} (priority, size, body hash at
     * that position; ESTALE, with everything put back, when the source changed since it was read), sent to the
     * target, and the rest sent back. Other processes can see the source empty or partly filled meanwhile, as in a
     * drain-and-restore peek (see {@link MqQueue#peekRisks()}). Refused before anything moves with EINVAL (same
     * queue, empty or repeated selection), EMSGSIZE (a selected message is longer than the target's msgsize) and
     * EAGAIN (the target lacks room for all of them). When the target fills up meanwhile it keeps what it took and
     * the others go back to their places, said in {@link MoveResult#stopped()}.
     * <p>
     * This default serves an in-process namespace; the kernel backend journals every step on disk, so a process
     * killed at any instant leaves each message exactly once in one of the two queues after {@code --recover}.
     */
    default MoveResult moveSelected(String source, String target, List<MessageRef> selection) throws MqException {
        return moveSelected(source, target, selection, MoveProgress.NONE);
    }

    /** {@link #moveSelected(String, String, List)}, reporting its steps and stopping when asked (see there). */
    default MoveResult moveSelected(String source, String target, List<MessageRef> selection, MoveProgress progress)
            throws MqException {
        return SelectedMove.run(this, source, target, selection, progress);
    }

    /** The limits queue creation is checked against. */
    MqLimits limits() throws MqException;

    /**
     * For a backend that lives in this JVM (the emulation): who uses its queues. Null for the kernel, whose users
     * are other processes and are found through /proc.
     */
    default InProcessUsers inProcessUsers() {
        return null;
    }

    /**
     * Records the traffic of a queue where this backend can (the kernel, with its helper); empty where it cannot,
     * and then the caller says why not. Recording is read-only, so a read-only backend offers it too.
     */
    default Optional<QueueRecorder> recorder() {
        return Optional.empty();
    }

    /** Closes every descriptor still open through this backend. */
    @Override
    void close();
}
