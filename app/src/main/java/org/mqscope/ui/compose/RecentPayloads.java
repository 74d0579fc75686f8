package org.mqscope.ui.compose;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * The last {@value #KEEP} payloads sent to each queue, newest first, kept in the composer's preferences node. A
 * Preferences value holds at most 8 KiB, so only payloads up to {@value #MAX_CONTENT_BYTES} bytes of editor
 * content are kept (for a file: its path); {@link #remember} says when one was too big to keep.
 */
public final class RecentPayloads {
    public static final int KEEP = 10;
    public static final int MAX_CONTENT_BYTES = 512;
    private static final int KEY_MAX = Preferences.MAX_KEY_LENGTH;

    /** One payload as the user wrote it: the mode, the editor's content (text, hex, or file path), the priority. */
    public record Entry(PayloadMode mode, String content, int priority) {
        /** For the list: "Text · prio 5 · order ${n}", on one line. */
        public String label() {
            String oneLine = content.replaceAll("\\s+", " ").strip();
            if (oneLine.length() > 48) {
                oneLine = oneLine.substring(0, 47) + "…";
            }
            return mode.label() + " · prio " + priority + " · " + oneLine;
        }

        @Override
        public String toString() {
            return label();
        }
    }

    private final Preferences node;

    public RecentPayloads(Preferences node) {
        this.node = node;
    }

    /** Newest first; entries the store cannot read are skipped. */
    public List<Entry> list(String queue) {
        String stored = node.get(key(queue), null);
        List<Entry> out = new ArrayList<>();
        if (stored == null) {
            return out;
        }
        for (String line : stored.split("\n")) {
            Entry e = decode(line);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Puts {@code entry} first (once: an equal older one moves up). False when it is too big to keep; the list is
     * unchanged then.
     */
    public boolean remember(String queue, Entry entry) {
        if (entry.content().getBytes(StandardCharsets.UTF_8).length > MAX_CONTENT_BYTES) {
            return false;
        }
        List<Entry> entries = list(queue);
        entries.remove(entry);
        entries.add(0, entry);
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries.subList(0, Math.min(KEEP, entries.size()))) {
            String line = encode(e);
            if (sb.length() + line.length() + 1 > Preferences.MAX_VALUE_LENGTH) {
                break; // oldest go first; with the size cap above, ten always fit
            }
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(line);
        }
        node.put(key(queue), sb.toString());
        return true;
    }

    /** The key for a queue: its name when short enough, else a digest of it. */
    static String key(String queue) {
        String plain = "q" + queue;
        if (plain.length() <= KEY_MAX) {
            return plain;
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(queue.getBytes(StandardCharsets.UTF_8));
            return "h" + HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String encode(Entry e) {
        return e.mode().name() + "\t" + e.priority() + "\t"
                + Base64.getEncoder().encodeToString(e.content().getBytes(StandardCharsets.UTF_8));
    }

    private static Entry decode(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 3) {
            return null;
        }
        try {
            return new Entry(PayloadMode.valueOf(f[0]),
                    new String(Base64.getDecoder().decode(f[2]), StandardCharsets.UTF_8), Integer.parseInt(f[1]));
        } catch (IllegalArgumentException e) {
            return null; // written by another version, or edited by hand
        }
    }
}
