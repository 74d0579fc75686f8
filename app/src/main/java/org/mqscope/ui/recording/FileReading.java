package org.mqscope.ui.recording;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import javax.swing.SwingUtilities;

import org.mqscope.mq.RecordedEvent;
import org.mqscope.recording.RecordingEnd;
import org.mqscope.recording.RecordingHeader;
import org.mqscope.recording.RecordingReader;
import org.mqscope.transfer.MessageFileException;

/**
 * Reads a recording file off the EDT, line by line, handing the events to the window in batches with how far it
 * got (bytes read of the file's size), so a file of millions of events opens with a progress bar, can be
 * cancelled, and never needs more memory than the window keeps.
 */
final class FileReading {
    /** Events per hand-off to the EDT: large enough to be cheap, small enough to show progress. */
    static final int BATCH = 5_000;

    /** What the window hears, each on the EDT. */
    interface Listener {
        void header(RecordingHeader header);

        void events(List<RecordedEvent> batch, double fraction);

        void lost(long total);

        /** The end line (null when the file has none: it was cut short). */
        void done(RecordingEnd end, boolean cancelled);

        /** The file could not be read: the line and field at fault, or the IO error. */
        void failed(String why);
    }

    /** Batches handed over but not yet shown: reading waits for the EDT, so the file never piles up in memory. */
    private static final int IN_FLIGHT = 4;

    private final java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(IN_FLIGHT);
    private volatile boolean cancelled;

    void cancel() {
        cancelled = true;
    }

    /** Reads {@code file} on {@code executor}. */
    void start(Path file, Executor executor, Listener listener) {
        executor.execute(() -> {
            try {
                long size = Math.max(1, Files.size(file));
                AtomicLong read = new AtomicLong();
                try (InputStream in = counting(Files.newInputStream(file), read);
                     RecordingReader r = RecordingReader.open(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    RecordingHeader h = r.header();
                    SwingUtilities.invokeLater(() -> listener.header(h));
                    List<RecordedEvent> batch = new ArrayList<>(BATCH);
                    RecordingEnd end = null;
                    for (RecordingReader.Item item; !cancelled && (item = r.next()) != null; ) {
                        if (item instanceof RecordingReader.EventLine e) {
                            batch.add(e.event());
                            if (batch.size() == BATCH) {
                                hand(listener, batch, read.get() / (double) size);
                                batch = new ArrayList<>(BATCH);
                            }
                        } else if (item instanceof RecordingReader.LostLine l) {
                            hand(listener, batch, read.get() / (double) size);
                            batch = new ArrayList<>(BATCH);
                            long total = l.total();
                            SwingUtilities.invokeLater(() -> listener.lost(total));
                        } else if (item instanceof RecordingReader.EndLine e) {
                            end = e.end();
                        }
                    }
                    hand(listener, batch, 1);
                    RecordingEnd last = end;
                    boolean stopped = cancelled;
                    SwingUtilities.invokeLater(() -> listener.done(last, stopped));
                }
            } catch (MessageFileException e) {
                String why = file.getFileName() + ": " + e.getMessage();
                SwingUtilities.invokeLater(() -> listener.failed(why));
            } catch (IOException | RuntimeException e) {
                String why = "cannot read " + file + ": " + e.getMessage();
                SwingUtilities.invokeLater(() -> listener.failed(why));
            }
        });
    }

    private void hand(Listener listener, List<RecordedEvent> batch, double fraction) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("reading was interrupted");
        }
        SwingUtilities.invokeLater(() -> {
            try {
                listener.events(batch, fraction);
            } finally {
                inFlight.release();
            }
        });
    }

    private static InputStream counting(InputStream in, AtomicLong read) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    read.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    read.addAndGet(n);
                }
                return n;
            }
        };
    }
}
