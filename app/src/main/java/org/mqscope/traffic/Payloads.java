package org.mqscope.traffic;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Random;

/** Message bodies in the look of the demo queues (see {@link org.mqscope.demo.DemoQueues}). Not thread-safe. */
final class Payloads {
    static final int FRAME_BYTES = 40;
    static final int FRAME_MAGIC = 0x314D4554; // "TEM1"
    private static final String[] ITEMS = {"keyboard", "monitor", "cable", "dock", "headset", "webcam", "mouse"};
    private static final String[] LEVELS = {"INFO", "INFO", "INFO", "WARN", "DEBUG", "ERROR"};
    private static final String[] EVENTS = {"request served in 12 ms", "cache miss for key 7f3a",
        "retrying upstream call", "connection pool at 80%", "config reloaded", "disk usage 71%", "job 42 done"};
    private static final String[] ALERTS = {"disk /var almost full (97%)", "replica lag above 30 s",
        "certificate expires in 14 days", "queue consumer restarted", "nightly backup finished"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int FIRST_ORDER = 5000;

    private final PayloadKind kind;
    private final Random random;

    Payloads(PayloadKind kind, Random random) {
        this.kind = kind;
        this.random = random;
    }

    /** Message number {@code seq}, cut to {@code maxSize} bytes (the queue's mq_msgsize). */
    byte[] next(long seq, long maxSize) {
        byte[] body = switch (kind) {
            case ORDERS -> utf8(order(seq));
            case LOG_LINES -> utf8(logLine());
            case FRAMES -> frame(seq);
            case ALERTS -> utf8(ALERTS[random.nextInt(ALERTS.length)]);
        };
        return body.length <= maxSize ? body : Arrays.copyOf(body, (int) Math.max(0, maxSize));
    }

    private String order(long seq) {
        boolean express = random.nextInt(10) == 0;
        return "{\"order\":" + (FIRST_ORDER + seq) + ",\"customer\":{\"id\":" + (200 + random.nextInt(50))
                + ",\"tier\":\"" + (express ? "gold" : "standard") + "\"},\"items\":[{\"sku\":\""
                + ITEMS[random.nextInt(ITEMS.length)] + "\",\"qty\":" + (1 + random.nextInt(4)) + "}],\"express\":"
                + express + ",\"total\":" + (10 + random.nextInt(400)) + "." + (10 + random.nextInt(89)) + "}";
    }

    private String logLine() {
        return String.format("%s %-5s worker-%d %s", TIME.format(Instant.now()), LEVELS[random.nextInt(LEVELS.length)],
                random.nextInt(4), EVENTS[random.nextInt(EVENTS.length)]);
    }

    /** A little-endian sensor frame: magic, sequence, time, three readings, checksum of the first 36 bytes. */
    private byte[] frame(long seq) {
        ByteBuffer b = ByteBuffer.allocate(FRAME_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(FRAME_MAGIC);
        b.putInt((int) seq);
        b.putLong(System.currentTimeMillis());
        b.putDouble(20 + random.nextGaussian());
        b.putFloat(1013 + (float) random.nextGaussian() * 3);
        b.putFloat(40 + random.nextFloat() * 20);
        int sum = 0;
        for (int i = 0; i < FRAME_BYTES - Integer.BYTES; i++) {
            sum += b.get(i) & 0xff;
        }
        b.putInt(sum);
        return b.array();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
