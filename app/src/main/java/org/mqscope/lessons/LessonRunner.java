package org.mqscope.lessons;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.mqscope.lessons.Reports.StepReport;
import org.mqscope.mq.QueueEvent;
import org.mqscope.mq.QueueEventSource;
import org.mqscope.mq.emulated.EmulatedBackend;

/**
 * Runs a lesson step by step on a private emulated namespace: {@link #next}, {@link #back}, {@link #runToEnd}.
 * Going back replays the lesson from its start on a fresh namespace up to the step before, so every state a
 * step shows is the one its actions make. Not for the event dispatch thread (calls wait for blocked actors);
 * one caller at a time.
 */
public final class LessonRunner implements QueueEventSource, AutoCloseable {
    /** How long a step waits for an actor to block, or for a blocked call to return, before calling it a failure. */
    public static final Duration WAIT = Duration.ofSeconds(5);

    private final Lesson lesson;
    private final List<Consumer<QueueEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<StepReport> done = new ArrayList<>();
    private Stage stage;

    public LessonRunner(Lesson lesson) {
        this.lesson = lesson;
        stage = newStage();
    }

    public Lesson lesson() {
        return lesson;
    }

    /** Steps run so far (0 at the start, {@link #stepCount()} at the end). */
    public synchronized int position() {
        return done.size();
    }

    public int stepCount() {
        return lesson.steps().size();
    }

    public synchronized boolean atEnd() {
        return done.size() == stepCount();
    }

    /** The reports of the steps run so far, in order. */
    public synchronized List<StepReport> reports() {
        return List.copyOf(done);
    }

    /** Runs the next step; IllegalStateException at the end. */
    public synchronized StepReport next() throws InterruptedException {
        if (atEnd()) {
            throw new IllegalStateException("the lesson is at its end");
        }
        int index = done.size();
        StepReport r = new StepRun(stage, lesson.steps().get(index), index).run();
        done.add(r);
        return r;
    }

    /** Undoes the last step: a fresh namespace with every step before it run again. Nothing to undo: nothing. */
    public synchronized void back() throws InterruptedException {
        if (done.isEmpty()) {
            return;
        }
        replay(done.size() - 1);
    }

    /** Back to the start: a fresh namespace, no step run. */
    public synchronized void restart() throws InterruptedException {
        replay(0);
    }

    /** Runs every remaining step; stops at the first that fails. Returns the reports of the steps it ran. */
    public synchronized List<StepReport> runToEnd() throws InterruptedException {
        List<StepReport> out = new ArrayList<>();
        while (!atEnd()) {
            StepReport r = next();
            out.add(r);
            if (!r.ok()) {
                break;
            }
        }
        return out;
    }

    /** The namespace the current run acts on (a new one after {@link #back}). */
    public synchronized EmulatedBackend namespace() {
        return stage.namespace;
    }

    /** The pid the actor has in the lesson's namespace. */
    public synchronized int pidOf(String actor) {
        Stage.Player p = stage.players.get(actor);
        if (p == null) {
            throw new IllegalArgumentException("no actor " + actor + " in " + lesson.source());
        }
        return p.pid;
    }

    /**
     * The queues of the lesson's namespace now, by name, then those unlinked but still held open by an actor: what
     * the lesson window shows beside the explanation.
     */
    public synchronized List<QueueState> queues() {
        List<QueueState> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>(); // an unlinked queue held by several actors: once
        try {
            for (org.mqscope.mq.QueueInfo q : stage.namespace.list()) {
                EmulatedBackend.Inspection i = stage.namespace.inspect(q.name());
                out.add(state(q.name(), i));
            }
        } catch (org.mqscope.mq.MqException listedButGone) {
            // only actors' calls change the namespace, and none runs now
            throw new IllegalStateException(listedButGone);
        }
        for (Stage.Player p : stage.players.values()) {
            for (var d : p.descriptors.entrySet()) {
                EmulatedBackend.Inspection i = stage.namespace.inspect(d.getValue());
                if (i.unlinked() && d.getValue().isOpen() && seen.add(d.getKey())) {
                    out.add(state(d.getKey() + " (unlinked)", i));
                }
            }
        }
        return out;
    }

    private QueueState state(String name, EmulatedBackend.Inspection i) {
        String registrant = "none";
        for (Stage.Player p : stage.players.values()) {
            if (p.pid == i.status().notifyPid()) {
                registrant = p.name;
            }
        }
        List<String> blocked = new ArrayList<>();
        for (Stage.Player p : stage.players.values()) {
            if (p.blocked() && p.busy()) {
                blocked.add(p.name);
            }
        }
        return new QueueState(name, i.messages().stream().map(Checks::describe).toList(), i.status().qsize(),
                registrant, blocked);
    }

    /**
     * A queue as the lesson window shows it.
     *
     * @param messages in receive order, as {@code "text" prio N}
     * @param registrant the actor registered with mq_notify, or "none"
     * @param blocked  actors asleep in a call (on any queue of the lesson)
     */
    public record QueueState(String name, List<String> messages, long qsize, String registrant,
                             List<String> blocked) {
    }

    /** Events of every run of the lesson (a replay after {@link #back} included). */
    @Override
    public Subscription subscribe(Consumer<QueueEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void replay(int steps) throws InterruptedException {
        stage.close();
        stage = newStage();
        done.clear();
        for (int i = 0; i < steps; i++) {
            next();
        }
    }

    private Stage newStage() {
        return new Stage(lesson, e -> listeners.forEach(l -> l.accept(e)));
    }

    /** Interrupts what is still blocked and closes the namespace. */
    @Override
    public synchronized void close() {
        stage.close();
    }
}
