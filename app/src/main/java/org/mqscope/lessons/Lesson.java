package org.mqscope.lessons;

import java.util.List;

import org.mqscope.mq.MqLimits;

/**
 * A guided lesson, as read from a lesson file (see docs/lessons.md): a title, the limits of its private emulated
 * namespace, the actors (emulated processes) that act in it, and its steps.
 *
 * @param source where it was read from ("priority.lesson", a file path), for messages
 */
public record Lesson(String source, String title, String about, MqLimits limits, List<String> actors,
                     List<Step> steps) {

    public Lesson {
        actors = List.copyOf(actors);
        steps = List.copyOf(steps);
    }

    /**
     * One step: a title, a sentence or two of explanation (which may hold {@code {...}} figures, see
     * {@link Figures}), what the actors do, and what must then hold.
     */
    public record Step(int line, String title, String say, List<Action> actions, List<Expect> expects) {
        public Step {
            actions = List.copyOf(actions);
            expects = List.copyOf(expects);
        }
    }

    /**
     * {@code do: ACTOR | VERB ARGS [=> OUTCOME]}.
     *
     * @param outcome what the call must give; {@link Outcome#SUCCESS} when the line says nothing
     */
    public record Action(int line, String text, String actor, String verb, List<String> args, Outcome outcome) {
        public Action {
            args = List.copyOf(args);
        }

        /** The queue the action is about: every verb takes it first. */
        public String queue() {
            return args.get(0);
        }
    }

    /**
     * What an action's call must give: success, an errno, blocking, or (receive) a given message.
     *
     * @param kind     which of these
     * @param errno    for {@link Kind#ERRNO}, the name ("EAGAIN")
     * @param body     for {@link Kind#MESSAGE}, the text of the message
     * @param priority for {@link Kind#MESSAGE}, the priority, or -1 for any
     */
    public record Outcome(Kind kind, String errno, String body, int priority) {
        public static final Outcome SUCCESS = new Outcome(Kind.SUCCESS, null, null, -1);
        public static final Outcome BLOCKS = new Outcome(Kind.BLOCKS, null, null, -1);

        public enum Kind { SUCCESS, ERRNO, BLOCKS, MESSAGE }
    }

    /** {@code expect: SUBJECT WHAT ARGS}: a queue ("/q") or an actor, or the namespace ("queues", "charged"). */
    public record Expect(int line, String text, String subject, String what, List<String> args) {
        public Expect {
            args = List.copyOf(args);
        }
    }
}
