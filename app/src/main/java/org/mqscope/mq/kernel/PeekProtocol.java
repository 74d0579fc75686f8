package org.mqscope.mq.kernel;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.Notification;
import org.mqscope.mq.QueueWaiters;
import org.mqscope.mq.QueueWaiters.BlockedTask;
import org.mqscope.mq.QueueWaiters.NotifyOwner;

/**
 * The mqpeek helper's wire protocol, version 1 (app/src/main/bpf/PROTOCOL.md): one request on the helper's stdin,
 * one framed reply on its stdout, big-endian throughout. Replies are decoded as they stream in, each message body
 * read straight into its own array, and every count and length is checked against the kernel's limits before it
 * sizes anything: the helper is trusted no more than its input.
 */
final class PeekProtocol {
    static final int VERSION = 1;
    static final int OP_SNAPSHOT = 1;
    static final int OP_PEEK = 2;
    static final int OP_PROBE = 3;
    static final int NAME_MAX = 255;
    /** Or'd into a snapshot or peek op: the name is the path of the queue's file (version 1, extension 2). */
    static final int OP_BY_PATH = 0x100;
    /** The longest path the helper takes (PATH_MAX without its NUL). */
    static final int PATH_MAX = 4095;
    static final int MAX_ATTEMPTS = 1000;

    /** The kernel's ceilings (HARD_MSGMAX, HARD_MSGSIZEMAX): no queue holds more, so no reply may claim more. */
    static final long HARD_MSGMAX = 65_536;
    static final long HARD_MSGSIZEMAX = 16L * 1024 * 1024;
    static final int MAX_WAITERS_SHOWN = 256;

    private static final byte[] REQUEST_MAGIC = ascii("MQPQ");
    private static final byte[] REPLY_MAGIC = ascii("MQPR");
    private static final byte[] END_MAGIC = ascii("MQPE");
    private static final int STATUS_OK = 0;
    private static final int STATUS_ERROR = 1;
    private static final int STATUS_UNSETTLED = 2;

    private PeekProtocol() {
    }

    /**
     * One request. {@code dev}/{@code ino} name the queue expected behind {@code name} (0: any). With
     * {@link #OP_BY_PATH} in {@code op}, {@code name} is the absolute path of the queue's file on an mqueue mount.
     */
    record Request(int op, String name, long index, long dev, long ino, int attempts) {
        static Request probe() {
            return new Request(OP_PROBE, "", 0, 0, 0, 0);
        }

        boolean byPath() {
            return (op & OP_BY_PATH) != 0;
        }
    }

    sealed interface Reply permits Snapshot, Failure, Unsettled, ProbeOk {
    }

    /**
     * A consistent read. {@code messages} start at index {@code first} in receive order: all of them for a
     * snapshot, the one asked for (or none when the index is past the end) for a peek.
     */
    record Snapshot(int reads, long maxMessages, long messageSize, long count, long qsize, QueueWaiters waiters,
                    long first, List<MqMessage> messages) implements Reply {
    }

    /** The helper refused or failed: errno number and name as it gave them, and its sentence. */
    record Failure(int code, String errnoName, String text) implements Reply {
    }

    /** The queue changed during every read the helper was allowed. */
    record Unsettled(int reads) implements Reply {
    }

    record ProbeOk() implements Reply {
    }

    static void write(DataOutputStream out, Request r) throws IOException {
        byte[] name = r.name().getBytes(StandardCharsets.UTF_8);
        int limit = r.byPath() ? PATH_MAX : NAME_MAX + 1;
        if (name.length > limit) {
            throw new IllegalArgumentException((r.byPath() ? "path" : "name") + " is " + name.length + " bytes, over "
                    + limit);
        }
        out.write(REQUEST_MAGIC);
        out.writeShort(VERSION);
        out.writeShort(r.op());
        out.writeLong(r.index());
        out.writeLong(r.dev());
        out.writeLong(r.ino());
        out.writeShort(r.attempts());
        out.writeShort(name.length);
        out.write(name);
        out.flush();
    }

    static Reply read(DataInputStream in, int op) throws IOException {
        expect(in, REPLY_MAGIC, "reply magic");
        int version = in.readUnsignedShort();
        if (version != VERSION) {
            throw new ProtocolException("reply version " + version + ", expected " + VERSION);
        }
        int status = in.readUnsignedShort();
        Reply reply = switch (status) {
            case STATUS_OK -> op == OP_PROBE ? new ProbeOk() : snapshot(in);
            case STATUS_ERROR -> failure(in);
            case STATUS_UNSETTLED -> new Unsettled(in.readInt());
            default -> throw new ProtocolException("unknown reply status " + status);
        };
        expect(in, END_MAGIC, "end of reply");
        return reply;
    }

    static Failure failure(DataInputStream in) throws IOException {
        int code = in.readInt();
        byte[] name = in.readNBytes(32);
        if (name.length < 32) {
            throw new EOFException("the reply ended inside the errno name");
        }
        int nameLength = 0;
        while (nameLength < name.length && name[nameLength] != 0) {
            nameLength++;
        }
        int textLength = in.readUnsignedShort();
        byte[] text = in.readNBytes(textLength);
        if (text.length < textLength) {
            throw new EOFException("the reply ended inside the error text");
        }
        return new Failure(code, new String(name, 0, nameLength, StandardCharsets.US_ASCII),
                new String(text, StandardCharsets.UTF_8));
    }

    private static Snapshot snapshot(DataInputStream in) throws IOException {
        int reads = in.readInt();
        long maxMessages = in.readLong();
        long messageSize = in.readLong();
        long count = in.readLong();
        long qsize = in.readLong();
        check(maxMessages > 0 && maxMessages <= HARD_MSGMAX, "maxmsg", maxMessages);
        check(messageSize >= 0 && messageSize <= HARD_MSGSIZEMAX, "msgsize", messageSize);
        check(count >= 0 && count <= maxMessages, "count", count);
        check(qsize >= 0 && qsize <= count * messageSize, "qsize", qsize);
        int notifyPid = in.readInt();
        int notifyMethod = in.readInt();
        int notifySignal = in.readInt();
        NotifyOwner owner = notifyPid > 0 ? new NotifyOwner(notifyPid, notifyMethod,
                notifyMethod == Notification.SIGEV_SIGNAL ? notifySignal : 0) : null;
        int[] totals = new int[2];
        List<List<BlockedTask>> lists = new ArrayList<>(2);
        for (int dir = 0; dir < 2; dir++) {
            totals[dir] = in.readInt();
            int shown = in.readInt();
            check(shown >= 0 && shown <= MAX_WAITERS_SHOWN && totals[dir] >= shown, "waiters shown", shown);
            List<BlockedTask> tasks = new ArrayList<>(shown);
            for (int i = 0; i < shown; i++) {
                int pid = in.readInt();
                int tid = in.readInt();
                int priority = in.readInt();
                boolean hasMessage = in.readUnsignedByte() != 0;
                long size = in.readLong();
                tasks.add(hasMessage ? new BlockedTask(pid, tid, size, priority) : new BlockedTask(pid, tid, -1, -1));
            }
            lists.add(tasks);
        }
        QueueWaiters waiters = new QueueWaiters(true, lists.get(0), lists.get(1), totals[0], totals[1], owner);
        long first = in.readLong();
        long n = in.readLong();
        check(n >= 0 && n <= count && first >= 0 && (n == 0 || first + n <= count), "message count", n);
        List<MqMessage> messages = new ArrayList<>((int) n);
        for (long i = 0; i < n; i++) {
            int priority = in.readInt();
            long size = in.readLong();
            check(size >= 0 && size <= messageSize, "message size", size);
            check(priority >= 0, "priority", priority);
            byte[] body = new byte[(int) size];
            in.readFully(body);
            messages.add(new MqMessage(body, priority));
        }
        return new Snapshot(reads, maxMessages, messageSize, count, qsize, waiters, first, messages);
    }

    static void check(boolean ok, String field, long value) throws ProtocolException {
        if (!ok) {
            throw new ProtocolException("reply field " + field + " out of range: " + value);
        }
    }

    static void expect(DataInputStream in, byte[] magic, String what) throws IOException {
        byte[] got = in.readNBytes(magic.length);
        if (!Arrays.equals(got, magic)) {
            throw new ProtocolException(got.length < magic.length ? "the reply ended before its " + what
                    : "bad " + what + ": " + new String(got, StandardCharsets.ISO_8859_1));
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The helper's output does not follow the protocol: the process is not to be trusted further. */
    static final class ProtocolException extends IOException {
        private static final long serialVersionUID = 1L;

        ProtocolException(String message) {
            super(message);
        }
    }
}
