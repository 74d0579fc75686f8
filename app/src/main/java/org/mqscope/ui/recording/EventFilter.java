package org.mqscope.ui.recording;

import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javax.swing.SwingUtilities;

import org.mqscope.find.Filter;
import org.mqscope.mq.RecordedEvent;

/**
 * Applies the find bar's filter to the event list off the EDT, and keeps applying it to the events that keep
 * coming: each run looks at the events after the last one it looked at, so a live recording costs one pass over
 * each event, not one per batch. The text terms see each event's recorded payload, {@code prio:} its priority and
 * {@code size:} the whole message's size. A new filter supersedes a run under way (its result is dropped).
 */
final class EventFilter {
    private final EventTableModel model;
    private final Executor background;
    private final Consumer<String> onProblem;
    private final Runnable onMatched;
    private Filter filter = Filter.NONE;
    /** Counts filters, so a run for an older one is dropped. */
    private int generation;
    private volatile int current;
    /** Ordinals below this have been looked at by the current filter. */
    private long checkedUpTo;
    private boolean running;
    /** Hide the calls mqscope itself makes (its sampler opens every queue each second, its peeks read them). */
    private boolean hideOwn = true;

    /**
     * @param onProblem hears why a run stopped (a regular expression too slow), for the find bar
     * @param onMatched hears that rows were added by the filter (the count beside the find bar)
     */
    EventFilter(EventTableModel model, Executor background, Consumer<String> onProblem, Runnable onMatched) {
        this.model = model;
        this.background = background;
        this.onProblem = onProblem;
        this.onMatched = onMatched;
    }

    Filter filter() {
        return filter;
    }

    /** Applies {@code f} from now on, to every kept event. */
    void apply(Filter f) {
        assert SwingUtilities.isEventDispatchThread();
        filter = f;
        restart();
    }

    /** Whether mqscope's own calls are left out of the list (they stay in the file). */
    void hideOwnCalls(boolean hide) {
        assert SwingUtilities.isEventDispatchThread();
        hideOwn = hide;
        restart();
    }

    boolean hidesOwnCalls() {
        return hideOwn;
    }

    /**
     * A call mqscope itself made: from this process on one of its named worker threads (the kernel names a
     * thread's comm after its Java name, cut at 15 characters: "mq-sampler", "mq-io"), or by its mqpeek helper
     * (the exact peek opens the queue to read it).
     */
    static boolean own(RecordedEvent e) {
        String comm = e.event().actor();
        return e.event().pid() == SELF && comm.startsWith("mq-") || comm.equals(HELPER);
    }

    /** The exact peek's helper process, as its comm shows it. */
    static final String HELPER = "mqpeek";

    private static final long SELF = ProcessHandle.current().pid();

    private boolean active() {
        return !filter.isEmpty() || hideOwn;
    }

    private void restart() {
        current = ++generation;
        running = false; // a run of the old filter may still finish: it is dropped by its generation
        if (!active()) {
            model.showAll();
            return;
        }
        checkedUpTo = model.log().first();
        model.startMatching();
        eventsAdded();
    }

    /** New events are in the log: look at them when no run is under way (else after it). */
    void eventsAdded() {
        assert SwingUtilities.isEventDispatchThread();
        if (!active() || running) {
            return;
        }
        EventLog log = model.log();
        long from = Math.max(checkedUpTo, log.first());
        if (from >= log.total()) {
            return;
        }
        List<RecordedEvent> events = log.since(from);
        Filter f = filter;
        boolean withoutOwn = hideOwn;
        int mine = generation;
        running = true;
        background.execute(() -> {
            String problem = null;
            BitSet hits = null;
            try {
                hits = f.matchEach(events.size(), (c, i) -> {
                    RecordedEvent e = events.get(i);
                    c.reset(e.payload(), e.event().priority(), e.event().size());
                }, () -> current != mine, "event");
                if (hits != null && withoutOwn) {
                    for (int i = hits.nextSetBit(0); i >= 0; i = hits.nextSetBit(i + 1)) {
                        if (own(events.get(i))) {
                            hits.clear(i);
                        }
                    }
                }
            } catch (Filter.TooSlow e) {
                problem = e.getMessage();
            } catch (StackOverflowError e) {
                problem = "the expression recursed too deep on a long payload; make it simpler";
            }
            BitSet found = hits;
            String why = problem;
            SwingUtilities.invokeLater(() -> matched(mine, from, events.size(), found, why));
        });
    }

    private void matched(int mine, long from, int looked, BitSet hits, String problem) {
        if (mine != generation) {
            return;
        }
        running = false;
        if (problem != null) {
            onProblem.accept("Filtering stopped: " + problem);
            return;
        }
        if (hits == null) {
            return;
        }
        long[] ordinals = new long[hits.cardinality()];
        int n = 0;
        for (int i = hits.nextSetBit(0); i >= 0; i = hits.nextSetBit(i + 1)) {
            ordinals[n++] = from + i;
        }
        checkedUpTo = from + looked;
        model.addMatches(ordinals, n);
        onMatched.run();
        eventsAdded(); // what came meanwhile
    }

    /** Drops any run under way (the window closes). */
    void cancel() {
        current = ++generation;
        running = false;
    }
}
