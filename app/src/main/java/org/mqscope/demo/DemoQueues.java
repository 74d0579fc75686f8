package org.mqscope.demo;

import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqLimits;
import org.mqscope.mq.MqQueue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * A few queues with varied messages for {@code --demo}, so that a first launch shows something alive: JSON orders
 * in several priority bands, plain-text log lines, binary telemetry frames, alerts at the extreme priorities
 * (0 and 32767), one larger document, and an empty queue. Deterministic: the same seed gives the same messages.
 */
public final class DemoQueues {
    /** Limits of the demo namespace: room for big queues and messages, as a tuned machine would have. */
    public static final MqLimits LIMITS = MqLimits.LINUX_DEFAULTS
            .withMsgMax(Mq.HARD_MSGMAX)
            .withMsgsizeMax(Mq.HARD_MSGSIZEMAX)
            .withRlimitMsgqueue(MqLimits.RLIM_INFINITY);

    /** The demo's queues, one constant each: the scenario and the window name them through these. */
    public static final String ALERTS = "/alerts";
    public static final String BILLING_EVENTS = "/billing.events";
    public static final String IDLE = "/idle";
    public static final String LOGS = "/logs";
    public static final String ORDERS = "/orders";
    public static final String REPORTS = "/reports";
    public static final String TELEMETRY = "/telemetry";
    /** What --demo selects first: JSON orders in several priority bands. */
    public static final String FIRST_SHOWN = ORDERS;
    public static final List<String> NAMES = List.of(ALERTS, BILLING_EVENTS, IDLE, LOGS, ORDERS, REPORTS, TELEMETRY);

    /** The demo queues' sizes, chosen to show deep queues and a large message. */
    static final List<Spec> SPECS = List.of(
            new Spec(ORDERS, 64, 1024),
            new Spec(LOGS, 200, 512),
            new Spec(TELEMETRY, 512, 64),
            new Spec(ALERTS, 16, 256),
            new Spec(BILLING_EVENTS, 10, 8192),
            new Spec(REPORTS, 4, 256 * 1024),
            new Spec(IDLE, 10, 128));

    private static final long SEED = 20260523L;
    private static final String[] ITEMS = {"keyboard", "monitor", "cable", "dock", "headset", "webcam", "mouse"};
    private static final String[] LEVELS = {"INFO", "INFO", "INFO", "WARN", "DEBUG", "ERROR"};
    private static final String[] EVENTS = {"service started", "request served in 12 ms", "cache miss for key 7f3a",
        "retrying upstream call", "connection pool at 80%", "config reloaded", "disk usage 71%"};

    private DemoQueues() {
    }

    /** A fresh emulated namespace with {@link #LIMITS}, already seeded. */
    public static MqBackend newBackend() throws MqException {
        MqBackend b = MqBackends.emulated(LIMITS);
        seed(b);
        return b;
    }

    /** Creates the demo queues in {@code backend} and fills them. Fails with EEXIST if one already exists. */
    public static void seed(MqBackend backend) throws MqException {
        Random r = new Random(SEED);
        try (MqQueue q = create(backend, ORDERS)) {
            for (int i = 0; i < 24; i++) {
                int prio = i % 5 == 0 ? 9 : i % 3 == 0 ? 5 : 1;
                String json = "{\"order\":" + (4100 + i) + ",\"customer\":{\"id\":" + (200 + r.nextInt(50))
                        + ",\"tier\":\"" + (prio == 9 ? "gold" : "standard") + "\"},\"items\":[{\"sku\":\""
                        + ITEMS[r.nextInt(ITEMS.length)] + "\",\"qty\":" + (1 + r.nextInt(4)) + "}],\"express\":"
                        + (prio == 9) + ",\"total\":" + (10 + r.nextInt(400)) + "." + (10 + r.nextInt(89)) + "}";
                q.send(utf8(json), prio);
            }
        }
        try (MqQueue q = create(backend, LOGS)) {
            for (int i = 0; i < 120; i++) {
                String level = LEVELS[r.nextInt(LEVELS.length)];
                String line = String.format("2026-05-23T10:%02d:%02d.%03dZ %-5s worker-%d %s", i / 60, i % 60,
                        r.nextInt(1000), level, r.nextInt(4), EVENTS[r.nextInt(EVENTS.length)]);
                q.send(utf8(line), level.equals("ERROR") ? 3 : 0);
            }
        }
        try (MqQueue q = create(backend, TELEMETRY)) {
            for (int i = 0; i < 300; i++) {
                q.send(frame(i, r), i % 50 == 0 ? 2 : 0);
            }
        }
        try (MqQueue q = create(backend, ALERTS)) {
            q.send(utf8("disk /var almost full (97%)"), Mq.PRIO_MAX - 1);
            q.send(utf8("replica lag above 30 s"), 16384);
            q.send(utf8("nightly backup finished"), 0);
            q.send(utf8("certificate expires in 14 days"), 100);
        }
        try (MqQueue q = create(backend, BILLING_EVENTS)) {
            q.send(utf8("{\"event\":\"invoice.created\",\"id\":\"inv_0042\",\"amount\":129.5,\"currency\":\"EUR\"}"),
                    4);
            q.send(new byte[] {(byte) 0xca, (byte) 0xfe, 0x00, 0x01, 0x7f, (byte) 0xff, 0x10, 0x20}, 4);
            q.send(utf8("Zahlung eingegangen: 129,50 € — danke!"), 2);
        }
        try (MqQueue q = create(backend, REPORTS)) {
            q.send(utf8(report(r, 200 * 1024)), 1);
        }
        create(backend, IDLE).close();
    }

    private static MqQueue create(MqBackend backend, String name) throws MqException {
        Spec spec = SPECS.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        return backend.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR | Mq.O_NONBLOCK, 0640,
                MqAttributes.of(spec.maxMessages(), spec.messageSize()));
    }

    /** A demo queue's sizes. */
    public record Spec(String name, long maxMessages, long messageSize) {
    }

    /**
     * Where the demo's limits go beyond {@code machine}'s, in words: the limits themselves, then each demo queue the
     * machine's kernel would refuse (EINVAL), so that a class moving from the demo to the kernel knows beforehand.
     * Empty when the machine allows everything the demo does.
     */
    public static List<String> beyond(MqLimits machine) {
        List<String> out = new java.util.ArrayList<>();
        if (LIMITS.msgMax() > machine.msgMax() || LIMITS.msgsizeMax() > machine.msgsizeMax()) {
            out.add(String.format(java.util.Locale.ROOT, "The demo allows msg_max %,d and msgsize_max %,d; this "
                    + "machine allows %,d and %,d.", LIMITS.msgMax(), LIMITS.msgsizeMax(), machine.msgMax(),
                    machine.msgsizeMax()));
        }
        for (Spec q : SPECS) {
            if (q.maxMessages() > machine.msgMax() || q.messageSize() > machine.msgsizeMax()) {
                out.add(String.format(java.util.Locale.ROOT, "%s (maxmsg %,d, msgsize %,d) could not be created on "
                        + "this machine's kernel: EINVAL.", q.name(), q.maxMessages(), q.messageSize()));
            }
        }
        return out;
    }

    /** A 40-byte little-endian sensor frame: magic, sequence, time, three readings, checksum. */
    private static byte[] frame(int seq, Random r) {
        ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x314D4554); // "TEM1"
        b.putInt(seq);
        b.putLong(1_779_000_000_000L + seq * 250L);
        b.putDouble(20 + r.nextGaussian());
        b.putFloat(1013 + (float) r.nextGaussian() * 3);
        b.putFloat(40 + r.nextFloat() * 20);
        int sum = 0;
        for (int i = 0; i < 36; i++) {
            sum += b.get(i) & 0xff;
        }
        b.putInt(sum);
        return b.array();
    }

    /** A long JSON document, to show how the detail pane handles size. */
    private static String report(Random r, int approxBytes) {
        StringBuilder sb = new StringBuilder(approxBytes + 256).append("{\"report\":\"daily\",\"rows\":[");
        for (int i = 0; sb.length() < approxBytes; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"row\":").append(i).append(",\"region\":\"r").append(r.nextInt(9)).append("\",\"sales\":")
                    .append(r.nextInt(100_000)).append('}');
        }
        return sb.append("]}").toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
