package org.mqscope.ui.recording;

import java.nio.file.Path;
import java.util.prefs.Preferences;

import org.mqscope.mq.QueueRecorder;

/**
 * What recording remembers between runs, in the window's preferences under {@value #NODE}: the payload bytes kept
 * per event, how many events a window keeps in memory, the last directory a recording was saved to or opened from,
 * the window's size and (through {@link EventsTab}) the event list's column widths.
 */
public final class RecordingPrefs {
    public static final String NODE = "recording";
    static final String PAYLOAD = "payload";
    static final String KEPT = "kept";
    static final String DIRECTORY = "directory";
    static final String WIDTH = "width";
    static final String HEIGHT = "height";
    /** Events kept in memory unless set: about 100 MB at 256 payload bytes each, the rest is in the file. */
    public static final int DEFAULT_KEPT = 200_000;
    static final int MIN_KEPT = 1_000;
    static final int MAX_KEPT = 5_000_000;

    private final Preferences node;

    public RecordingPrefs(Preferences node) {
        this.node = node;
    }

    public Preferences node() {
        return node;
    }

    /** Payload bytes kept per event (1..{@link QueueRecorder#MAX_PAYLOAD}). */
    public int payload() {
        return Math.max(1, Math.min(QueueRecorder.MAX_PAYLOAD, node.getInt(PAYLOAD, QueueRecorder.DEFAULT_PAYLOAD)));
    }

    public void setPayload(int bytes) {
        node.putInt(PAYLOAD, bytes);
    }

    /** Events a recording window keeps in memory. */
    public int kept() {
        return Math.max(MIN_KEPT, Math.min(MAX_KEPT, node.getInt(KEPT, DEFAULT_KEPT)));
    }

    /** The directory last saved to or opened from, or null when none (a file chooser falls back to home). */
    public Path directory() {
        String d = node.get(DIRECTORY, null);
        return d == null ? null : Path.of(d);
    }

    public void setDirectory(Path dir) {
        if (dir != null) {
            node.put(DIRECTORY, dir.toAbsolutePath().toString());
        }
    }

    int width() {
        return node.getInt(WIDTH, 1100);
    }

    int height() {
        return node.getInt(HEIGHT, 700);
    }

    void setSize(int width, int height) {
        node.putInt(WIDTH, width);
        node.putInt(HEIGHT, height);
    }
}
