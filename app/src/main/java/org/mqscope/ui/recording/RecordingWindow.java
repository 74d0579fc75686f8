package org.mqscope.ui.recording;

import java.awt.BorderLayout;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.prefs.Preferences;

import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;
import javax.swing.Timer;

import org.mqscope.mq.QueueRecorder;
import org.mqscope.mq.RecordedEvent;
import org.mqscope.recording.RecordingEnd;
import org.mqscope.recording.RecordingHeader;
import org.mqscope.threads.Workers;
import org.mqscope.ui.core.ErrorText;
import org.mqscope.ui.core.Icons;
import org.mqscope.ui.core.Numbers;
import org.mqscope.ui.core.QueueContext;

/**
 * A recording in a window of its own, beside the main window: live while the recorder runs, or a recording file
 * opened. The event list comes first; the timeline, who talks to whom, the charts and the latency histogram are
 * built when their tab is first shown. Events arrive in batches ({@link #TICK_MS}); memory keeps the last
 * {@link RecordingPrefs#kept()} of them and the file keeps all. Closing a recording that was not saved asks first.
 * EDT only; the recorder, the file and the filter run on the window's own {@code mq-recording} threads.
 */
public final class RecordingWindow extends JFrame {
    /** How often new events are taken into the views: smooth to watch, one repaint per batch at any rate. */
    static final int TICK_MS = 100;

    private final QueueContext ctx;
    private final RecordingPrefs prefs;
    private final ExecutorService work = Workers.single(Workers.Intent.RECORDING);
    private final EventLog log;
    private final RecordingHeaderBar bar = new RecordingHeaderBar();
    private final JTabbedPane tabs = new JTabbedPane();
    private final EventsTab events;
    private final Analysis analysis;
    private final Timer tick = new Timer(TICK_MS, e -> tick());
    private final RecordingSaver saver;
    private TimelineTab timeline;
    private AnalysisTabs analysisTabs;
    private boolean timelineStale = true;
    /** The recorder's event stream, or the file being read: a thread of its own beside {@link #work}. */
    private ExecutorService streamThread;
    private LiveRecording live;
    private LiveFile liveFile;
    private FileReading reading;
    private String title;
    private long lost;
    private long started;
    private String ended;
    private boolean closeWhenEnded;
    private boolean closed;
    private Runnable onClosed = () -> { };

    private RecordingWindow(QueueContext ctx, String title) {
        super(title);
        this.ctx = ctx;
        this.title = title;
        this.prefs = new RecordingPrefs(ctx.prefs(RecordingPrefs.NODE));
        setName("recording");
        setIconImages(Icons.appIconImages());
        setDefaultCloseOperation(DO_NOTHING_ON_CLOSE);
        log = new EventLog(prefs.kept());
        events = new EventsTab(log, work, prefs.node(), ctx::info);
        analysis = new Analysis(work, this::analysed);
        saver = new RecordingSaver(this, work, prefs, bar);
        tabs.setName("recording.tabs");
        tabs.addTab("Events", events);
        lazyTab("Timeline", () -> timeline = new TimelineTab());
        lazyTab("Who Talks to Whom", () -> analysisTabs().talk());
        lazyTab("Charts", () -> analysisTabs().charts());
        lazyTab("Latency", () -> analysisTabs().latency());
        tabs.addChangeListener(e -> {
            buildSelectedTab();
            refreshTimeline();
        });
        JPanel content = new JPanel(new BorderLayout());
        content.add(bar, BorderLayout.NORTH);
        content.add(tabs, BorderLayout.CENTER);
        setContentPane(content);
        bar.stop.addActionListener(e -> stop());
        bar.save.addActionListener(e -> saver.saveAs(file(), saved -> bar.status.setText(statusText())));
        bar.cancel.addActionListener(e -> cancelReading());
        bar.stop.setEnabled(false);
        bar.save.setEnabled(false);
        bar.kept.setText("Memory keeps the last " + Numbers.grouped(log.capacity()) + " events; the file keeps"
                + " every one (Save As… writes it where you want it)");
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                close();
            }
        });
        tick.setRepeats(true);
        setSize(prefs.width(), prefs.height());
        setLocationRelativeTo(ctx.window());
    }

    /** Starts recording {@code request} through the window's backend and shows the window. */
    public static RecordingWindow record(QueueContext ctx, QueueRecorder.Request request) {
        assert SwingUtilities.isEventDispatchThread();
        RecordingWindow w = new RecordingWindow(ctx, "Recording " + String.join(", ", request.queues()));
        w.startLive(request);
        w.setVisible(true);
        return w;
    }

    /** File → Open Recording…: asks for a file (in the last directory used); null when cancelled. */
    public static RecordingWindow chooseAndOpen(QueueContext ctx) {
        assert SwingUtilities.isEventDispatchThread();
        RecordingPrefs prefs = new RecordingPrefs(ctx.prefs(RecordingPrefs.NODE));
        javax.swing.JFileChooser chooser = RecordingSaver.chooser(prefs, "Open Recording");
        if (chooser.showOpenDialog(ctx.window()) != javax.swing.JFileChooser.APPROVE_OPTION) {
            return null;
        }
        Path file = chooser.getSelectedFile().toPath();
        prefs.setDirectory(file.toAbsolutePath().getParent());
        return open(ctx, file);
    }

    /** Opens a recording file in a new window and reads it with progress. */
    public static RecordingWindow open(QueueContext ctx, Path file) {
        assert SwingUtilities.isEventDispatchThread();
        RecordingWindow w = new RecordingWindow(ctx, "Recording " + file.getFileName());
        w.startReading(file);
        w.setVisible(true);
        return w;
    }

    /** Called once the window has closed (the main window forgets it). */
    public void onClosed(Runnable r) {
        onClosed = r;
    }

    private void startLive(QueueRecorder.Request request) {
        streamThread = Workers.single(Workers.Intent.RECORDING);
        live = new LiveRecording(request);
        bar.status.setText("Starting the recorder on " + String.join(", ", request.queues()) + "…");
        bar.stop.setEnabled(true);
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        org.mqscope.mq.MqBackend backend = ctx.backend();
        work.execute(() -> {
            try {
                LiveFile f = LiveFile.create(dir, backend, request);
                SwingUtilities.invokeLater(() -> {
                    liveFile = f;
                    live.start(backend, new HeaderAware(f), streamThread, this::recordingStarted, this::ended);
                });
            } catch (java.io.IOException | org.mqscope.mq.MqException e) {
                SwingUtilities.invokeLater(() -> ended(new LiveRecording.Outcome(null, e)));
            }
        });
        tick.start();
    }

    /** Tells the analysis the header once it is written (on the recording thread, before any event). */
    private final class HeaderAware implements LiveRecording.Sink {
        private final LiveFile file;

        HeaderAware(LiveFile file) {
            this.file = file;
        }

        @Override
        public void started() throws java.io.IOException {
            file.started();
            analysis.header(file.header());
        }

        @Override
        public void event(RecordedEvent e) throws java.io.IOException {
            file.event(e);
        }

        @Override
        public void lost(long total) throws java.io.IOException {
            file.lost(total);
        }

        @Override
        public void caughtUp() throws java.io.IOException {
            file.caughtUp();
        }
    }

    private void recordingStarted() {
        started = System.nanoTime();
        bar.status.setText(statusText());
    }

    private void stop() {
        assert SwingUtilities.isEventDispatchThread();
        if (live != null && ended == null) {
            bar.stop.setEnabled(false);
            bar.status.setText("Stopping: the recorder hands over the events it still has…");
            live.stop();
        }
    }

    /** The recording ended: the file gets its end line (off the EDT), then Save As is offered. */
    private void ended(LiveRecording.Outcome o) {
        if (closed) {
            return; // discarded while it ran: nothing is shown, the file is deleted
        }
        tick();
        tick.stop();
        bar.stop.setEnabled(false);
        RecordingEnd.How how = o.failure() != null ? RecordingEnd.How.FAILED
                : o.summary().end() == QueueRecorder.End.DURATION ? RecordingEnd.How.DURATION
                : RecordingEnd.How.CANCELLED;
        String reason = o.failure() == null ? "" : ErrorText.explain(o.failure()).headline();
        if (o.summary() != null) {
            lost = Math.max(lost, o.summary().lost());
            bar.setLost(lost);
        }
        ended = o.failure() != null ? "Failed: " + reason : "Stopped";
        if (o.failure() != null && !live.started()) {
            ctx.failed("Recording " + String.join(", ", live.request().queues()), o.failure());
        }
        LiveFile f = liveFile;
        work.execute(() -> {
            String problem = null;
            try {
                if (f != null) {
                    f.finish(how, reason);
                }
            } catch (java.io.IOException e) {
                problem = "The recording's file could not be finished: " + e.getMessage();
            }
            analysis.finish();
            String p = problem;
            SwingUtilities.invokeLater(() -> {
                bar.save.setEnabled(f != null && f.header() != null);
                bar.status.setText(p != null ? p : statusText());
                if (closeWhenEnded) {
                    close();
                }
            });
        });
    }

    private void startReading(Path file) {
        reading = new FileReading();
        saver.opened(file);
        bar.status.setText("Reading " + file + "…");
        bar.setProgress(0, "0 %");
        // its own thread: the filter, the analysis and Save As run on the window's while the file is read
        streamThread = Workers.single(Workers.Intent.RECORDING);
        reading.start(file, streamThread, new FileReading.Listener() {
            @Override
            public void header(RecordingHeader header) {
                analysis.header(header);
                title = "Recording " + String.join(", ", header.queues().stream().map(q -> q.name()).toList())
                        + " — " + file.getFileName();
                setTitle(title);
            }

            @Override
            public void events(List<RecordedEvent> batch, double fraction) {
                apply(batch);
                bar.setProgress(fraction, Numbers.grouped(log.total()) + " events · " + Math.round(fraction * 100)
                        + " %");
            }

            @Override
            public void lost(long total) {
                lost = total;
                bar.setLost(total);
                analysis.lost(total);
            }

            @Override
            public void done(RecordingEnd end, boolean cancelled) {
                bar.setProgress(-1, null);
                analysis.finish();
                ended = cancelled ? "Reading cancelled: the events up to there are shown"
                        : end == null ? "The file has no end line: the recording was cut short (shown up to there)"
                        : "Recorded " + end.how().word() + (end.reason().isEmpty() ? "" : ": " + end.reason());
                if (end != null) {
                    lost = Math.max(lost, end.lost());
                    bar.setLost(lost);
                }
                bar.save.setEnabled(true);
                bar.status.setText(statusText());
                refreshTimeline();
            }

            @Override
            public void failed(String why) {
                bar.setProgress(-1, null);
                ended = "Cannot open: " + why;
                bar.status.setText(ended);
                ctx.info(ended);
            }
        });
    }

    private void cancelReading() {
        if (reading != null) {
            reading.cancel();
        }
        saver.cancel();
    }

    /** Takes what the recorder delivered since the last tick into the views. */
    private void tick() {
        if (live == null) {
            return;
        }
        apply(live.drain());
        if (live.lost() > lost) {
            lost = live.lost();
            bar.setLost(lost);
            analysis.lost(lost);
        }
        if (ended == null && live.started()) {
            bar.status.setText(statusText());
        }
    }

    private void apply(List<RecordedEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        events.eventsAdded(batch);
        analysis.events(batch);
        timelineStale = true;
        refreshTimeline();
    }

    private void refreshTimeline() {
        if (timeline != null && timelineStale && tabs.getSelectedComponent() == timeline.getParent()) {
            timelineStale = false;
            timeline.show(events.model().shown());
        }
    }

    private void analysed(Analysis.Snapshot s) {
        if (analysisTabs != null) {
            analysisTabs.show(s);
        }
    }

    private String statusText() {
        String what = live != null ? String.join(", ", live.request().queues()) : title.replace("Recording ", "");
        String count = Numbers.grouped(log.total()) + (log.total() == 1 ? " event" : " events");
        if (ended == null && live != null) {
            Duration d = Duration.ofNanos(started == 0 ? 0 : System.nanoTime() - started);
            return "● Recording " + what + " · " + count + " · " + d.toMinutes() + ":" + String.format(
                    Numbers.LOCALE, "%02d", d.toSecondsPart()) + " · the queues are not changed by it";
        }
        return (ended == null ? "" : ended + " · ") + count + saver.savedText();
    }

    /** Where the whole recording is now: the live file, or the file opened. */
    private Path file() {
        return liveFile != null ? liveFile.path() : saver.openedFile();
    }

    private void lazyTab(String name, java.util.function.Supplier<JComponent> builder) {
        JPanel holder = new JPanel(new BorderLayout());
        holder.setName("recording.tab." + name);
        holder.putClientProperty(LAZY, builder);
        tabs.addTab(name, holder);
    }

    private static final String LAZY = "mqscope.lazyTab";

    private void buildSelectedTab() {
        if (tabs.getSelectedComponent() instanceof JPanel holder
                && holder.getClientProperty(LAZY) instanceof java.util.function.Supplier<?> s) {
            holder.putClientProperty(LAZY, null);
            holder.add((JComponent) s.get(), BorderLayout.CENTER);
            holder.revalidate();
            timelineStale = true;
        }
    }

    private AnalysisTabs analysisTabs() {
        if (analysisTabs == null) {
            analysisTabs = new AnalysisTabs();
            Analysis.Snapshot last = analysis.last();
            if (last != null) {
                analysisTabs.show(last);
            }
        }
        return analysisTabs;
    }

    /**
     * Closes the window: a running recording is stopped first (the window closes once it has ended), and a
     * recording that exists only in its temporary file is offered for saving.
     */
    public void close() {
        assert SwingUtilities.isEventDispatchThread();
        if (live != null && ended == null) {
            closeWhenEnded = true;
            stop();
            return;
        }
        if (liveFile != null && liveFile.header() != null && !saver.saved()
                && !saver.askBeforeDiscarding(liveFile.path())) {
            closeWhenEnded = false;
            return;
        }
        closeNow();
    }

    /** Stops a running recording and closes without asking (the main window quits; it asked already). */
    public void discardAndClose() {
        assert SwingUtilities.isEventDispatchThread();
        if (live != null) {
            live.stop();
        }
        closeNow();
    }

    private void closeNow() {
        if (closed) {
            return;
        }
        closed = true;
        cancelReading();
        tick.stop();
        events.stop();
        events.saveWidths();
        prefs.setSize(getWidth(), getHeight());
        Path temp = liveFile == null ? null : liveFile.path();
        work.execute(() -> {
            if (temp != null) {
                try {
                    java.nio.file.Files.deleteIfExists(temp);
                } catch (java.io.IOException e) {
                    // a temporary file the system cleans up anyway
                }
            }
        });
        work.shutdown();
        if (streamThread != null) {
            streamThread.shutdown();
        }
        dispose();
        onClosed.run();
    }

    /** Whether this window holds a recording that is not saved anywhere yet (the main window asks on quit). */
    public boolean unsaved() {
        return liveFile != null && liveFile.header() != null && !saver.saved();
    }

    // --- for tests and screenshots ------------------------------------------------------------------------------

    /** The rows the event list shows now, oldest first. */
    public List<RecordedEvent> shownEvents() {
        return events.model().shown();
    }

    /** The status line as shown. */
    String shownStatus() {
        return bar.status.getText();
    }

    /** Events in the whole recording so far (the list may hide some: a filter, mqscope's own calls). */
    public long totalEvents() {
        return log.total();
    }

    public boolean recording() {
        return live != null && ended == null;
    }

    Preferences prefsNode() {
        return prefs.node();
    }
}
