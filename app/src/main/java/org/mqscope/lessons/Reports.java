package org.mqscope.lessons;

import java.util.List;

/** What running a step gave, for the lesson window and the tests. */
public final class Reports {
    private Reports() {
    }

    /**
     * One step as it ran.
     *
     * @param index   0-based position of the step
     * @param say     the explanation with its {@code {...}} figures filled in
     * @param problem why the step could not run to its end (a call that did not do what the lesson said), or null
     */
    public record StepReport(int index, Lesson.Step step, String say, List<ActionReport> actions,
                             List<CheckReport> checks, String problem) {
        public StepReport {
            actions = List.copyOf(actions);
            checks = List.copyOf(checks);
        }

        /** Every action did what the lesson said and every check held. */
        public boolean ok() {
            return problem == null && actions.stream().allMatch(ActionReport::ok)
                    && checks.stream().allMatch(CheckReport::ok);
        }
    }

    /** {@code do:} line, what the call gave ("ok", "EAGAIN", "blocks", "\"urgent\" prio 9"), and whether that is
     *  what the lesson said. */
    public record ActionReport(Lesson.Action action, String result, boolean ok) {
    }

    /** {@code expect:} line, what was found, and whether it held. */
    public record CheckReport(Lesson.Expect expect, String actual, boolean ok) {
    }
}
