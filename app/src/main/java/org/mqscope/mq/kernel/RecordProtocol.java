package org.mqscope.mq.kernel;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.mqscope.mq.kernel.PeekProtocol.Failure;
import org.mqscope.mq.kernel.PeekProtocol.ProtocolException;

/**
 * The recording extension of the mqpeek protocol (op 5, "Recording" in app/src/main/bpf/PROTOCOL.md): one request
 * naming up to 64 queues, then a start reply and a stream of framed records until the end record. Like
 * {@link PeekProtocol} it checks every length before it sizes anything.
 */
final class RecordProtocol {
    static final int OP_RECORD = 5;
    static final int PAYLOAD_MAX = 4096;
    static final int QUEUES_MAX = 64;
    static final int CALL_SEND = 1;
    static final int CALL_RECEIVE = 2;
    static final int CALL_OPEN = 3;
    static final int CALL_UNLINK = 4;
    static final int CALL_NOTIFY = 5;
    static final int CALL_GETSETATTR = 6;
    static final int END_INPUT_CLOSED = 1;
    static final int END_DURATION = 2;
    static final int END_STOP_BYTE = 3;
    /** A target's flag: its name is the path of the queue's file on an mqueue mount (a queue of another IPC ns). */
    static final int TARGET_BY_PATH = 1;

    private static final byte[] REQUEST_MAGIC = PeekProtocol.ascii("MQPQ");
    private static final byte[] REPLY_MAGIC = PeekProtocol.ascii("MQPR");
    private static final byte[] END_MAGIC = PeekProtocol.ascii("MQPE");
    private static final int TYPE_EVENT = 1;
    private static final int TYPE_LOST = 2;
    private static final int TYPE_END = 3;
    private static final int EVENT_HEAD = 8 + 8 + 4 + 4 + 2 + 2 + 4 + 8 + 8 + 4 + 4 + 16 + 4;
    /** Records of unknown types are skipped; none may be longer than this. */
    private static final int RECORD_MAX = EVENT_HEAD + PAYLOAD_MAX;

    private RecordProtocol() {
    }

    /**
     * One queue to record: its name, or with {@code byPath} the path of its file under its namespace's mqueue mount;
     * {@code dev}/{@code ino} the queue expected there (0: any).
     */
    record Target(String name, boolean byPath, long dev, long ino) {
        static Target named(String name) {
            return new Target(name, false, 0, 0);
        }
    }

    /** The helper's answer to a record request: it records ({@link Started}) or it refused ({@link Refused}). */
    sealed interface Start permits Started, Refused {
    }

    /**
     * Recording runs, on the queues {@code dev[i]}/{@code ino[i]} in request order; event times are
     * CLOCK_MONOTONIC, and {@code monoNanos} was {@code realNanos} on the wall.
     */
    record Started(long[] dev, long[] ino, int payload, long monoNanos, long realNanos) implements Start {
        int queues() {
            return dev.length;
        }
    }

    record Refused(Failure failure) implements Start {
    }

    sealed interface Item permits Event, Lost, Finished {
    }

    /**
     * One completed call on queue {@code queue} (an index into the request's targets). {@code result} is the
     * syscall's return: bytes received, a descriptor opened, 0, or -errno. {@code arg1}/{@code arg2} depend on the
     * call (PROTOCOL.md): open flags and mode, notify kind and signal, setattr new and old flags.
     */
    record Event(long enterNanos, long exitNanos, int pid, int tid, int call, int queue, long priority, long result,
                 long length, int arg1, int arg2, String command, byte[] payload) implements Item {
    }

    record Lost(long total) implements Item {
    }

    record Finished(int reason, long lost, long events) implements Item {
    }

    static void write(DataOutputStream out, List<Target> targets, int payload, long durationMillis)
            throws IOException {
        if (targets.isEmpty() || targets.size() > QUEUES_MAX) {
            throw new IllegalArgumentException(targets.size() + " queues, not 1.." + QUEUES_MAX);
        }
        out.write(REQUEST_MAGIC);
        out.writeShort(PeekProtocol.VERSION);
        out.writeShort(OP_RECORD);
        out.writeLong(0);
        out.writeLong(0);
        out.writeLong(0);
        out.writeShort(0);
        out.writeShort(0);
        out.writeInt(payload);
        out.writeInt((int) durationMillis);
        out.writeShort(targets.size());
        for (Target t : targets) {
            byte[] bytes = t.name().getBytes(StandardCharsets.UTF_8);
            int limit = t.byPath() ? PeekProtocol.PATH_MAX : PeekProtocol.NAME_MAX + 1;
            if (bytes.length > limit) {
                throw new IllegalArgumentException((t.byPath() ? "path" : "name") + " is " + bytes.length
                        + " bytes, over " + limit);
            }
            out.writeShort(t.byPath() ? TARGET_BY_PATH : 0);
            out.writeLong(t.dev());
            out.writeLong(t.ino());
            out.writeShort(bytes.length);
            out.write(bytes);
        }
        out.flush();
    }

    static Start readStart(DataInputStream in) throws IOException {
        PeekProtocol.expect(in, REPLY_MAGIC, "reply magic");
        int version = in.readUnsignedShort();
        if (version != PeekProtocol.VERSION) {
            throw new ProtocolException("reply version " + version + ", expected " + PeekProtocol.VERSION);
        }
        int status = in.readUnsignedShort();
        if (status == 1) {
            Failure f = PeekProtocol.failure(in);
            PeekProtocol.expect(in, END_MAGIC, "end of reply");
            return new Refused(f);
        }
        if (status != 0) {
            throw new ProtocolException("reply status " + status + " to a record request");
        }
        int n = in.readUnsignedShort();
        PeekProtocol.check(n > 0 && n <= QUEUES_MAX, "queues", n);
        long[] dev = new long[n];
        long[] ino = new long[n];
        for (int i = 0; i < n; i++) {
            dev[i] = in.readLong();
            ino[i] = in.readLong();
        }
        int payload = in.readInt();
        PeekProtocol.check(payload > 0 && payload <= PAYLOAD_MAX, "payload", payload);
        return new Started(dev, ino, payload, in.readLong(), in.readLong());
    }

    /** The next record; after a {@link Finished} the reply's end marker has been checked too. */
    static Item next(DataInputStream in, Started s) throws IOException {
        while (true) {
            int type = in.readUnsignedShort();
            long length = in.readInt() & 0xffff_ffffL;
            PeekProtocol.check(length <= RECORD_MAX, "record length", length);
            switch (type) {
                case TYPE_EVENT -> {
                    return event(in, (int) length, s.payload(), s.queues());
                }
                case TYPE_LOST -> {
                    PeekProtocol.check(length == 8, "lost record length", length);
                    return new Lost(in.readLong());
                }
                case TYPE_END -> {
                    PeekProtocol.check(length == 20, "end record length", length);
                    Finished end = new Finished(in.readInt(), in.readLong(), in.readLong());
                    PeekProtocol.expect(in, END_MAGIC, "end of reply");
                    return end;
                }
                default -> skip(in, (int) length); // a newer helper's record: readers skip what they do not know
            }
        }
    }

    private static Event event(DataInputStream in, int length, int payloadCap, int queues) throws IOException {
        PeekProtocol.check(length >= EVENT_HEAD, "event length", length);
        long enter = in.readLong();
        long exit = in.readLong();
        int pid = in.readInt();
        int tid = in.readInt();
        int call = in.readUnsignedShort();
        int queue = in.readUnsignedShort();
        long priority = in.readInt() & 0xffff_ffffL;
        long result = in.readLong();
        long len = in.readLong();
        int arg1 = in.readInt();
        int arg2 = in.readInt();
        byte[] comm = new byte[16];
        in.readFully(comm);
        int n = in.readInt();
        PeekProtocol.check(n >= 0 && n <= payloadCap && length == EVENT_HEAD + n, "payload length", n);
        PeekProtocol.check(call >= CALL_SEND && call <= CALL_GETSETATTR, "call", call);
        PeekProtocol.check(queue < queues, "queue", queue);
        byte[] payload = new byte[n];
        in.readFully(payload);
        int end = 0;
        while (end < comm.length && comm[end] != 0) {
            end++;
        }
        return new Event(enter, exit, pid, tid, call, queue, priority, result, len, arg1, arg2,
                new String(comm, 0, end, StandardCharsets.UTF_8), payload);
    }

    private static void skip(DataInputStream in, int n) throws IOException {
        if (in.readNBytes(n).length != n) {
            throw new EOFException("the reply ended inside a record");
        }
    }
}
