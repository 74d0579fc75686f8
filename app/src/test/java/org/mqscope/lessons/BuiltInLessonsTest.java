package org.mqscope.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mqscope.lessons.Reports.StepReport;

/** Every lesson that ships runs end to end headless, and every action and check of every step holds. */
class BuiltInLessonsTest {

    static List<String> lessons() {
        return Lessons.BUILT_IN;
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void runsToTheEndWithEveryStepAsTheLessonSays(String name) throws Exception {
        Lesson lesson = Lessons.builtIn(name);
        try (LessonRunner runner = new LessonRunner(lesson)) {
            while (!runner.atEnd()) {
                StepReport r = runner.next();
                assertThat(r.ok()).as("%s step %d '%s': %s", name, r.index() + 1, r.step().title(), explain(r))
                        .isTrue();
                assertThat(r.say()).as("figures filled in").doesNotContainPattern("\\{[a-z_]+( \\d+)*}");
            }
            assertThat(runner.position()).isEqualTo(lesson.steps().size());
        }
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void backReplaysToTheSameStateAsGoingForward(String name) throws Exception {
        Lesson lesson = Lessons.builtIn(name);
        try (LessonRunner runner = new LessonRunner(lesson)) {
            runner.runToEnd();
            List<StepReport> forward = runner.reports();
            runner.back();
            assertThat(runner.position()).isEqualTo(lesson.steps().size() - 1);
            StepReport again = runner.next();
            assertThat(again.ok()).as(explain(again)).isTrue();
            assertThat(again.say()).isEqualTo(forward.get(forward.size() - 1).say());
        }
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void hasAtLeastThreeStepsEachWithAnExplanationAndSomethingChecked(String name) throws Exception {
        Lesson lesson = Lessons.builtIn(name);
        assertThat(lesson.steps()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(lesson.steps()).allSatisfy(s -> {
            assertThat(s.say()).isNotBlank();
            assertThat(s.expects()).as("step '%s' checks something", s.title()).isNotEmpty();
        });
    }

    static String explain(StepReport r) {
        String actions = r.actions().stream().map(a -> "line " + a.action().line() + " " + a.action().text() + " -> "
                + a.result() + (a.ok() ? "" : "  <-- not as the lesson says")).collect(Collectors.joining("\n  "));
        String checks = r.checks().stream().map(c -> "line " + c.expect().line() + " " + c.expect().text()
                + " -> found " + c.actual() + (c.ok() ? "" : "  <-- FAILS")).collect(Collectors.joining("\n  "));
        return (r.problem() == null ? "" : r.problem() + "\n  ") + actions + "\n  " + checks;
    }
}
